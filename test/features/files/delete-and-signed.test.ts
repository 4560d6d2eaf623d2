import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../../src/index";
import { signedDownloadUrl } from "../../../src/platform/crypto/signed-url";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, operator } from "../../helpers/tenant";
import { bucketFailingDeletes, bytes, listFiles, sha256, uploaded } from "./fixtures";

const fileRow = (id: string) =>
  withOwnerSql((sql) => sql`select status from files where id = ${id}`).then((rows) => rows[0]);
const keyOf = (tenantId: string, fileId: string) => `tenants/${tenantId}/files/${fileId}`;

/** The path and query of a signed URL, for calling the Worker in-process. */
const local = (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
};

async function downloadUrl(key: string, id: string, body?: unknown) {
  const response =
    body === undefined
      ? await call(`/v2/files/${id}/download-url`, { method: "POST", headers: bearer(key) })
      : await callJson(`/v2/files/${id}/download-url`, "POST", body, bearer(key));
  return response;
}

describe("files: deletion", () => {
  it("removes the object and the row", async () => {
    const tenant = await createTestTenant();
    const file = await uploaded(tenant.editorKey, bytes(300));
    const deleted = await call(`/v2/files/${file.id}`, {
      method: "DELETE",
      headers: bearer(tenant.editorKey),
    });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ id: file.id, deleted: true });
    expect(await fileRow(file.id)).toBeUndefined();
    expect(await env.FILES.head(keyOf(tenant.id, file.id))).toBeNull();
    const again = await call(`/v2/files/${file.id}`, { headers: bearer(tenant.viewerKey) });
    expect(again.status).toBe(404);
    const [audit] = await withOwnerSql(
      (sql) =>
        sql`select action from audit_log where target_id = ${file.id} and action = 'file.deleted'`,
    );
    expect(audit).toBeDefined();
  });

  it("when R2 fails mid-delete, hides the file at once and a retried DELETE finishes it", async () => {
    const tenant = await createTestTenant();
    const file = await uploaded(tenant.editorKey, bytes(300));
    const failed = await call(
      `/v2/files/${file.id}`,
      { method: "DELETE", headers: bearer(tenant.editorKey) },
      { FILES: bucketFailingDeletes() },
    );
    expect(failed.status).toBe(200);
    // Half done: the row is marked, the object is still there, no reader sees the file.
    expect((await fileRow(file.id))?.status).toBe("deleting");
    expect(await env.FILES.head(keyOf(tenant.id, file.id))).not.toBeNull();
    expect((await call(`/v2/files/${file.id}`, { headers: bearer(tenant.viewerKey) })).status).toBe(
      404,
    );
    expect((await listFiles(tenant.viewerKey)).data).toEqual([]);

    const retried = await call(`/v2/files/${file.id}`, {
      method: "DELETE",
      headers: bearer(tenant.editorKey),
    });
    expect(retried.status).toBe(200);
    expect(await fileRow(file.id)).toBeUndefined();
    expect(await env.FILES.head(keyOf(tenant.id, file.id))).toBeNull();
  });

  it("when R2 fails mid-delete, the hourly sweep finishes it", async () => {
    const tenant = await createTestTenant();
    const file = await uploaded(tenant.editorKey, bytes(300));
    const kept = await uploaded(tenant.editorKey, bytes(200, 9));
    await call(
      `/v2/files/${file.id}`,
      { method: "DELETE", headers: bearer(tenant.editorKey) },
      { FILES: bucketFailingDeletes() },
    );
    expect((await fileRow(file.id))?.status).toBe("deleting");

    const controller = createScheduledController({
      cron: "0 * * * *",
      scheduledTime: Date.now(),
    });
    const ctx = createExecutionContext();
    await worker.scheduled(controller, env, ctx).catch(() => {
      // Another job on this trigger may fail in the test environment; the sweep is asserted below.
    });
    await waitOnExecutionContext(ctx);
    expect(await fileRow(file.id)).toBeUndefined();
    expect(await env.FILES.head(keyOf(tenant.id, file.id))).toBeNull();
    expect((await fileRow(kept.id))?.status).toBe("ready");
    expect(await env.FILES.head(keyOf(tenant.id, kept.id))).not.toBeNull();
  });
});

