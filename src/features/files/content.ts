import { AppError } from "../../platform/errors";
import { log } from "../../platform/observability/logger";

/** What serving a stored object needs to know about it. */
export interface StoredObject {
  key: string;
  contentType: string;
  filename: string;
  sizeBytes: number;
  /** Hex SHA-256: the strong ETag. */
  sha256: string | null;
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback and the exact name in RFC 6266 /
 * RFC 8187 `filename*` (percent-encoded UTF-8), so no client-supplied byte reaches the header raw.
 */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%;]/g, "_") || "download";
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === bare);
}

/** A single byte range, or null for "serve everything" (no Range, or one this server ignores). */
export function parseRange(
  header: string | null,
  size: number,
): { offset: number; length: number } | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Multiple ranges and other units may be ignored (RFC 9110 §14.2): the full body is served.
  if (!match) return null;
  const [, startText = "", endText = ""] = match;
  if (startText === "" && endText === "") return null;
  let start: number;
  let end: number;
  if (startText === "") {
    const suffix = Number(endText);
    if (suffix === 0) throw unsatisfiable(size);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(startText);
    end = endText === "" ? size - 1 : Math.min(Number(endText), size - 1);
    if (endText !== "" && Number(endText) < start) return null;
  }
  if (start >= size) throw unsatisfiable(size);
  return { offset: start, length: end - start + 1 };
}

function unsatisfiable(size: number): AppError {
  return new AppError("range_not_satisfiable", "The requested range is outside the file.", {
    headers: { "content-range": `bytes */${size}` },
  });
}

/**
 * Streams an object from R2 with Content-Type, Content-Length, ETag and Content-Disposition,
 * answering `If-None-Match` with 304 and a single `Range` with 206 (416 when unsatisfiable).
 */
export async function serveObject(
  bucket: R2Bucket,
  object: StoredObject,
  request: Request,
): Promise<Response> {
  const etag = `"${object.sha256 ?? object.key}"`;
  const headers = new Headers({
    "content-type": object.contentType,
    etag,
    "content-disposition": contentDisposition(object.filename),
    "accept-ranges": "bytes",
    "cache-control": "private, no-cache",
    "x-content-type-options": "nosniff",
  });
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch && etagMatches(ifNoneMatch, etag)) {
    return new Response(null, { status: 304, headers });
  }
  const ifRange = request.headers.get("if-range");
  const range =
    ifRange && ifRange.trim() !== etag
      ? null
      : parseRange(request.headers.get("range"), object.sizeBytes);
  const stored = await bucket.get(object.key, range ? { range } : {});
  if (!stored || !("body" in stored)) {
    log("error", "file row without its object", { key: object.key });
    throw new AppError("not_found", "No such file.");
  }
  if (range) {
    headers.set("content-length", String(range.length));
    headers.set(
      "content-range",
      `bytes ${range.offset}-${range.offset + range.length - 1}/${object.sizeBytes}`,
    );
    return new Response(stored.body, { status: 206, headers });
  }
  headers.set("content-length", String(stored.size));
  return new Response(stored.body, { status: 200, headers });
}
