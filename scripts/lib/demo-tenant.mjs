// The dev server's demo tenant: provisioned once through the operator API, kept under .data/ and
// reused for as long as its API key works.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { redactUrl } from "./local-worker.mjs";
import { fetchOwnTenant, provisionTenant } from "./operator-api.mjs";

export const DEMO_TENANT = { name: "Demo Books", plan: "standard" };

/**
 * Where the demo tenant is kept: `demo-tenant.json` for the embedded Postgres; one file per server
 * and database under DATABASE_URL, so switching between them does not provision anew each time.
 */
export function demoTenantFile(dataDir, databaseUrl) {
  if (!databaseUrl) return join(dataDir, "demo-tenant.json");
  const { hostname, port, pathname } = new URL(databaseUrl);
  const slug = `${hostname}-${port || 5432}${pathname.replaceAll("/", "-")}`;
  return join(dataDir, `demo-tenant.${slug.replace(/[^A-Za-z0-9._-]/g, "_")}.json`);
}

function readSaved(file) {
  try {
    const saved = JSON.parse(readFileSync(file, "utf8"));
    return typeof saved?.api_key === "string" ? saved : null;
  } catch {
    return null;
  }
}

/**
 * The demo tenant: the saved one if its API key still works (`GET /v2/tenant` answers 200),
 * otherwise a new one from `POST /admin/tenants`, saved (mode 600: it holds the key). Resolves
 * to the record plus `reused` and `file`, or null. Never throws: the server is useful without it.
 */
export async function seedDemoTenant({ baseUrl, operatorToken, dataDir, databaseUrl, say, warn }) {
  const file = demoTenantFile(dataDir, databaseUrl);
  const saved = readSaved(file);
  if (saved) {
    try {
      const { status } = await fetchOwnTenant(baseUrl, saved.api_key);
      if (status === 200) return { ...saved, reused: true, file };
      say(`saved demo tenant not accepted (GET /v2/tenant answered ${status}); provisioning anew`);
    } catch (error) {
      warn(`could not check the saved demo tenant: ${error.message}`);
    }
  }
  if (!operatorToken) {
    warn("no OPERATOR_TOKEN in .dev.vars: the demo tenant was not provisioned");
    return null;
  }
  try {
    const { tenantId, apiKey, apiKeyRecord } = await provisionTenant(
      baseUrl,
      operatorToken,
      DEMO_TENANT,
    );
    const record = {
      tenant_id: tenantId,
      name: DEMO_TENANT.name,
      plan: DEMO_TENANT.plan,
      api_key_id: apiKeyRecord?.id ?? null,
      api_key: apiKey,
      database: databaseUrl ? redactUrl(databaseUrl) : "embedded",
      created_at: new Date().toISOString(),
    };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
    return { ...record, reused: false, file };
  } catch (error) {
    if (error.status === 404 || error.status === 405) {
      warn(
        "the operator API (POST /admin/tenants) is not available in this build yet; " +
          "no demo tenant. The server keeps running.",
      );
    } else {
      warn(`could not provision the demo tenant: ${error.message}. The server keeps running.`);
    }
    return null;
  }
}
