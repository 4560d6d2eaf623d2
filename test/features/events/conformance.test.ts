import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { expireDueOrders } from "../../../src/features/orders/expiry";
import { openDatabase } from "../../../src/platform/db";
import { EVENT_TYPES } from "../../../src/platform/event-schemas";
import { relayTenant } from "../../../src/platform/webhooks/relay";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { typedClient } from "../../helpers/typed-client";
import { bookBody, createBook } from "../books/fixtures";
import { runExportJob } from "../exports/fixtures";
import { bytes, uploaded } from "../files/fixtures";
import { bookLine, postImport, runImportJob } from "../imports/fixtures";
import { createOrder } from "../orders/fixtures";
import { pump, webhookEnv } from "../webhooks/delivery-fixtures";
import { endpointTo, fastTenant } from "../webhooks/fixtures";
import { problemsOf, servedCatalog, validatorsOf } from "./catalog";

async function ok(response: Response | Promise<Response>, status = 200) {
  const settled = await response;
  if (settled.status !== status) {
    throw new Error(`${settled.url}: ${settled.status} ${await settled.text()}`);
  }
  return settled;
}

/** Every emitter of the product, through its real path (routes, jobs, cron verbs, consumer). */
async function driveDomainEmitters() {
  const tenant = await createTestTenant();
  const editor = bearer(tenant.editorKey);
  // book.created, book.updated, book.deleted
  const book = await createBook(tenant.editorKey, { stock: 50 });
  const doomed = await createBook(tenant.editorKey);
  await ok(callJson(`/v2/books/${book.id}`, "PATCH", { title: "Renamed" }, editor));
  await ok(call(`/v2/books/${doomed.id}`, { method: "DELETE", headers: editor }));
  // book.import.batch, book.import.completed (a new book, an update of an existing one, a bad line)
  const lines = [bookLine(1), bookLine(2, { isbn: book.isbn }), bookLine(3, { price: "x" })];
  const posted = await ok(postImport(tenant.editorKey, `${lines.join("\n")}\n`), 202);
  await runImportJob(((await posted.json()) as { id: string }).id);
  // order.created, .confirmed, .shipped, .cancelled, .expired
  const line = [{ book_id: book.id, quantity: 1 }];
  const shipped = await createOrder(tenant.editorKey, line);
  await ok(call(`/v2/orders/${shipped.id}/confirm`, { method: "POST", headers: editor }));
  await ok(call(`/v2/orders/${shipped.id}/ship`, { method: "POST", headers: editor }));
  const cancelled = await createOrder(tenant.editorKey, line);
  await ok(call(`/v2/orders/${cancelled.id}/cancel`, { method: "POST", headers: editor }));
  const expiring = await createOrder(tenant.editorKey, line);
  await withOwnerSql(
    (sql) =>
      sql`update orders set expires_at = now() - interval '1 second' where id = ${expiring.id}`,
  );
  const handle = openDatabase(env.HYPERDRIVE.connectionString);
  try {
    await expireDueOrders(handle, { now: new Date() });
  } finally {
    await handle.close();
  }
  // file.uploaded
  await uploaded(tenant.editorKey, bytes(64));
  // tenant.export.completed
  const exported = await typedClient(tenant.adminKey).v2.tenant.export.$post();
  if (exported.status !== 202) {
    throw new Error(`${exported.url}: ${exported.status} ${await exported.text()}`);
  }
  await runExportJob((await exported.json()).id);
  return tenant.id;
}

/** webhook.endpoint.suspended: an endpoint that fails every delivery of real book events. */
async function driveSuspension() {
  const harness = webhookEnv();
  const tenant = await fastTenant();
  await endpointTo(harness, tenant, { default: { status: 500 } });
  for (let i = 0; i < 10; i++) {
    await ok(
      callJson("/v2/books", "POST", bookBody(), bearer(tenant.editorKey), harness.bindings),
      201,
    );
  }
  await relayTenant(harness.env, tenant.id);
  await pump(harness);
  return tenant.id;
}

describe("event conformance", () => {
  it("every event the product emits matches its served JSON Schema, and every schema is exercised", async () => {
    const tenantIds = [await driveDomainEmitters(), await driveSuspension()];
    const catalog = await servedCatalog((await createTestTenant()).viewerKey);
    const validators = validatorsOf(catalog);

    const rows = (await withOwnerSql(
      (sql) => sql`select type, payload from events where tenant_id in ${sql(tenantIds)}`,
    )) as unknown as Array<{ type: string; payload: unknown }>;
    const emitted = new Set<string>();
    const problems: string[] = [];
    for (const { type, payload } of rows) {
      emitted.add(type);
      const validator = validators.get(type);
      if (!validator) {
        problems.push(`${type}: emitted, but the catalog has no schema for it`);
        continue;
      }
      const found = problemsOf(validator, payload);
      if (found) problems.push(`${type}: ${found}`);
    }
    expect(problems).toEqual([]);
    const neverExercised = EVENT_TYPES.filter((type) => !emitted.has(type));
    expect(neverExercised, "schemas of types no emitter produced").toEqual([]);
    expect(catalog.map((entry) => entry.type).sort()).toEqual([...emitted].sort());
  });
});
