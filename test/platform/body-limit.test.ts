import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { JSON_BODY_LIMIT_BYTES } from "../../src/platform/body-limit";
import { bookBody } from "../features/books/fixtures";
import { readProblem } from "../helpers/http";
import { bearer, createTestTenant, operator } from "../helpers/tenant";

const BASE = "https://api.shelfwise.test";
const MiB = 1024 * 1024;

/** A book whose title pads the JSON document to exactly `size` bytes. */
function bookOfSize(size: number): string {
  const shell = JSON.stringify(bookBody({ title: "" }));
  return shell.replace('"title":""', `"title":"${"a".repeat(size - shell.length)}"`);
}

/** A body with no Content-Length (sent chunked), counting how many bytes were pulled from it. */
function streamed(text: string, chunkBytes = 64 * 1024) {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkBytes));
      offset += chunkBytes;
    },
  });
  return { stream, pulled: () => Math.min(offset, bytes.byteLength) };
}

function post(path: string, body: BodyInit, headers: Record<string, string>) {
  return SELF.fetch(`${BASE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

async function expectTooLarge(response: Response) {
  expect(response.status).toBe(413);
  const problem = await readProblem(response);
  expect(problem.code).toBe("payload_too_large");
  expect(problem.limit_bytes).toBe(JSON_BODY_LIMIT_BYTES);
}

async function bookCount(key: string): Promise<number> {
  const response = await SELF.fetch(`${BASE}/v2/books`, { headers: bearer(key) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: unknown[] }).data.length;
}

describe("JSON body limit", () => {
  it("refuses a 2 MB body by its Content-Length with 413, and creates nothing", async () => {
    const tenant = await createTestTenant();
    const body = bookOfSize(2 * MiB);
    const response = await post("/v2/books", body, {
      ...bearer(tenant.editorKey),
      "content-length": String(body.length),
    });
    await expectTooLarge(response);
    expect(await bookCount(tenant.editorKey)).toBe(0);
  });

  it("refuses by Content-Length before authentication, without a database query", async () => {
    const body = bookOfSize(2 * MiB);
    for (const path of ["/v2/books", "/v1/books", "/admin/tenants"]) {
      const response = await post(path, body, bearer("sk_test_not_a_key"));
      expect(response.headers.get("server-timing")).toMatch(/desc="0 queries"/);
      await expectTooLarge(response);
    }
  });

  it("cuts off a streamed body without Content-Length once it passes the limit", async () => {
    const tenant = await createTestTenant();
    const body = streamed(bookOfSize(8 * MiB));
    const response = await post("/v2/books", body.stream, bearer(tenant.editorKey));
    await expectTooLarge(response);
    // Reading stopped near the limit: the rest of the body was never pulled.
    expect(body.pulled()).toBeLessThan(4 * MiB);
    expect(await bookCount(tenant.editorKey)).toBe(0);
  });

  it("does not burn an Idempotency-Key on a refused body", async () => {
    const tenant = await createTestTenant();
    const key = { ...bearer(tenant.editorKey), "idempotency-key": `big-${crypto.randomUUID()}` };
    const big = bookOfSize(2 * MiB);
    await expectTooLarge(await post("/v2/books", big, key));
    await expectTooLarge(await post("/v2/books", streamed(big).stream, key));

    const valid = JSON.stringify(bookBody());
    const created = await post("/v2/books", valid, key);
    expect(created.status).toBe(201);
    expect(created.headers.get("idempotent-replayed")).toBeNull();
    expect(await bookCount(tenant.editorKey)).toBe(1);
  });

  it("lets a body of exactly the limit through to the schema (400, never 413)", async () => {
    const tenant = await createTestTenant();
    const body = bookOfSize(JSON_BODY_LIMIT_BYTES);
    expect(new TextEncoder().encode(body).byteLength).toBe(JSON_BODY_LIMIT_BYTES);
    for (const sent of [body, streamed(body).stream]) {
      const response = await post("/v2/books", sent, bearer(tenant.editorKey));
      expect(response.status).toBe(400);
      expect((await readProblem(response)).code).toBe("validation_failed");
    }
  });

  it("applies to operator routes too", async () => {
    const body = streamed(JSON.stringify({ name: "x".repeat(2 * MiB), plan: "standard" }));
    await expectTooLarge(await post("/admin/tenants", body.stream, operator()));
  });

  it("leaves file uploads to the plan's limit: a 2 MB upload is stored", async () => {
    const tenant = await createTestTenant();
    const data = new Uint8Array(2 * MiB).fill(7);
    const response = await SELF.fetch(`${BASE}/v2/files?filename=big.pdf`, {
      method: "POST",
      headers: {
        ...bearer(tenant.editorKey),
        "content-type": "application/pdf",
        "content-length": String(data.byteLength),
      },
      body: data,
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { size_bytes: number }).size_bytes).toBe(2 * MiB);
  });
});
