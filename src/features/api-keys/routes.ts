import { createRoute } from "@hono/zod-openapi";
import { requireRole } from "../../platform/auth/roles";
import { serviceContext } from "../../platform/context";
import { authErrorResponses, createRouter, problemResponse } from "../../platform/openapi";
import { ListQuerySchema } from "../../platform/pagination";
import {
  ApiKeyIdParamSchema,
  ApiKeyListSchema,
  ApiKeySchema,
  CreateApiKeySchema,
  CreatedApiKeySchema,
} from "./schemas";
import { createApiKey, listApiKeys, revokeApiKey } from "./service";

const tags = ["api-keys"];
const security = [{ bearer: [] }];

const list = createRoute({
  method: "get",
  path: "/",
  tags,
  security,
  summary: "List API keys (admin)",
  middleware: [requireRole("admin")] as const,
  request: { query: ListQuerySchema },
  responses: {
    200: {
      description: "A page of keys",
      content: { "application/json": { schema: ApiKeyListSchema } },
    },
    ...authErrorResponses,
  },
});

const create = createRoute({
  method: "post",
  path: "/",
  tags,
  security,
  summary: "Create an API key (admin); the secret is shown once",
  middleware: [requireRole("admin")] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: CreateApiKeySchema } } },
  },
  responses: {
    201: {
      description: "Created",
      content: { "application/json": { schema: CreatedApiKeySchema } },
    },
    ...authErrorResponses,
  },
});

const revoke = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security,
  summary: "Revoke an API key (admin); it stops working within 5 seconds everywhere",
  middleware: [requireRole("admin")] as const,
  request: { params: ApiKeyIdParamSchema },
  responses: {
    200: { description: "Revoked", content: { "application/json": { schema: ApiKeySchema } } },
    404: problemResponse("No such key in this tenant"),
    409: problemResponse("The last active admin key cannot be revoked"),
    ...authErrorResponses,
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
  );
