import { z } from "@hono/zod-openapi";
import { ROLES } from "../../platform/auth/roles";
import { listEnvelope } from "../../platform/pagination";
import { idString, safeText, timestamp } from "../../platform/schemas";

export const CreateApiKeySchema = z
  .strictObject({
    name: safeText(100).openapi({ example: "Warehouse sync" }),
    role: z.enum(ROLES),
    mode: z.enum(["live", "test"]).default("live"),
  })
  // Inline, not a named component: generated clients (openapi-typescript) make a member with a
  // default required in a shared schema, but keep it optional in a request body.
  .openapi({ title: "CreateApiKey" });

export const ApiKeySchema = z
  .object({
    id: z.string().openapi({ example: "key_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
    name: z.string(),
    role: z.enum(ROLES),
    mode: z.enum(["live", "test"]),
    prefix: z.string().openapi({ description: "The first characters of the key, for recognition" }),
    created_at: timestamp(),
    last_used_at: timestamp().nullable(),
    revoked_at: timestamp().nullable(),
  })
  .openapi("ApiKey");

export const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z.string().openapi({ description: "The secret key. Shown only in this response." }),
}).openapi("CreatedApiKey");

export const ApiKeyListSchema = listEnvelope(ApiKeySchema).openapi("ApiKeyList");

export const ApiKeyIdParamSchema = z.object({
  id: idString().openapi({ param: { in: "path" }, example: "key_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
});
