import { call } from "../../helpers/http";
import { bearer, createTestTenant, type TestTenant } from "../../helpers/tenant";
import type { ReceiverConfig } from "../../webhook-receiver";
import { receiver, type webhookEnv } from "./delivery-fixtures";

type Harness = ReturnType<typeof webhookEnv>;

/** Calls a v2 route as the tenant's admin with the harness's bindings. */
export async function adminCall(
  harness: Harness,
  tenant: TestTenant,
  path: string,
  method = "GET",
  body?: unknown,
): Promise<Response> {
  return call(
    `/v2${path}`,
    {
      method,
      headers: {
        ...bearer(tenant.adminKey),
        ...(body !== undefined && { "content-type": "application/json" }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    },
    harness.bindings,
  );
}

/** A tenant with a fast delivery rate (so tests are not throttled unless they mean it). */
export function fastTenant(rate = 1000): Promise<TestTenant> {
  return createTestTenant({ limits: { webhook_rate_per_second: rate } });
}

/** Configures a receiver and registers an endpoint pointing at it; returns ids and secret. */
export async function endpointTo(
  harness: Harness,
  tenant: TestTenant,
  config: ReceiverConfig,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; secret: string; name: string }> {
  const name = `r-${crypto.randomUUID()}`;
  const url = await receiver(name, config);
  const response = await adminCall(harness, tenant, "/webhook-endpoints", "POST", {
    url,
    ...fields,
  });
  if (response.status !== 201)
    throw new Error(`endpoint: ${response.status} ${await response.text()}`);
  const created = (await response.json()) as { id: string; secret: string };
  // The receiver verifies with the endpoint's secret from now on.
  await receiver(name, { ...config, secrets: [created.secret, ...(config.secrets ?? [])] });
  return { ...created, name };
}
