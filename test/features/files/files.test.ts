import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, operator } from "../../helpers/tenant";
import { bytes, listFiles, objectKeys, sha256, upload, uploaded } from "./fixtures";

describe("files: upload and download", () => {
  it("round-trips a file with its SHA-256, stored under the tenant's key", async () => {
    const tenant = await createTestTenant();
    const data = bytes(150_000, 7);
    const response = await upload(tenant.editorKey, data, { filename: "cover.png" });
    expect(response.status).toBe(201);
    const file = (await response.json()) as Record<string, unknown>;
    expect(file).toMatchObject({
      filename: "cover.png",
      content_type: "image/png",
      size_bytes: data.byteLength,
      sha256: await sha256(data),
      status: "ready",
    });
    expect(file.id).toMatch(/^file_[0-9a-z]{26}$/);
    expect(JSON.stringify(file)).not.toContain("tenants/");

    const [row] = await withOwnerSql(
      (sql) =>
        sql`select sha256, size_bytes, r2_key, status from files where id = ${file.id as string}`,
    );
    expect(row).toMatchObject({
      sha256: await sha256(data),
      r2_key: `tenants/${tenant.id}/files/${file.id}`,
      status: "ready",
    });
    expect((await env.FILES.head(`tenants/${tenant.id}/files/${file.id}`))?.size).toBe(
      data.byteLength,
    );

    const meta = await call(`/v2/files/${file.id}`, { headers: bearer(tenant.viewerKey) });
    expect(meta.status).toBe(200);
    expect(await meta.json()).toEqual(file);

    const content = await call(`/v2/files/${file.id}/content`, {
      headers: bearer(tenant.viewerKey),
    });
    expect(content.status).toBe(200);
    expect(content.headers.get("content-type")).toBe("image/png");
    expect(content.headers.get("content-length")).toBe(String(data.byteLength));
    expect(content.headers.get("etag")).toBe(`"${await sha256(data)}"`);
    expect(content.headers.get("content-disposition")).toBe(
      `attachment; filename="cover.png"; filename*=UTF-8''cover.png`,
    );
    const body = new Uint8Array(await content.arrayBuffer());
    expect(await sha256(body)).toBe(await sha256(data));
  });

  it("records the file.uploaded event and the audit row with the upload", async () => {
    const tenant = await createTestTenant();
    const file = await uploaded(tenant.editorKey, bytes(1000, 3), {
      filename: "a.pdf",
      contentType: "application/pdf",
    });
    const [event] = await withOwnerSql(
      (sql) =>
        sql`select payload from events where tenant_id = ${tenant.id} and type = 'file.uploaded'`,
    );
    expect((event?.payload as { data: { id: string } } | undefined)?.data.id).toBe(file.id);
    const [audit] = await withOwnerSql(
      (sql) =>
        sql`select action from audit_log where tenant_id = ${tenant.id} and target_id = ${file.id}`,
    );
    expect(audit?.action).toBe("file.uploaded");
  });

  it("serves byte ranges (206) and refuses unsatisfiable ones (416)", async () => {
    const tenant = await createTestTenant();
    const data = bytes(10_000, 11);
    const file = await uploaded(tenant.editorKey, data);
    const path = `/v2/files/${file.id}/content`;
    const headers = bearer(tenant.viewerKey);

    const middle = await call(path, { headers: { ...headers, range: "bytes=100-199" } });
    expect(middle.status).toBe(206);
    expect(middle.headers.get("content-range")).toBe("bytes 100-199/10000");
    expect(middle.headers.get("content-length")).toBe("100");
    expect(new Uint8Array(await middle.arrayBuffer())).toEqual(data.slice(100, 200));

    const suffix = await call(path, { headers: { ...headers, range: "bytes=-10" } });
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get("content-range")).toBe("bytes 9990-9999/10000");
    expect(new Uint8Array(await suffix.arrayBuffer())).toEqual(data.slice(9990));

    const open = await call(path, { headers: { ...headers, range: "bytes=9000-" } });
    expect(open.status).toBe(206);
    expect(new Uint8Array(await open.arrayBuffer())).toEqual(data.slice(9000));

    const beyond = await call(path, { headers: { ...headers, range: "bytes=20000-" } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe("bytes */10000");
    expect((await readProblem(beyond)).code).toBe("range_not_satisfiable");

    // If-Range with a stale validator: the whole file, not a range of a different version.
    const stale = await call(path, {
      headers: { ...headers, range: "bytes=0-9", "if-range": '"stale"' },
    });
    expect(stale.status).toBe(200);
    expect((await stale.arrayBuffer()).byteLength).toBe(10_000);
  });

  it("answers If-None-Match with 304 and no body", async () => {
    const tenant = await createTestTenant();
    const file = await uploaded(tenant.editorKey, bytes(500, 5));
    const first = await call(`/v2/files/${file.id}/content`, { headers: bearer(tenant.viewerKey) });
    const etag = first.headers.get("etag") ?? "";
    await first.arrayBuffer();
    const again = await call(`/v2/files/${file.id}/content`, {
      headers: { ...bearer(tenant.viewerKey), "if-none-match": `"other", ${etag}` },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    const changed = await call(`/v2/files/${file.id}/content`, {
      headers: { ...bearer(tenant.viewerKey), "if-none-match": '"other"' },
    });
    expect(changed.status).toBe(200);
    await changed.arrayBuffer();
  });

  it("encodes any file name safely in Content-Disposition (RFC 6266 filename*)", async () => {
    const tenant = await createTestTenant();
    const name = 'Café "résumé"; x.pdf';
    const file = await uploaded(tenant.editorKey, bytes(100, 2), {
      filename: name,
      contentType: "application/pdf",
    });
    expect(file.filename).toBe(name);
    const content = await call(`/v2/files/${file.id}/content`, {
      headers: bearer(tenant.viewerKey),
    });
    await content.arrayBuffer();
    const disposition = content.headers.get("content-disposition") ?? "";
    expect(disposition).toBe(
      `attachment; filename="Caf_ _r_sum___ x.pdf"; filename*=UTF-8''Caf%C3%A9%20%22r%C3%A9sum%C3%A9%22%3B%20x.pdf`,
    );
  });
});

describe("files: limits and validation", () => {
  it("refuses a body over the tenant's limit with 413 and keeps nothing", async () => {
    const tenant = await createTestTenant();
    const patched = await callJson(
      `/admin/tenants/${tenant.id}`,
      "PATCH",
      { limits: { max_file_bytes: 1000 } },
      operator(),
    );
    expect(patched.status).toBe(200);
    const response = await upload(tenant.editorKey, bytes(1001));
    expect(response.status).toBe(413);
    const problem = await readProblem(response);
    expect(problem.code).toBe("payload_too_large");
    expect(problem.limit_bytes).toBe(1000);
    expect((await upload(tenant.editorKey, bytes(1000))).status).toBe(201);
    const rows = await withOwnerSql(
      (sql) => sql`select status from files where tenant_id = ${tenant.id}`,
    );
    expect(rows.map((r) => r.status)).toEqual(["ready"]);
    expect(await objectKeys(`tenants/${tenant.id}/`)).toHaveLength(1);
  });

  it("stops a body that outgrows its declared length while streaming", async () => {
    const tenant = await createTestTenant();
    const data = bytes(5000);
    const response = await call(`/v2/files?filename=x.png`, {
      method: "POST",
      headers: {
        ...bearer(tenant.editorKey),
        "content-type": "image/png",
        "content-length": "5000",
      },
      // A stream: its true length is only learned while reading it.
      body: new Blob([data, data]).stream(),
    });
    expect([400, 413]).toContain(response.status);
    await readProblem(response);
    const rows = await withOwnerSql(
      (sql) => sql`select id from files where tenant_id = ${tenant.id} and status <> 'deleting'`,
    );
    expect(rows).toHaveLength(0);
  });

  it("refuses media types outside the allow-list with 415", async () => {
    const tenant = await createTestTenant();
    for (const contentType of ["text/html", "image/svg+xml", "application/x-msdownload", null]) {
      const response = await upload(tenant.editorKey, bytes(10), { contentType });
      expect(response.status).toBe(415);
      expect((await readProblem(response)).code).toBe("unsupported_media_type");
    }
    for (const contentType of [
      "text/csv; charset=utf-8",
      "application/epub+zip",
      "application/json",
    ]) {
      expect((await upload(tenant.editorKey, bytes(10), { contentType })).status).toBe(201);
    }
  });

  it("validates the file name and the body", async () => {
    const tenant = await createTestTenant();
    const noName = await call("/v2/files", {
      method: "POST",
      headers: { ...bearer(tenant.editorKey), "content-type": "image/png", "content-length": "3" },
      body: new Uint8Array([1, 2, 3]),
    });
    expect(noName.status).toBe(400);
    expect((await readProblem(noName)).errors?.[0]?.path).toBe("query.filename");
    const slash = await upload(tenant.editorKey, bytes(3), { filename: "../etc/passwd" });
    expect(slash.status).toBe(400);
    const empty = await upload(tenant.editorKey, new Uint8Array(0));
    expect(empty.status).toBe(400);
    expect((await readProblem(empty)).code).toBe("validation_failed");
  });
});

describe("files: auth and tenancy", () => {
  it("needs a credential (401), the editor role to write (403) and hides other tenants' files (404)", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    const file = await uploaded(a.editorKey, bytes(64));
    const anonymous = await call("/v2/files");
    expect(anonymous.status).toBe(401);
    expect((await readProblem(anonymous)).code).toBe("unauthenticated");

    const viewerUpload = await upload(a.viewerKey, bytes(64));
    expect(viewerUpload.status).toBe(403);
    expect((await readProblem(viewerUpload)).code).toBe("forbidden");
    const viewerDelete = await call(`/v2/files/${file.id}`, {
      method: "DELETE",
      headers: bearer(a.viewerKey),
    });
    expect(viewerDelete.status).toBe(403);
    const viewerMultipart = await callJson(
      "/v2/files/multipart",
      "POST",
      { filename: "x.pdf", content_type: "application/pdf", size_bytes: 10 },
      bearer(a.viewerKey),
    );
    expect(viewerMultipart.status).toBe(403);

    for (const [method, path] of [
      ["GET", `/v2/files/${file.id}`],
      ["GET", `/v2/files/${file.id}/content`],
      ["POST", `/v2/files/${file.id}/download-url`],
      ["DELETE", `/v2/files/${file.id}`],
      ["GET", "/v2/files/file_nonsense"],
    ] as const) {
      const response = await call(path, { method, headers: bearer(b.adminKey) });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect((await readProblem(response)).code).toBe("not_found");
    }
    expect((await listFiles(b.viewerKey)).data).toEqual([]);
    // Still there for its own tenant.
    expect((await call(`/v2/files/${file.id}`, { headers: bearer(a.viewerKey) })).status).toBe(200);
  });

  it("lists newest first with a cursor", async () => {
    const tenant = await createTestTenant();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await uploaded(tenant.editorKey, bytes(10, i))).id);
    const page = await listFiles(tenant.viewerKey, { limit: "2" });
    expect(page.data.map((f) => f.id)).toEqual([ids[2], ids[1]]);
    expect(page.has_more).toBe(true);
    const rest = await listFiles(tenant.viewerKey, {
      limit: "2",
      starting_after: String(page.next_cursor),
    });
    expect(rest.data.map((f) => f.id)).toEqual([ids[0]]);
    expect(rest.has_more).toBe(false);
    const bad = await call("/v2/files?limit=0", { headers: bearer(tenant.viewerKey) });
    expect(bad.status).toBe(400);
  });
});

