import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { Context } from "hono";
import { getConfig } from "../../env";
import type { AppEnv } from "../../platform/context";
import { type DownloadGrant, verifyGrant } from "../../platform/crypto/signed-url";
import { transactionPerCall } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { exportObject } from "../../platform/export-files";
import {
  createRouter,
  errorResponses,
  headersFor,
  problemFor,
  publicSecurity,
} from "../../platform/openapi";
import { serveObject } from "./content";
import { ALLOWED_CONTENT_TYPES } from "./limits";
import { BinarySchema, SignedDownloadQuerySchema } from "./schemas";
import { readyObject, tenantStatus } from "./service";

const tags = ["downloads"];
const downloadHeaders = ["ETag", "Content-Disposition", "Accept-Ranges"] as const;
const download = (
  operationId: string,
  summary: string,
  path: string,
  content: Record<string, { schema: typeof BinarySchema }>,
) =>
  createRoute({
    method: "get",
    path,
    tags,
    security: publicSecurity,
    operationId,
    summary,
    description:
      "The URL comes from a signed-URL endpoint; its query is the credential, so no Authorization header is needed.",
    request: { query: SignedDownloadQuerySchema },
    responses: {
      200: {
        description: "The content",
        headers: headersFor("public", [...downloadHeaders]),
        content,
      },
      206: {
        description: "The requested range",
        headers: headersFor("public", [...downloadHeaders, "Content-Range"]),
        content,
      },
      304: {
        description: "Not modified (If-None-Match matched)",
        headers: headersFor("public", [...downloadHeaders]),
      },
      403: problemFor(
        "public",
        "Invalid or expired signature (invalid_signature), or the tenant is suspended (tenant_suspended)",
      ),
      404: problemFor("public", "The file no longer exists (not_found)"),
      416: problemFor("public", "Range not satisfiable (range_not_satisfiable)", {
        headers: ["Content-Range"],
      }),
      ...errorResponses("public"),
    },
  });

const routes = {
  file: download(
    "downloadSignedFile",
    "Download a file through a signed URL (no credentials)",
    "/files",
    Object.fromEntries(ALLOWED_CONTENT_TYPES.map((type) => [type, { schema: BinarySchema }])),
  ),
  export: download(
    "downloadSignedExport",
    "Download an export file through a signed URL (no credentials)",
    "/exports",
    {
      "application/x-ndjson": { schema: BinarySchema },
      "application/json": { schema: BinarySchema },
    },
  ),
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
 * Whether a link's tenant lets it download now. The signature says who issued the link, not
 * whether its tenant may still use it, so every download asks the tenant's current status (no
 * cache: a resumed tenant's links work at once, a suspended one's stop at once). A gone tenant is
 * 404 (nothing is left); a suspended one is 403 `tenant_suspended` (its links work again after
 * resume, while unexpired). An offboarding tenant's export links keep working: that is when its
 * export is handed over; its file links do not.
 */
async function assertDownloadable(
  c: Context<AppEnv>,
  kind: DownloadGrant["kind"],
  tenantId: string,
) {
  const status = await tenantStatus(c.var.database, tenantId);
  if (!status || status === "deleted") {
    throw new AppError(
      "not_found",
      kind === "file" ? "The file no longer exists." : "No such export file.",
    );
  }
  if (status === "active" || (kind === "export" && status === "offboarding")) return;
  throw new AppError("tenant_suspended", "This tenant is suspended.");
}

/** /downloads: public routes, outside authentication: the signature is the credential. */
export const signedDownloadRoutes = createRouter()
  .openapi(routes.file, async (c) => {
    const grant = await verified(c, "file");
    await assertDownloadable(c, "file", grant.tenantId);
    const object = await readyObject(
      transactionPerCall(c.var.database, grant.tenantId),
      grant.object,
    );
    return serveObject(c.env.FILES, object, c.req.raw);
  })
  .openapi(routes.export, async (c) => {
    const grant = await verified(c, "export");
    await assertDownloadable(c, "export", grant.tenantId);
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