describe("files: signed download URLs", () => {
  it("downloads without a credential until it expires (default 15 min)", async () => {
    const tenant = await createTestTenant();
    const data = bytes(2048, 4);
    const file = await uploaded(tenant.editorKey, data);
    const response = await downloadUrl(tenant.viewerKey, file.id);
    expect(response.status).toBe(200);
    const { url, expires_at } = (await response.json()) as { url: string; expires_at: string };
    expect(url).toMatch(/^https:\/\/api\.shelfwise\.test\/downloads\/files\?/);
    const seconds = (Date.parse(expires_at) - Date.now()) / 1000;
    expect(seconds).toBeGreaterThan(890);
    expect(seconds).toBeLessThanOrEqual(900);

    const download = await call(local(url));
    expect(download.status).toBe(200);
    expect(download.headers.get("etag")).toBe(`"${file.sha256}"`);
    expect(await sha256(new Uint8Array(await download.arrayBuffer()))).toBe(await sha256(data));
    const ranged = await call(local(url), { headers: { range: "bytes=0-9" } });
    expect(ranged.status).toBe(206);
    expect(new Uint8Array(await ranged.arrayBuffer())).toEqual(data.slice(0, 10));
  });

  it("validates expires_in (60..604800)", async () => {
    const tenant = await createTestTenant();
    const file = await uploaded(tenant.editorKey, bytes(20));
    for (const body of [
      { expires_in: 59 },
      { expires_in: 604_801 },
      { expires_in: "x" },
      { ttl: 60 },
    ]) {
      const response = await downloadUrl(tenant.viewerKey, file.id, body);
      expect(response.status).toBe(400);
      expect((await readProblem(response)).code).toBe("validation_failed");
    }
    const week = await downloadUrl(tenant.viewerKey, file.id, { expires_in: 604_800 });
    expect(week.status).toBe(200);
  });

  it("refuses tampered and expired URLs with 403 invalid_signature, and never crosses tenants", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    const fileA = await uploaded(a.editorKey, bytes(100, 1));
    const fileB = await uploaded(b.editorKey, bytes(100, 2));
    const { url } = (await (await downloadUrl(a.viewerKey, fileA.id)).json()) as { url: string };

    const tamper = (mutate: (u: URL) => void) => {
      const u = new URL(url);
      mutate(u);
      return local(u.toString());
    };
    for (const path of [
      tamper((u) => u.searchParams.set("o", fileB.id)),
      tamper((u) => u.searchParams.set("t", b.id)),
      tamper((u) => {
        u.searchParams.set("t", b.id);
        u.searchParams.set("o", fileB.id);
      }),
      tamper((u) => u.searchParams.set("e", String(Number(u.searchParams.get("e")) + 3600))),
      tamper((u) => u.searchParams.set("s", `${u.searchParams.get("s")?.slice(0, -2)}AA`)),
      tamper((u) => u.searchParams.delete("s")),
    ]) {
      const response = await call(path);
      expect(response.status, path).toBe(403);
      expect((await readProblem(response)).code).toBe("invalid_signature");
    }

    // A correctly signed but expired URL.
    const expired = await signedDownloadUrl("https://api.shelfwise.test", env.URL_SIGNING_KEY, {
      kind: "file",
      tenantId: a.id,
      object: fileA.id,
      expiresAt: Math.floor(Date.now() / 1000) - 1,
    });
    const refused = await call(local(expired));
    expect(refused.status).toBe(403);
    expect((await readProblem(refused)).code).toBe("invalid_signature");

    // A file URL is not an export URL.
    const asExport = await call(local(url).replace("/downloads/files", "/downloads/exports"));
    expect(asExport.status).toBe(403);
  });

  it("stops working when the file is deleted or the tenant suspended", async () => {
    const tenant = await createTestTenant();
    const [gone, other] = [
      await uploaded(tenant.editorKey, bytes(10, 1)),
      await uploaded(tenant.editorKey, bytes(10, 2)),
    ];
    const goneUrl = (
      (await (await downloadUrl(tenant.viewerKey, gone.id)).json()) as { url: string }
    ).url;
    const otherUrl = (
      (await (await downloadUrl(tenant.viewerKey, other.id)).json()) as {
        url: string;
      }
    ).url;
    await call(`/v2/files/${gone.id}`, { method: "DELETE", headers: bearer(tenant.editorKey) });
    expect((await call(local(goneUrl))).status).toBe(404);
    await call(`/admin/tenants/${tenant.id}/suspend`, { method: "POST", headers: operator() });
    const suspended = await call(local(otherUrl));
    expect(suspended.status).toBe(403);
    expect((await readProblem(suspended)).code).toBe("tenant_suspended");
  });
});
