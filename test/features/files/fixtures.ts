import { env } from "cloudflare:test";
import { call } from "../../helpers/http";
import { bearer } from "../../helpers/tenant";
import { typedClient } from "../../helpers/typed-client";

/** Deterministic pseudo-random bytes (no two test files alike). */
export function bytes(size: number, seed = 1): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed * 2654435761;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** Hex SHA-256, computed in the test independently of the product code. */
export async function sha256(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", data);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Uploads raw bytes the way a client does: the body, its media type and its length. */
export function upload(
  key: string,
  data: Uint8Array,
  { filename = "cover.png", contentType = "image/png" as string | null } = {},
  bindings: Partial<typeof env> = {},
) {
  const headers: Record<string, string> = {
    ...bearer(key),
    "content-length": String(data.byteLength),
  };
  if (contentType) headers["content-type"] = contentType;
  return call(
    `/v2/files?filename=${encodeURIComponent(filename)}`,
    { method: "POST", headers, body: data },
    bindings,
  );
}

/** Uploads and returns the created file's representation. */
export async function uploaded(key: string, data: Uint8Array, options = {}) {
  const response = await upload(key, data, options);
  if (response.status !== 201) {
    throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as {
    id: string;
    filename: string;
    content_type: string;
    size_bytes: number;
    sha256: string;
    status: string;
  };
}

/** An R2 binding whose delete fails, as during an R2 outage; everything else is the real bucket. */
export function bucketFailingDeletes(): R2Bucket {
  return new Proxy(env.FILES, {
    get(target, prop) {
      if (prop === "delete") {
        return async () => {
          throw new Error("R2 unavailable (test)");
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Keys R2 holds under a prefix. */
export async function objectKeys(prefix: string): Promise<string[]> {
  const listed = await env.FILES.list({ prefix });
  return listed.objects.map((o) => o.key);
}

/** The body of `POST /v2/files/multipart`, as the route declares it. */
type NewMultipart = Parameters<
  ReturnType<typeof typedClient>["v2"]["files"]["multipart"]["$post"]
>[0]["json"];

/** Starts a multipart upload (typed client: the answer is typed by the route). */
export function startMultipart(key: string, json: NewMultipart) {
  return typedClient(key).v2.files.multipart.$post({ json });
}

/** A page of `GET /v2/files` (typed by the route); fails the test on any other status. */
export async function listFiles(key: string, query: FileListQuery = {}) {
  const response = await typedClient(key).v2.files.$get({ query });
  if (response.status !== 200) {
    throw new Error(`file list failed: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** The query of `GET /v2/files`, as the route declares it. */
type FileListQuery = Parameters<ReturnType<typeof typedClient>["v2"]["files"]["$get"]>[0]["query"];
