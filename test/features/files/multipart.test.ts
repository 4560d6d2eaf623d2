import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, operator } from "../../helpers/tenant";
import { typedClient } from "../../helpers/typed-client";
import { bytes, sha256, startMultipart, upload } from "./fixtures";

const MiB = 1024 * 1024;

function putPart(key: string, id: string, n: number, data: Uint8Array) {
  return call(`/v2/files/${id}/parts/${n}`, {
    method: "PUT",
    headers: {
      ...bearer(key),
      "content-type": "application/octet-stream",
      "content-length": String(data.byteLength),
    },
    body: data,
  });
}

/** A tenant whose single-request limit is 1 MiB (multipart total: 100 MiB). */
async function smallLimitTenant() {
  const tenant = await createTestTenant();
  const patched = await callJson(
    `/admin/tenants/${tenant.id}`,
    "PATCH",
    { limits: { max_file_bytes: MiB } },
    operator(),
  );
  expect(patched.status).toBe(200);
  return tenant;
}

describe("files: multipart upload", () => {
  it("round-trips a file larger than the single-request limit", async () => {
    const tenant = await smallLimitTenant();
    // R2 (and miniflare) require every part but the last to be at least 5 MiB.
    const data = bytes(5 * MiB + 4321, 21);
    expect((await upload(tenant.editorKey, data)).status).toBe(413);

    const created = await startMultipart(tenant.editorKey, {
      filename: "catalogue.pdf",
      content_type: "application/pdf",
      size_bytes: data.byteLength,
    });
    expect(created.status).toBe(201);
    if (created.status !== 201) throw new Error("not created");
    const file = await created.json();
    expect(file.status).toBe("uploading");
    expect(file.upload).toMatchObject({ min_part_bytes: 5 * MiB, max_total_bytes: 100 * MiB });

    const part1 = await putPart(tenant.editorKey, file.id, 1, data.slice(0, 5 * MiB));
    expect(part1.status).toBe(200);
    const part2 = await putPart(tenant.editorKey, file.id, 2, data.slice(5 * MiB));
    expect(part2.status).toBe(200);
    const parts = [
      (await part1.json()) as { part_number: number; etag: string },
      (await part2.json()) as { part_number: number; etag: string },
    ];
    // Content is not served before completion.
    expect(
      (await call(`/v2/files/${file.id}/content`, { headers: bearer(tenant.viewerKey) })).status,
    ).toBe(404);

    const completed = await typedClient(tenant.editorKey).v2.files[":id"].complete.$post({
      param: { id: file.id },
      json: { parts: parts.map((p) => ({ part_number: p.part_number, etag: p.etag })) },
    });
    expect(completed.status).toBe(200);
    if (completed.status !== 200) throw new Error("not completed");
    const ready = await completed.json();
    expect(ready).toMatchObject({ status: "ready", size_bytes: data.byteLength });
    expect(ready.sha256).toBe(await sha256(data));

    const content = await call(`/v2/files/${file.id}/content`, {
      headers: bearer(tenant.viewerKey),
    });
    expect(content.status).toBe(200);
    expect(await sha256(new Uint8Array(await content.arrayBuffer()))).toBe(await sha256(data));
    const [event] = await withOwnerSql(
      (sql) => sql`select 1 from events where tenant_id = ${tenant.id} and type = 'file.uploaded'`,
    );
    expect(event).toBeDefined();
  });

  it("bounds the total by the multipart limit and each part by the declared size", async () => {
    const tenant = await smallLimitTenant();
    const tooBig = await callJson(
      "/v2/files/multipart",
      "POST",
      { filename: "big.zip", content_type: "application/zip", size_bytes: 100 * MiB + 1 },
      bearer(tenant.editorKey),
    );
    expect(tooBig.status).toBe(413);
    expect((await readProblem(tooBig)).code).toBe("payload_too_large");
    const html = await callJson(
      "/v2/files/multipart",
      "POST",
      { filename: "x.html", content_type: "text/html", size_bytes: 10 },
      bearer(tenant.editorKey),
    );
    expect(html.status).toBe(415);

    const created = await startMultipart(tenant.editorKey, {
      filename: "small.csv",
      content_type: "text/csv",
      size_bytes: 100,
    });
    if (created.status !== 201) throw new Error(`not created: ${created.status}`);
    const { id } = await created.json();
    const oversized = await putPart(tenant.editorKey, id, 1, bytes(101));
    expect(oversized.status).toBe(413);
    const badNumber = await putPart(tenant.editorKey, id, 10_001, bytes(10));
    expect(badNumber.status).toBe(400);
    // Parts that do not add up to the declared size are refused and the upload discarded.
    const part = (await (await putPart(tenant.editorKey, id, 1, bytes(60))).json()) as {
      etag: string;
    };
    const short = await callJson(
      `/v2/files/${id}/complete`,
      "POST",
      { parts: [{ part_number: 1, etag: part.etag }] },
      bearer(tenant.editorKey),
    );
    expect(short.status).toBe(400);
    expect((await call(`/v2/files/${id}`, { headers: bearer(tenant.viewerKey) })).status).toBe(404);
  });

  it("refuses a wrong etag, and abort removes the upload", async () => {
    const tenant = await smallLimitTenant();
    const created = await startMultipart(tenant.editorKey, {
      filename: "a.txt",
      content_type: "text/plain",
      size_bytes: 50,
    });
    if (created.status !== 201) throw new Error(`not created: ${created.status}`);
    const { id } = await created.json();
    expect((await putPart(tenant.editorKey, id, 1, bytes(50))).status).toBe(200);
    const wrong = await callJson(
      `/v2/files/${id}/complete`,
      "POST",
      { parts: [{ part_number: 1, etag: "nope" }] },
      bearer(tenant.editorKey),
    );
    expect(wrong.status).toBe(400);
    const invalid = await callJson(
      `/v2/files/${id}/complete`,
      "POST",
      { parts: [] },
      bearer(tenant.editorKey),
    );
    expect(invalid.status).toBe(400);
    expect((await readProblem(invalid)).errors?.[0]?.path).toBe("json.parts");

    const other = await createTestTenant();
    expect(
      (
        await call(`/v2/files/${id}/multipart`, {
          method: "DELETE",
          headers: bearer(other.adminKey),
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(`/v2/files/${id}/multipart`, {
          method: "DELETE",
          headers: bearer(tenant.viewerKey),
        })
      ).status,
    ).toBe(403);
    const aborted = await call(`/v2/files/${id}/multipart`, {
      method: "DELETE",
      headers: bearer(tenant.editorKey),
    });
    expect(aborted.status).toBe(200);
    expect(await aborted.json()).toEqual({ id, deleted: true });
    const rows = await withOwnerSql((sql) => sql`select 1 from files where id = ${id}`);
    expect(rows).toHaveLength(0);
    expect((await env.FILES.list({ prefix: `tenants/${tenant.id}/` })).objects).toHaveLength(0);
    // A finished or unknown upload has no parts to take.
    expect((await putPart(tenant.editorKey, id, 1, bytes(5))).status).toBe(404);
  });
});
