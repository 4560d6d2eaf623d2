import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import benchWorker from "../../bench/worker/index";
import { call, readProblem } from "../helpers/http";
import { bearer, createTestTenant } from "../helpers/tenant";
import { createBook } from "./books/fixtures";

const ENABLED = { BENCH_ROUTES: "true" };

/** Calls the bench Worker (bench/worker/index.ts: the product plus /bench), as `call` does. */
async function callBench(path: string, init: RequestInit = {}, bindings: Partial<typeof env> = {}) {
  const ctx = createExecutionContext();
  const response = await benchWorker.fetch(
    new Request(`https://api.shelfwise.test${path}`, init),
    { ...env, ...bindings },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

describe("/bench comparison routes", () => {
  it("are not in the product Worker, even with the benchmark switch on", async () => {
    const tenant = await createTestTenant();
    for (const path of [
      `/bench/tenant/${tenant.id}`,
      "/bench/limits/durable-object?key=x",
      "/bench/files/r2/x",
    ]) {
      const response = await call(path, {}, ENABLED);
      expect(response.status, path).toBe(404);
      expect((await readProblem(response)).code).toBe("not_found");
    }
  });

  it("do not exist unless the benchmark harness enables them", async () => {
    const tenant = await createTestTenant();
    const hidden = await callBench(`/bench/tenant/${tenant.id}`);
    expect(hidden.status).toBe(404);
    expect((await readProblem(hidden)).code).toBe("not_found");
    const production = await callBench(
      `/bench/tenant/${tenant.id}`,
      {},
      { ...ENABLED, ENVIRONMENT: "production" },
    );
    expect(production.status).toBe(404);
    const enabled = await callBench(`/bench/tenant/${tenant.id}`, {}, ENABLED);
    expect(enabled.status).toBe(200);
    const authenticated = await callBench(
      "/bench/tenant",
      { headers: bearer(tenant.viewerKey) },
      ENABLED,
    );
    expect(authenticated.status).toBe(200);
    expect((await callBench("/bench/tenant", {}, ENABLED)).status).toBe(401);
  });

  it("leave every product route to the product Worker", async () => {
    const tenant = await createTestTenant();
    const viaBench = await callBench("/v2/tenant", { headers: bearer(tenant.viewerKey) });
    const viaProduct = await call("/v2/tenant", { headers: bearer(tenant.viewerKey) });
    expect(viaBench.status).toBe(200);
    const [benchBody, productBody] = [await viaBench.json(), await viaProduct.json()];
    expect(benchBody).toMatchObject({ id: tenant.id });
    expect(Object.keys(benchBody as object)).toEqual(Object.keys(productBody as object));
    expect((await callBench("/bench-not-a-route", {}, ENABLED)).status).toBe(404);
  });

  it("serve the limiter comparison only when enabled outside production", async () => {
    const key = crypto.randomUUID();
    const path = `/bench/limits/durable-object?key=${key}&limit=3`;
    expect((await callBench(path)).status).toBe(404);
    expect((await callBench(path, {}, { ...ENABLED, ENVIRONMENT: "production" })).status).toBe(404);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await callBench(path, {}, ENABLED)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const builtin = await callBench(`/bench/limits/builtin?key=${key}`, {}, ENABLED);
    expect(builtin.status).toBe(200);

    const tenant = await createTestTenant();
    const headers = { headers: bearer(tenant.viewerKey) };
    const plain = await callBench("/bench/limits/tenant/plain", headers, ENABLED);
    const limited = await callBench("/bench/limits/tenant/limited", headers, ENABLED);
    expect([plain.status, limited.status]).toEqual([200, 200]);
    expect(plain.headers.get("ratelimit")).toBeNull();
    expect(limited.headers.get("ratelimit")).toMatch(/;r=\d+;t=\d+$/);
  });

  it("serve GET /v2/books/{id}'s body bare, with no middleware around it, only when enabled", async () => {
    const { id, adminKey } = await createTestTenant();
    const book = await createBook(adminKey);
    const path = `/bench/bare/tenants/${id}/books/${book.id}`;
    const hidden = await callBench(path);
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as { code: string }).code).toBe("not_found");

    const stacked = await call(`/v2/books/${book.id}`, { headers: bearer(adminKey) });
    const bare = await callBench(path, {}, ENABLED);
    expect(bare.status).toBe(200);
    expect(await bare.json()).toEqual(await stacked.json());
    expect(bare.headers.get("etag")).toBe(stacked.headers.get("etag"));
    // No request context, no rate limiter: neither Server-Timing nor RateLimit headers.
    expect(bare.headers.get("server-timing")).toBeNull();
    expect(bare.headers.get("ratelimit")).toBeNull();
  });

  it("store and read bare R2 objects for the file benchmark's baseline", async () => {
    const name = `guard-${crypto.randomUUID().slice(0, 8)}`;
    const put = await callBench(`/bench/files/r2/${name}`, { method: "PUT", body: "abc" }, ENABLED);
    expect(put.status).toBe(201);
    expect(await put.json()).toEqual({ size: 3 });
    const get = await callBench(`/bench/files/r2/${name}`, {}, ENABLED);
    expect(await get.text()).toBe("abc");
  });
});
