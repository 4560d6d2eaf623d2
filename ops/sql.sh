#!/usr/bin/env bash
# Runs an Analytics Engine SQL file (ops/queries/*.sql) against the account's SQL API.
#   CF_ACCOUNT_ID=… CF_ANALYTICS_TOKEN=… ops/sql.sh ops/queries/error-rate.sql [dataset]
# The optional dataset replaces shelfwise_requests (e.g. shelfwise_requests_staging).
set -euo pipefail
file="${1:?usage: ops/sql.sh <query.sql> [dataset]}"
dataset="${2:-shelfwise_requests}"
: "${CF_ACCOUNT_ID:?set CF_ACCOUNT_ID}" "${CF_ANALYTICS_TOKEN:?set CF_ANALYTICS_TOKEN (Account Analytics: Read)}"
# Comments are dropped: the SQL API takes one statement.
sed -e 's/--.*$//' -e "s/\bshelfwise_requests\b/${dataset}/g" "$file" |
  curl --fail-with-body -sS \
    -H "Authorization: Bearer ${CF_ANALYTICS_TOKEN}" \
    --data-binary @- \
    "https://api.cloudflare.com/client/v4/accounts/${CF_ACCOUNT_ID}/analytics_engine/sql"
