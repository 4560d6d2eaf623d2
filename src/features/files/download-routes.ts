import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { Context } from "hono";
import { getConfig } from "../../env";
import type { AppEnv } from "../../platform/context";
import { type DownloadGrant, verifyGrant } from "../../platform/crypto/signed-url";
import { AppError } from "../../platform/errors";
import { commonErrorResponses, createRouter, problemResponse } from "../../platform/openapi";
import { exportObject } from "../exports/service";
import { serveObject } from "./content";
import { RawBodySchema, SignedDownloadQuerySchema } from "./schemas";
import { readyObject, tenantStatus } from "./service";

const tags = ["downloads"];
const download = (summary: string, path: string) =>
  createRoute({
    method: "get",
    path,
    tags,
    summary,
    request: { query: SignedDownloadQuerySchema },
    responses: {
      200: {
        description: "The content",
        content: { "application/octet-stream": { schema: RawBodySchema } },
      },
      206: { description: "The requested range" },
      304: { description: "Not modified" },
      403: problemResponse("Invalid or expired signature"),
      404: problemResponse("The file no longer exists"),
      416: problemResponse("Range not satisfiable"),
      ...commonErrorResponses,
    },
  });

const routes = {
  file: download("Download a file through a signed URL (no credentials)", "/files"),
  export: download("Download an export file through a signed URL (no credentials)", "/exports"),
} satisfies Record<string, RouteConfig>;

/** Checks the URL's signature and expiry before anything else is looked up. */
async function verified(c: Context<AppEnv>, kind: DownloadGrant["kind"]) {
  const { t, o, e, s } = c.req.query() as Record<string, string>;
  const grant = { kind, tenantId: t ?? "", object: o ?? "", expiresAt: Number(e) };
  if (!(await verifyGrant(getConfig(c.env).URL_SIGNING_KEY, grant, s ?? ""))) {
    throw new AppError("invalid_signature", "The download URL is invalid or has expired.");
  }
  return grant;
}

/**
 * /downloads: public routes, outside authentication: the signature is the credential. A file
 * link works while its tenant is active; an export link also while the tenant is offboarding
 * (that is when exports are fetched).
 */
export const signedDownloadRoutes = createRouter()
  .openapi(routes.file, async (c) => {
    const grant = await verified(c, "file");
    const status = await tenantStatus(c.var.database, grant.tenantId);
    if (status !== "active") throw new AppError("tenant_suspended", "This tenant is suspended.");
    const object = await readyObject(c.var.database, grant.tenantId, grant.object);
    return serveObject(c.env.FILES, object, c.req.raw);
  })
  .openapi(routes.export, async (c) => {
    const grant = await verified(c, "export");
    const status = await tenantStatus(c.var.database, grant.tenantId);
    if (!status || status === "deleted") throw new AppError("not_found", "No such export file.");
    const found = await exportObject(c.var.database, grant.tenantId, grant.object);
    const head = await c.env.FILES.head(found.key);
    if (!head) throw new AppError("not_found", "No such export file.");
    return serveObject(
      c.env.FILES,
      {
        key: found.key,
        filename: found.name,
        contentType: found.name.endsWith(".json") ? "application/json" : "application/x-ndjson",
        sizeBytes: head.size,
        sha256: found.sha256,
      },
      c.req.raw,
    );
  });
