import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, operator } from "../../helpers/tenant";
import { typedClient } from "../../helpers/typed-client";

/** The operator API through the typed client (answers typed by the routes). */
const admin = () => typedClient(env.OPERATOR_TOKEN).admin;

interface Tenant {
  id: string;
  status: string;
  status_reason: string | null;
  webhooks_paused: { since: string; reason: string } | null;
}
interface AuditEntry {
  action: string;
  actor: { type: string };
  before: Tenant | null;
  after: Tenant | { tenant: Tenant; export_id: string };
}

const UNKNOWN = "ten_00000000000000000000000000";

const post = (path: string, body?: unknown, headers = operator()) =>
  body === undefined
    ? call(path, { method: "POST", headers })
    : callJson(path, "POST", body, headers);

async function tenantOf(response: Response, status = 200): Promise<Tenant> {
  expect(response.status).toBe(status);
  return (await response.json()) as Tenant;
}

/** The tenant an audit entry shows after the change (an offboarding's is nested). */
function afterOf(entry: AuditEntry | undefined): Tenant {
  if (!entry) throw new Error("no audit entry");
  return "tenant" in entry.after ? entry.after.tenant : entry.after;
}

async function auditOf(tenantId: string): Promise<AuditEntry[]> {
  const response = await call(`/admin/tenants/${tenantId}/audit-log?target_type=tenant`, {
    headers: operator(),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: AuditEntry[] }).data;
}

