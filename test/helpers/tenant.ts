import { env } from "cloudflare:test";
import type { Role } from "../../src/platform/context";
import { callJson } from "./http";

/** Authorization header for a credential. */
export function bearer(credential: string): Record<string, string> {
  return { authorization: `Bearer ${credential}` };
}

/** Authorization header for operator routes. */
export function operator(): Record<string, string> {
  return bearer(env.OPERATOR_TOKEN);
}

/** A freshly provisioned tenant with one key per role, so suites never share state. */
export interface TestTenant {
  id: string;
  adminKey: string;
  adminKeyId: string;
  editorKey: string;
  viewerKey: string;
  /** Creates another key of the tenant with the given role. */
  createKey(role: Role, name?: string): Promise<{ id: string; key: string }>;
}

/** Provisions a tenant through the operator API, as an operator would. */
export async function provisionTenant(body: Record<string, unknown> = {}): Promise<{
  id: string;
  adminKey: string;
  adminKeyId: string;
  response: Record<string, unknown>;
}> {
  const response = await callJson(
    "/admin/tenants",
    "POST",
    { name: `Test tenant ${crypto.randomUUID()}`, plan: "standard", ...body },
    operator(),
  );
  if (response.status !== 201) {
    throw new Error(`provisioning failed: ${response.status} ${await response.text()}`);
  }
  const created = (await response.json()) as {
    tenant: { id: string };
    api_key: { id: string; key: string };
  };
  return {
    id: created.tenant.id,
    adminKey: created.api_key.key,
    adminKeyId: created.api_key.id,
    response: created as unknown as Record<string, unknown>,
  };
}

/** Creates an API key with the given role through the tenant's admin key. */
export async function createKey(adminKey: string, role: Role, name = `${role} key`) {
  const response = await callJson("/v2/api-keys", "POST", { name, role }, bearer(adminKey));
  if (response.status !== 201) {
    throw new Error(`key creation failed: ${response.status} ${await response.text()}`);
  }
  const created = (await response.json()) as { id: string; key: string };
  return { id: created.id, key: created.key };
}

/** Provisions a tenant with admin, editor and viewer keys. */
export async function createTestTenant(body: Record<string, unknown> = {}): Promise<TestTenant> {
  const { id, adminKey, adminKeyId } = await provisionTenant(body);
  const [editor, viewer] = await Promise.all([
    createKey(adminKey, "editor"),
    createKey(adminKey, "viewer"),
  ]);
  return {
    id,
    adminKey,
    adminKeyId,
    editorKey: editor.key,
    viewerKey: viewer.key,
    createKey: (role, name) => createKey(adminKey, role, name),
  };
}

/**
 * A webhook endpoint of the tenant subscribed to no event the tests emit: nothing is ever sent to
 * its address. For access and listing checks.
 */
export async function quietEndpoint(tenant: TestTenant): Promise<string> {
  const response = await callJson(
    "/v2/webhook-endpoints",
    "POST",
    { url: "https://93.184.215.14/hook", event_types: ["tenant.export.completed"] },
    bearer(tenant.adminKey),
  );
  if (response.status !== 201) throw new Error(`endpoint creation answered ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}
