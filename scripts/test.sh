#!/usr/bin/env bash
# `npm test`: the whole suite, or the files and options given (`npm test -- test/features/books`).
#
# A whole run starts two vitest processes side by side: the `node` project (tools, Chromium, the
# production bundle, `wrangler dev`), and the workerd projects, whose suites share one workerd and
# one database and stay one after the other (docs/testing.md). Vitest alone runs every file of
# every project on one worker on a 2-core machine, so the node project's 90 s came before the
# first workerd suite started. The node project's output is printed after the workerd run's; the
# exit status is that of whichever failed.
set -euo pipefail
cd "$(dirname "$0")/.."

if (($# > 0)); then
  exec bash scripts/with-node22.sh vitest run "$@"
fi

node_log="$(mktemp "${TMPDIR:-/tmp}/shelfwise-node-tests.XXXXXX")"
bash scripts/with-node22.sh vitest run --project node >"$node_log" 2>&1 &
node_pid=$!
trap 'kill "$node_pid" 2>/dev/null || true; rm -f "$node_log"' EXIT

status=0
bash scripts/with-node22.sh vitest run --project workers --project workers-isolated || status=$?
node_status=0
wait "$node_pid" || node_status=$?
echo
echo "── the node project (run beside the workerd projects) ──"
cat "$node_log"
if ((status == 0)); then status=$node_status; fi
exit "$status"
