import type { Role } from "../../../src/platform/context";
import { createBook } from "../../features/books/fixtures";
import { upload } from "../../features/files/fixtures";
import { createOrder } from "../../features/orders/fixtures";
import { webhookEnv } from "../../features/webhooks/delivery-fixtures";
import type { ownerSql } from "../../helpers/db";
import { call, callJson } from "../../helpers/http";
import { bearer, createKey, createTestTenant, provisionTenant } from "../../helpers/tenant";

type Sql = ReturnType<typeof ownerSql>;

declare module "vitest" {
  export interface ProvidedContext {
    /** FUZZ_RUNS from the environment (vitest.config.ts): the case count of a longer fuzz run. */
    fuzzRuns: string;
  }
}

/** Keys per role, each retired before the per-credential limit (100/min) could shape a response. */
export class KeyPool {
  private readonly keys = new Map<Role, { key: string; uses: number }>();
  minted = 0;

  constructor(private adminKey: string) {}

  /** A key of the role with quota left; minting happens before the case, outside its snapshot. */
  async take(role: Role): Promise<string> {
    const current = this.keys.get(role);
    if (current && current.uses < 90) {
      current.uses++;
      return current.key;
    }
    if (this.useAdmin() >= 90) {
      this.adminKey = (await createKey(this.adminKey, "admin", "fuzz admin")).key;
      this.keys.set("admin", { key: this.adminKey, uses: 1 });
    }
    this.useAdmin();
    const fresh = { key: (await createKey(this.adminKey, role, `fuzz ${role}`)).key, uses: 1 };
    this.minted++;
    this.keys.set(role, fresh);
    if (role === "admin") this.adminKey = fresh.key;
    return fresh.key;
  }

  private useAdmin(): number {
    const admin = this.keys.get("admin") ?? { key: this.adminKey, uses: 0 };
    admin.uses++;
    this.keys.set("admin", admin);
    return admin.uses;
  }
}

/** Ids of real rows, by the path segment that names their resource (`/v2/books/{id}` → books). */
export type IdPool = Record<string, string[]>;

/**
 * A tenant with every kind of resource, so valid ids reach the services, and a second tenant the
 * operator routes act on (so suspending or offboarding it cannot stop the tenant fuzz).
 */
export async function seedWorld() {
  const tenant = await createTestTenant({
    plan: "enterprise",
    limits: { requests_per_hour: 10_000_000 },
  });
  const books = [];
  for (let i = 0; i < 4; i++) books.push(await createBook(tenant.editorKey, { stock: 50 }));
  const orders = [];
  for (const book of books.slice(0, 3)) {
    orders.push(await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 1 }]));
  }
  const file = await upload(tenant.editorKey, new TextEncoder().encode("fuzz"), {
    filename: "seed.txt",
    contentType: "text/plain",
  });
  // A name no resolver knows outside this call: deliveries to it fail closed, never leave the host.
  const hooks = webhookEnv({
    ALLOW_LOOPBACK_HTTP: "false",
    WEBHOOK_DNS_TABLE: JSON.stringify({ "fuzz-hooks.invalid": ["93.184.215.14"] }),
  });
  const endpoint = await call(
    "/v2/webhook-endpoints",
    {
      method: "POST",
      headers: { ...bearer(tenant.adminKey), "content-type": "application/json" },
      body: JSON.stringify({ url: "https://fuzz-hooks.invalid/hook", enabled: false }),
    },
    hooks.bindings,
  );
  const exported = await callJson("/v2/tenant/export", "POST", {}, bearer(tenant.adminKey));
  const throwaway = await Promise.all([tenant.createKey("viewer"), tenant.createKey("editor")]);
  const target = await provisionTenant({ name: "Fuzz operator target" });
  const ids: IdPool = {
    books: books.map((b) => b.id),
    orders: orders.map((o) => o.id),
    files: [((await file.json()) as { id: string }).id],
    "webhook-endpoints": [((await endpoint.json()) as { id: string }).id],
    exports: [((await exported.json()) as { id: string }).id],
    "api-keys": throwaway.map((k) => k.id),
    tenants: [target.id],
    events: [],
  };
  ids.endpointId = ids["webhook-endpoints"] as string[];
  // Every fuzz request runs with these bindings: webhook deliveries land in a captured queue
  // (nothing leaves the host), and the fuzz host name resolves, so endpoints can be created.
  return {
    tenant,
    target,
    ids,
    keys: new KeyPool(tenant.adminKey),
    bindings: hooks.bindings,
    deliveries: hooks.queue,
  };
}

/** Event ids exist only once the seeding committed: read them afterwards. */
export async function eventIds(sql: Sql, tenantId: string): Promise<string[]> {
  const rows = await sql`select id from events where tenant_id = ${tenantId} order by id limit 5`;
  return rows.map((r) => r.id as string);
}

/**
 * What a refused request must leave as it was: the tenant's rows (counts, stock, versions,
 * statuses, settings). Work that runs on its own after earlier successes (export jobs, webhook
 * deliveries and their operational events, system audit rows) is left out.
 */
export async function tenantState(sql: Sql, t: string) {
  const [row] = await sql`select
    (select count(*) || ':' || coalesce(sum(stock), 0) || ':' || coalesce(sum(version), 0)
       || ':' || count(deleted_at) || ':' || coalesce(string_agg(status, '' order by id), '')
       from books where tenant_id = ${t}) as books,
    (select count(*) || ':' || coalesce(string_agg(status, '' order by id), '')
       from orders where tenant_id = ${t}) as orders,
    (select count(*) from order_lines where tenant_id = ${t}) as lines,
    (select count(*) from events where tenant_id = ${t}
       and type not like 'tenant.%' and type not like 'webhook.%') as events,
    (select count(*) from audit_log where tenant_id = ${t} and actor_type <> 'system') as audit,
    (select count(*) || ':' || count(revoked_at) from api_keys where tenant_id = ${t}) as keys,
    (select count(*) || ':' || coalesce(sum(length(url) + length(coalesce(description, ''))
       + jsonb_array_length(event_types) + enabled::int), 0)
       from webhook_endpoints where tenant_id = ${t}) as endpoints,
    (select count(*) || ':' || coalesce(max(updated_at)::text, '')
       from files where tenant_id = ${t}) as files,
    (select updated_at::text || ':' || status || ':' || name from tenants where id = ${t}) as tenant`;
  return row as Record<string, string>;
}

/** Audit rows written under a request id: none may exist for a refused request. */
export async function auditRowsOf(sql: Sql, requestId: string): Promise<number> {
  const [row] = await sql`select count(*)::int as n from audit_log where request_id = ${requestId}`;
  return Number(row?.n ?? 0);
}
