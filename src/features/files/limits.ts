import type { TenantSnapshot } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { effectiveLimits } from "../../platform/plans";

/**
 * Media types a file may have. SVG and HTML are left out on purpose: they can carry script, and a
 * download served from the API's origin must never run in a browser.
 */
export const ALLOWED_CONTENT_TYPES = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/avif",
  "application/pdf",
  "text/csv",
  "text/plain",
  "application/json",
  "application/epub+zip",
  "application/zip",
] as const;

/** R2's multipart rules: every part but the last at least 5 MiB (and all of one size), ≤ 10,000 parts. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;
export const MAX_PARTS = 10_000;
/**
 * A multipart upload may total this many times the tenant's single-request limit (standard plan:
 * 10 MB per request, 1 GB per multipart file), so the per-plan and per-tenant overrides scale both.
 */
export const MULTIPART_FACTOR = 100;
/** R2's own ceiling for one object. */
const R2_MAX_OBJECT_BYTES = 5 * 1024 ** 4;

/** The media type's essence (`text/csv; charset=utf-8` → `text/csv`), or 415 when not allowed. */
export function allowedContentType(header: string | undefined | null): string {
  const essence = (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!(ALLOWED_CONTENT_TYPES as readonly string[]).includes(essence)) {
    throw new AppError(
      "unsupported_media_type",
      essence
        ? `${essence} is not an accepted file type.`
        : "A Content-Type naming the file's media type is required.",
      { extensions: { accepted: ALLOWED_CONTENT_TYPES } },
    );
  }
  return essence;
}

/** The tenant's file limits: one request, and a whole multipart upload. */
export function fileLimits(tenant: TenantSnapshot) {
  const single = effectiveLimits(tenant).max_file_bytes;
  return { single, multipart: Math.min(single * MULTIPART_FACTOR, R2_MAX_OBJECT_BYTES) };
}

/** 413 naming the limit. */
export function tooLarge(limit: number): AppError {
  return new AppError(
    "payload_too_large",
    `The file exceeds this tenant's limit of ${limit} bytes.`,
    {
      extensions: { limit_bytes: limit },
    },
  );
}

/** The declared Content-Length, required so R2 can take the stream without buffering it. */
export function declaredLength(header: string | undefined | null): number {
  if (header === undefined || header === null || !/^\d{1,16}$/.test(header)) {
    throw new AppError("validation_failed", "A Content-Length header is required.", {
      errors: [{ path: "header.content-length", message: "required (a byte count)" }],
    });
  }
  const length = Number(header);
  if (length === 0) {
    throw new AppError("validation_failed", "The file is empty.", {
      errors: [{ path: "body", message: "must not be empty" }],
    });
  }
  return length;
}

/**
 * Requests whose raw body streams to R2 under the per-plan file limit (checked once the tenant is
 * known) instead of the JSON body limit: the single-request upload and multipart parts, plus the
 * file benchmark's bare-R2 baselines (404 outside development and test). The multipart start and
 * completion take JSON and stay under the JSON limit.
 */
const RAW_UPLOAD_ROUTES: ReadonlyArray<{ method: string; path: RegExp }> = [
  { method: "POST", path: /^\/v2\/files\/?$/ },
  { method: "PUT", path: /^\/v2\/files\/[^/]+\/parts\/[^/]+\/?$/ },
  { method: "PUT", path: /^\/bench\/files\/[^/]+\/[^/]+\/?$/ },
];

/** True for a file upload request (exempt from the JSON body limit; see RAW_UPLOAD_ROUTES). */
export function isRawUpload(method: string, path: string): boolean {
  return RAW_UPLOAD_ROUTES.some((route) => route.method === method && route.path.test(path));
}