describe("files: idempotency", () => {
  it("replays an upload retried with the same Idempotency-Key instead of storing it twice", async () => {
    const tenant = await createTestTenant();
    const data = bytes(4096, 12);
    const send = () =>
      call("/v2/files?filename=retry.png", {
        method: "POST",
        headers: {
          ...bearer(tenant.editorKey),
          "content-type": "image/png",
          "content-length": String(data.byteLength),
          "idempotency-key": "upload-retry-1",
        },
        body: data,
      });
    const first = await send();
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string };
    const second = await send();
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(((await second.json()) as { id: string }).id).toBe(created.id);
    const rows = await withOwnerSql(
      (sql) => sql`select id from files where tenant_id = ${tenant.id}`,
    );
    expect(rows.map((r) => r.id)).toEqual([created.id]);
  });

  it("tells keyed uploads apart by type, length and Content-Digest without reading the body", async () => {
    const tenant = await createTestTenant();
    const data = bytes(2048, 3);
    const send = (headers: Record<string, string>) =>
      call("/v2/files?filename=digest.png", {
        method: "POST",
        headers: {
          ...bearer(tenant.editorKey),
          "content-type": "image/png",
          "content-length": String(data.byteLength),
          "idempotency-key": "upload-digest-1",
          ...headers,
        },
        body: data,
      });
    expect((await send({ "content-digest": "sha-256=:AAAA:" })).status).toBe(201);
    const otherDigest = await send({ "content-digest": "sha-256=:BBBB:" });
    expect(otherDigest.status).toBe(422);
    const otherType = await send({
      "content-digest": "sha-256=:AAAA:",
      "content-type": "image/gif",
    });
    expect(otherType.status).toBe(422);
    const same = await send({ "content-digest": "sha-256=:AAAA:" });
    expect(same.headers.get("idempotent-replayed")).toBe("true");
  });
});
