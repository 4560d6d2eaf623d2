import { env } from "cloudflare:test";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { forgetApiKey } from "../../../src/platform/auth/credentials";
import { createBook } from "../../features/books/fixtures";
import { call } from "../../helpers/http";
import { bearer, createTestTenant, type TestTenant } from "../../helpers/tenant";

/**
 * Database flights per request, pinned per route family (docs/latency.md): each request goes
 * through the Hyperdrive binding that reaches the database via the counting proxy, and the test
 * reads the proxy's counters before and after. `call()` waits for the request's after-response
 * work too, so a figure is the whole request: its path and what it left running (the relay,
 * `last_used_at`). Connection start-up is counted apart. Speed is never asserted here; a change
 * that adds a round trip to a family fails it, and lowering a pin is how an improvement is kept.
 */
interface Counters {
  flights: number;
  startupFlights: number;
  connections: number;
}

const counterUrl = inject("flightCounterUrl");
const counted = { HYPERDRIVE: env.HYPERDRIVE_COUNTED };

async function counters(): Promise<Counters> {
  return (await (await fetch(counterUrl)).json()) as Counters;
}

/**
 * The counters once the proxy has seen no new flight for 300 ms (at most 5 s): the work a request
 * left running after its response (the relay after a write) may still be under way when `call()`
 * returns, and was then counted as the next request's (an upload pinned at 7 measured 10 right
 * after a keyed order).
 */
async function settled(): Promise<Counters> {
  const deadline = Date.now() + 5_000;
  let last = await counters();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = await counters();
    const quiet = now.flights === last.flights && now.startupFlights === last.startupFlights;
    if (quiet || Date.now() > deadline) return now;
    last = now;
  }
}

/**
 * Flights and connections of one request sent through the counting proxy. With `warm`, a call
 * with the tenant's admin key just before (not counted), after the key is dropped from the
 * isolate's cache, gives the credential a fresh entry: the cache's TTL is 3 s, and an entry the
 * suite's earlier requests left could expire between the two calls, so that the lookup and the
 * `last_used_at` refresh (2-3 flights) counted as the measured request's own. Every request but
 * the first-call one is measured so, as a client's key is after its first call.
 */
async function measure(path: string, init: RequestInit = {}, warm?: TestTenant) {
  const before = await settled();
  if (warm) {
    // A fresh cache entry (full TTL ahead, last use just recorded), right before the request.
    forgetApiKey(warm.adminKeyId);
    await (await call("/v2/tenant", { headers: bearer(warm.adminKey) })).arrayBuffer();
  }
  const response = await call(path, init, counted);
  await response.arrayBuffer();
  const after = await settled();
  return {
    status: response.status,
    flights: after.flights - before.flights,
    connections: after.connections - before.connections,
  };
}

describe("database flights per request (through a counting proxy)", () => {
  let tenant: TestTenant;
  let bookId: string;

  beforeAll(async () => {
    tenant = await createTestTenant({ plan: "enterprise" });
    bookId = (await createBook(tenant.adminKey, { stock: 1_000 })).id;
  });

  const json = (body: unknown, headers: Record<string, string> = {}) => ({
    method: "POST",
    headers: { ...bearer(tenant.adminKey), "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

  it("reads one book in 2 flights (1 on its path, its COMMIT not waited for), on one connection", async () => {
    const result = await measure(
      `/v2/books/${bookId}`,
      { headers: bearer(tenant.adminKey) },
      tenant,
    );
    expect(result.status).toBe(200);
    expect(result.flights).toBeLessThanOrEqual(2);
    expect(result.connections).toBeLessThanOrEqual(1);
  });

  it("reads one book with a credential not yet cached in 5 flights (2 on its path: lookup, read)", async () => {
    const fresh = await tenant.createKey("viewer", "flights");
    const result = await measure(`/v2/books/${bookId}`, { headers: bearer(fresh.key) });
    expect(result.status).toBe(200);
    expect(result.flights).toBeLessThanOrEqual(5);
    expect(result.connections).toBeLessThanOrEqual(1);
  });

  it("reads a page of books in 2 flights (1 on its path), on one connection", async () => {
    const result = await measure(
      "/v2/books?limit=20",
      { headers: bearer(tenant.adminKey) },
      tenant,
    );
    expect(result.status).toBe(200);
    expect(result.flights).toBeLessThanOrEqual(2);
    expect(result.connections).toBeLessThanOrEqual(1);
  });

  it("reads the tenant with its usage in 3 flights (2 on its path)", async () => {
    const result = await measure("/v2/tenant", { headers: bearer(tenant.adminKey) }, tenant);
    expect(result.status).toBe(200);
    expect(result.flights).toBeLessThanOrEqual(3);
    expect(result.connections).toBeLessThanOrEqual(1);
  });

  it("places an order in 6 flights on one connection (3 on its path, the relay after)", async () => {
    const result = await measure(
      "/v2/orders",
      json({ lines: [{ book_id: bookId, quantity: 1 }] }),
      tenant,
    );
    expect(result.status).toBe(201);
    expect(result.flights).toBeLessThanOrEqual(6);
    expect(result.connections).toBe(1);
  });

  it("places an order with an Idempotency-Key in 7 flights on one connection (4 on its path)", async () => {
    const result = await measure(
      "/v2/orders",
      json({ lines: [{ book_id: bookId, quantity: 1 }] }, { "idempotency-key": "flights-1" }),
      tenant,
    );
    expect(result.status).toBe(201);
    expect(result.flights).toBeLessThanOrEqual(7);
    expect(result.connections).toBe(1);
  });
  it("stores a small upload in 7 flights on one connection (4 on its path)", async () => {
    const result = await measure(
      "/v2/files?filename=flights.txt",
      {
        method: "POST",
        headers: {
          ...bearer(tenant.adminKey),
          "content-type": "text/plain",
          "content-length": "2048",
        },
        body: "x".repeat(2048),
      },
      tenant,
    );
    expect(result.status).toBe(201);
    expect(result.flights).toBeLessThanOrEqual(7);
    expect(result.connections).toBe(1);
  });

  it("updates a book in 6 flights on one connection (3 on its path, the relay after)", async () => {
    const result = await measure(
      `/v2/books/${bookId}`,
      {
        method: "PATCH",
        headers: { ...bearer(tenant.adminKey), "content-type": "application/json" },
        body: JSON.stringify({ title: "Flights" }),
      },
      tenant,
    );
    expect(result.status).toBe(200);
    expect(result.flights).toBeLessThanOrEqual(6);
    expect(result.connections).toBe(1);
  });
});
