import { createRoute } from "@hono/zod-openapi";
import { requireRole } from "../../platform/auth/roles";
import { serviceContext } from "../../platform/context";
import { idempotent } from "../../platform/idempotency/middleware";
import { listRoute } from "../../platform/list-route";
import {
  createRouter,
  errorResponses,
  idempotencyKeyParameter,
  jsonResponse,
  problemFor,
  tenantSecurity,
} from "../../platform/openapi";
import { ListQuerySchema } from "../../platform/pagination";
import {
  ApiKeyIdParamSchema,
  ApiKeyListSchema,
  ApiKeySchema,
  CreateApiKeySchema,
  CreatedApiKeySchema,
  RollApiKeySchema,
} from "./schemas";
import { createApiKey, listApiKeys, revokeApiKey, rollApiKey } from "./service";

const tags = ["api-keys"];
const security = tenantSecurity;
const keyed = { keyed: true } as const;

const list = listRoute({
  area: "v2",
  tags,
  operationId: "listApiKeys",
  description:
    "The tenant's API keys with their role, prefix and last use; secrets are never shown again.",
  summary: "List API keys (admin)",
  role: "admin",
  query: ListQuerySchema,
  page: ApiKeyListSchema,
  items: "keys",
});

const create = createRoute({
  method: "post",
  path: "/",
  tags,
  security,
  operationId: "createApiKey",
  description:
    "Creates a key with a role (admin, editor or viewer); the response is the only time the secret is shown.",
  parameters: idempotencyKeyParameter,
  summary: "Create an API key (admin); the secret is shown once",
  middleware: [requireRole("admin"), idempotent()] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: CreateApiKeySchema } } },
  },
  responses: {
    201: jsonResponse("v2", "Created", CreatedApiKeySchema, keyed),
    ...errorResponses("v2", { ...keyed, body: "json" }),
  },
});

const revoke = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security,
  operationId: "revokeApiKey",
  description:
    "Revokes the key; every isolate refuses it within 5 seconds. The last active admin key cannot be revoked.",
  parameters: idempotencyKeyParameter,
  summary: "Revoke an API key (admin); it stops working within 5 seconds everywhere",
  middleware: [requireRole("admin"), idempotent()] as const,
  request: { params: ApiKeyIdParamSchema },
  responses: {
    200: jsonResponse("v2", "Revoked", ApiKeySchema, keyed),
    404: problemFor("v2", "No such key in this tenant (not_found)", keyed),
    ...errorResponses("v2", keyed),
    409: problemFor(
      "v2",
      "The last active admin key cannot be revoked (conflict), or a request with this Idempotency-Key is in progress (idempotency_key_in_use)",
      { ...keyed, retryAfter: true },
    ),
  },
});

const roll = createRoute({
  method: "post",
  path: "/{id}/roll",
  tags,
  security,
  operationId: "rollApiKey",
  description:
    "Gives the key a new secret, shown only in this response, and keeps the secret it replaces working for expires_in seconds (0: it stops now). The key keeps its id, role and expiry.",
  parameters: idempotencyKeyParameter,
  summary: "Roll an API key (admin); the old secret works on for an overlap you choose",
  middleware: [requireRole("admin"), idempotent()] as const,
  request: {
    params: ApiKeyIdParamSchema,
    body: { required: true, content: { "application/json": { schema: RollApiKeySchema } } },
  },
  responses: {
    200: jsonResponse("v2", "Rolled: the new secret is in `key`", CreatedApiKeySchema, keyed),
    404: problemFor("v2", "No such active key in this tenant (not_found)", keyed),
    ...errorResponses("v2", { ...keyed, body: "json" }),
  },
});

/** /v2/api-keys */
export const apiKeyRoutes = createRouter()
  .openapi(list, async (c) =>
    c.json(await listApiKeys({ ctx: serviceContext(c), query: c.req.valid("query") }), 200),
  )
  .openapi(create, async (c) =>
    c.json(await createApiKey({ ctx: serviceContext(c), input: c.req.valid("json") }), 201),
  )
  .openapi(revoke, async (c) =>
    c.json(await revokeApiKey({ ctx: serviceContext(c), id: c.req.valid("param").id }), 200),
  )
  .openapi(roll, async (c) =>
    c.json(
      await rollApiKey({
        ctx: serviceContext(c),
        id: c.req.valid("param").id,
        expiresIn: c.req.valid("json").expires_in,
      }),
      200,
    ),
  );
