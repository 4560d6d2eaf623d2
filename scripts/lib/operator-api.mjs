// Client for the few API calls the dev server and the benchmarks make: provisioning a tenant
// through the operator API and checking that a tenant API key still works.

/** An API call that did not answer as the contract says; `status` and `code` tell why. */
export class ApiCallError extends Error {
  constructor(message, { status, code } = {}) {
    super(message);
    this.name = "ApiCallError";
    this.status = status;
    this.code = code;
  }
}

async function readJson(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describeProblem(response, body) {
  const code = body && typeof body === "object" ? body.code : undefined;
  const detail = body && typeof body === "object" ? (body.detail ?? body.title) : undefined;
  return { code, text: [`HTTP ${response.status}`, code, detail].filter(Boolean).join(" ") };
}

/**
 * `POST /admin/tenants`: provisions a tenant and its first admin API key (shown once).
 * Resolves to `{ tenantId, apiKey, tenant, apiKeyRecord }`.
 */
export async function provisionTenant(baseUrl, operatorToken, { name, plan = "standard" } = {}) {
  const response = await fetch(new URL("/admin/tenants", baseUrl), {
    method: "POST",
    headers: { authorization: `Bearer ${operatorToken}`, "content-type": "application/json" },
    body: JSON.stringify({ name, plan }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = await readJson(response);
  if (response.status !== 201) {
    const { code, text } = describeProblem(response, body);
    throw new ApiCallError(`POST /admin/tenants answered ${text}`, {
      status: response.status,
      code,
    });
  }
  const tenantId = body?.tenant?.id;
  const apiKey = body?.api_key?.key;
  if (typeof tenantId !== "string" || typeof apiKey !== "string") {
    throw new ApiCallError("POST /admin/tenants answered 201 without tenant.id and api_key.key", {
      status: response.status,
    });
  }
  return { tenantId, apiKey, tenant: body.tenant, apiKeyRecord: body.api_key };
}

/** `GET /v2/tenant` with a tenant API key; resolves to the HTTP status and the parsed body. */
export async function fetchOwnTenant(baseUrl, apiKey) {
  const response = await fetch(new URL("/v2/tenant", baseUrl), {
    headers: { authorization: `Bearer ${apiKey}` },
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, body: await readJson(response) };
}