describe("operator controls: pausing a tenant's webhooks", () => {
  it("pauses with a reason (shown by GET and the ops figures), idempotently, and resumes", async () => {
    const tenant = await createTestTenant();
    const path = `/admin/tenants/${tenant.id}/webhooks`;
    const paused = await tenantOf(await post(`${path}/pause`, { reason: "  Receiver migration " }));
    expect(paused.status).toBe("active");
    expect(paused.webhooks_paused?.reason).toBe("Receiver migration");
    const since = paused.webhooks_paused?.since ?? "";
    expect(Math.abs(Date.parse(since) - Date.now())).toBeLessThan(60_000);

    // Pausing again is 200 and keeps the first pause's time and reason.
    const again = await tenantOf(await post(`${path}/pause`, { reason: "Another reason" }));
    expect(again.webhooks_paused).toEqual({ since, reason: "Receiver migration" });
    const fetched = await tenantOf(
      await call(`/admin/tenants/${tenant.id}`, { headers: operator() }),
    );
    expect(fetched.webhooks_paused).toEqual({ since, reason: "Receiver migration" });
    const figures = await admin().ops.tenants[":id"].$get({ param: { id: tenant.id }, query: {} });
    expect(figures.status).toBe(200);
    if (figures.status !== 200) throw new Error("no figures");
    const { tenant: shown } = await figures.json();
    expect(shown).toMatchObject({ status_reason: null, webhooks_paused: { since } });
    // The tenant's API keeps working, and its own view carries no operator notes.
    const own = await call("/v2/tenant", { headers: bearer(tenant.viewerKey) });
    expect(own.status).toBe(200);
    const ownBody = (await own.json()) as Record<string, unknown>;
    expect(ownBody).not.toHaveProperty("webhooks_paused");
    expect(ownBody).not.toHaveProperty("status_reason");

    const resumed = await tenantOf(await post(`${path}/resume`));
    expect(resumed.webhooks_paused).toBeNull();
    // Resuming again is 200 too.
    expect((await tenantOf(await post(`${path}/resume`))).webhooks_paused).toBeNull();

    // One audit row per change (none for the repeats), with the reason.
    const log = await auditOf(tenant.id);
    expect(log.map((e) => e.action).slice(0, 2)).toEqual([
      "tenant.webhooks_resumed",
      "tenant.webhooks_paused",
    ]);
    const [resumedEntry, pausedEntry] = log;
    expect(pausedEntry?.actor.type).toBe("operator");
    expect(afterOf(pausedEntry).webhooks_paused?.reason).toBe("Receiver migration");
    expect(resumedEntry?.before?.webhooks_paused?.reason).toBe("Receiver migration");
    expect(afterOf(resumedEntry).webhooks_paused).toBeNull();
  });

  it("refuses a missing, empty, too long or unstorable reason with 400 and changes nothing", async () => {
    const tenant = await createTestTenant();
    const path = `/admin/tenants/${tenant.id}/webhooks/pause`;
    for (const body of [
      {},
      { reason: "" },
      { reason: "   " },
      { reason: "x".repeat(501) },
      { reason: "a\u0000b" },
      { reason: "\ud800" },
      { reason: 7 },
      { reason: "ok", extra: 1 },
    ]) {
      const response = await post(path, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const problem = await readProblem(response);
      expect(problem.code).toBe("validation_failed");
    }
    const noBody = await post(path);
    expect(noBody.status).toBe(400);
    expect((await readProblem(noBody)).errors?.map((e) => e.path)).toEqual(["json.reason"]);
    const longest = await post(path, { reason: "y".repeat(500) });
    expect(longest.status).toBe(200);
    const rows = await withOwnerSql(
      (sql) =>
        sql`select count(*)::int as n from audit_log where tenant_id = ${tenant.id} and action = 'tenant.webhooks_paused'`,
    );
    expect(rows[0]?.n).toBe(1);
  });

  it("needs the operator token (401), answers 404 for an unknown tenant and 409 for a deleted one", async () => {
    const tenant = await createTestTenant();
    for (const action of ["pause", "resume"]) {
      const path = `/admin/tenants/${tenant.id}/webhooks/${action}`;
      const body = { reason: "Receiver migration" };
      for (const headers of [{}, bearer(tenant.adminKey)]) {
        const response = await post(path, body, headers);
        expect(response.status).toBe(401);
        await readProblem(response);
      }
      const unknown = await post(`/admin/tenants/${UNKNOWN}/webhooks/${action}`, body);
      expect(unknown.status).toBe(404);
      expect((await readProblem(unknown)).code).toBe("not_found");
      const malformed = await post(`/admin/tenants/not-a-tenant/webhooks/${action}`, body);
      expect(malformed.status).toBe(400);
    }
    const fetched = await tenantOf(
      await call(`/admin/tenants/${tenant.id}`, { headers: operator() }),
    );
    expect(fetched.webhooks_paused).toBeNull();

    await withOwnerSql((sql) => sql`update tenants set status = 'deleted' where id = ${tenant.id}`);
    for (const action of ["pause", "resume"]) {
      const response = await post(`/admin/tenants/${tenant.id}/webhooks/${action}`, {
        reason: "Receiver migration",
      });
      expect(response.status).toBe(409);
      expect((await readProblem(response)).code).toBe("conflict");
    }
  });
});

describe("operator controls: reasons on suspend and offboard", () => {
  it("stores the suspension's reason, shows it, records it in the audit row and clears it on resume", async () => {
    const tenant = await createTestTenant();
    const suspended = await tenantOf(
      await post(`/admin/tenants/${tenant.id}/suspend`, { reason: "Unpaid invoice INV-0113" }),
    );
    expect(suspended).toMatchObject({
      status: "suspended",
      status_reason: "Unpaid invoice INV-0113",
    });
    // Suspending again keeps the first reason.
    const again = await tenantOf(
      await post(`/admin/tenants/${tenant.id}/suspend`, { reason: "Something else" }),
    );
    expect(again.status_reason).toBe("Unpaid invoice INV-0113");
    const list = await admin().ops.tenants.$get({ query: {} });
    if (list.status !== 200) throw new Error(`ops list answered ${list.status}`);
    const { data } = await list.json();
    expect(data.find((row) => row.tenant.id === tenant.id)?.tenant.status_reason).toBe(
      "Unpaid invoice INV-0113",
    );

    const resumed = await tenantOf(await post(`/admin/tenants/${tenant.id}/resume`));
    expect(resumed).toMatchObject({ status: "active", status_reason: null });
    const log = await auditOf(tenant.id);
    expect(log.map((e) => e.action).slice(0, 2)).toEqual(["tenant.resumed", "tenant.suspended"]);
    expect(afterOf(log[1]).status_reason).toBe("Unpaid invoice INV-0113");
    expect(afterOf(log[0]).status_reason).toBeNull();
  });

  it("suspends without a body or reason (existing callers) and records '(no reason given)'", async () => {
    const first = await createTestTenant();
    const second = await createTestTenant();
    const bare = await tenantOf(await post(`/admin/tenants/${first.id}/suspend`));
    expect(bare.status_reason).toBe("(no reason given)");
    const empty = await tenantOf(await post(`/admin/tenants/${second.id}/suspend`, {}));
    expect(empty.status_reason).toBe("(no reason given)");
    expect(afterOf((await auditOf(first.id))[0]).status_reason).toBe("(no reason given)");
  });

  it("refuses a bad suspension reason with 400 and leaves the tenant active", async () => {
    const tenant = await createTestTenant();
    for (const body of [
      { reason: "" },
      { reason: "x".repeat(501) },
      { reason: "a\u0000b" },
      { why: "x" },
    ]) {
      const response = await post(`/admin/tenants/${tenant.id}/suspend`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await readProblem(response)).code).toBe("validation_failed");
    }
    const unknown = await post(`/admin/tenants/${UNKNOWN}/suspend`, { reason: "x" });
    expect(unknown.status).toBe(404);
    const anonymous = await post(`/admin/tenants/${tenant.id}/suspend`, { reason: "x" }, {});
    expect(anonymous.status).toBe(401);
    const fetched = await tenantOf(
      await call(`/admin/tenants/${tenant.id}`, { headers: operator() }),
    );
    expect(fetched).toMatchObject({ status: "active", status_reason: null });
  });

  it("stores the offboarding's reason (400 for a bad one) and records it in the audit row", async () => {
    const tenant = await createTestTenant();
    const bad = await post(`/admin/tenants/${tenant.id}/offboard`, { reason: "y".repeat(501) });
    expect(bad.status).toBe(400);
    expect((await readProblem(bad)).code).toBe("validation_failed");
    const response = await admin().tenants[":id"].offboard.$post({
      param: { id: tenant.id },
      json: { reason: "Contract ended 2026-11-30" },
    });
    expect(response.status).toBe(202);
    if (response.status !== 202) throw new Error("not offboarded");
    const { tenant: offboarded } = await response.json();
    expect(offboarded).toMatchObject({
      status: "offboarding",
      status_reason: "Contract ended 2026-11-30",
    });
    const entry = (await auditOf(tenant.id))[0];
    expect(entry?.action).toBe("tenant.offboarded");
    expect(afterOf(entry).status_reason).toBe("Contract ended 2026-11-30");

    const other = await createTestTenant();
    const bare = await post(`/admin/tenants/${other.id}/offboard`);
    expect(bare.status).toBe(202);
    expect(((await bare.json()) as { tenant: Tenant }).tenant.status_reason).toBe(
      "(no reason given)",
    );
  });
});
