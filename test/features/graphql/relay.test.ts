import { env } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { call } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";

/**
 * A GraphQL query is a POST that writes nothing: the outbox relay and the event hub, which run
 * after every successful write, are not started for it (they cost a transaction and an object call
 * after the response); a mutation still relays its event at once. Statements are read from the
 * counting proxy the `HYPERDRIVE_COUNTED` binding goes through (test/flight-counter.ts).
 */
const counterUrl = inject("flightCounterUrl");
const counted = { HYPERDRIVE: env.HYPERDRIVE_COUNTED };

async function statementsOf(work: () => Promise<Response>): Promise<string[]> {
  const before = ((await (await fetch(counterUrl)).json()) as { statements: number }).statements;
  const response = await work();
  expect(response.status).toBe(200);
  const body = (await response.json()) as { errors?: unknown };
  expect(body.errors).toBeUndefined();
  return (await (await fetch(`${counterUrl}statements?from=${before}`)).json()) as string[];
}

const graphql = (key: string, query: string) =>
  call(
    "/v2/graphql",
    {
      method: "POST",
      headers: { ...bearer(key), "content-type": "application/json" },
      body: JSON.stringify({ query }),
    },
    counted,
  );

const relayReads = (statements: string[]) =>
  statements.filter((s) => s.includes('from "webhook_endpoints"'));

describe("GraphQL and the relay after a write", () => {
  it("does not relay after a query, and relays after a mutation", async () => {
    const tenant = await createTestTenant();
    const query = await statementsOf(() => graphql(tenant.editorKey, "{ tenant { id } }"));
    expect(query.some((s) => s.includes('"tenants"'))).toBe(true);
    expect(relayReads(query)).toEqual([]);

    const mutation = await statementsOf(() =>
      graphql(
        tenant.editorKey,
        `mutation { createBook(input: { isbn: "9780306406157", title: "Relayed", authors: ["A"], price: { amount: 100, currency: "EUR" }, stock: 1 }) { id } }`,
      ),
    );
    expect(relayReads(mutation)).toHaveLength(1);
  });
});
