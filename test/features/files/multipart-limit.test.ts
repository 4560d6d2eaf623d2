import { describe, expect, it } from "vitest";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { bytes, startMultipart } from "./fixtures";

/** Sends a part; `length` is the Content-Length claimed (the body's own by default). */
function putPart(key: string, id: string, n: number, data: Uint8Array, length = data.byteLength) {
  return call(`/v2/files/${id}/parts/${n}`, {
    method: "PUT",
    headers: {
      ...bearer(key),
      "content-type": "application/octet-stream",
      "content-length": String(length),
    },
    body: data,
  });
}

/** A tenant and a multipart upload declared at `size` bytes. */
async function startUpload(size: number) {
  const tenant = await createTestTenant();
  const created = await startMultipart(tenant.editorKey, {
    filename: "list.csv",
    content_type: "text/csv",
    size_bytes: size,
  });
  expect(created.status).toBe(201);
  if (created.status !== 201) throw new Error("not created");
  const { id } = await created.json();
  return { key: tenant.editorKey, id };
}

describe("files: the multipart total", () => {
  it("refuses the part that would take the parts past the declared size", async () => {
    const { key, id } = await startUpload(100);
    expect((await putPart(key, id, 1, bytes(60, 1))).status).toBe(200);

    const over = await putPart(key, id, 2, bytes(60, 2));
    expect(over.status).toBe(413);
    const problem = await readProblem(over);
    expect(problem.code).toBe("payload_too_large");
    expect(problem.limit_bytes).toBe(100);

    // What is left still fits, and re-sending a part replaces it rather than adding to it.
    expect((await putPart(key, id, 2, bytes(40, 3))).status).toBe(200);
    expect((await putPart(key, id, 1, bytes(60, 4))).status).toBe(200);
    expect((await putPart(key, id, 3, bytes(1, 5))).status).toBe(413);
  });

  it("lets exactly one of two concurrent parts take the last bytes", async () => {
    const { key, id } = await startUpload(100);
    const answers = await Promise.all([
      putPart(key, id, 1, bytes(60, 6)),
      putPart(key, id, 2, bytes(60, 7)),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 413]);
  });

  it("gives back the bytes of a part that failed on the way", async () => {
    const { key, id } = await startUpload(100);
    // Claims 100 bytes, sends 50: refused once the body ends short.
    const short = await putPart(key, id, 1, bytes(50, 8), 100);
    expect(short.status).toBe(400);
    // Nothing of it stays counted: a full-size part still fits.
    expect((await putPart(key, id, 2, bytes(100, 9))).status).toBe(200);
  });
});
