import { z } from "@hono/zod-openapi";
import { ROLES } from "../../platform/auth/roles";
import { listEnvelope } from "../../platform/pagination";
import { idString, safeText, timestamp } from "../../platform/schemas";

export const CreateApiKeySchema = z
  .strictObject({
    name: safeText(100).openapi({ example: "Warehouse sync" }),
    role: z.enum(ROLES),
    mode: z.enum(["live", "test"]).default("live"),
    expires_at: z.iso.datetime({ offset: true }).max(64).optional().openapi({
      example: "2027-06-30T00:00:00Z",
      description:
        "RFC 3339; after this instant the key is refused (401). In the future, at most 5 years ahead. Absent: the key does not expire.",
    }),
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
    last_used_ip: z.string().nullable().openapi({
      description: "The client address of the last use (recorded at most once a minute)",
    }),
    expires_at: timestamp()
      .nullable()
      .openapi({ description: "When the key stops working; null: never" }),
    previous_key_expires_at: timestamp().nullable().openapi({
      description:
        "After a roll: until when the replaced secret still works (null when it no longer does)",
    }),
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

/** The longest overlap a roll may give the replaced secret: 30 days. */
export const MAX_ROLL_OVERLAP_SECONDS = 30 * 24 * 3600;

export const RollApiKeySchema = z
  .strictObject({
    expires_in: z.number().int().min(0).max(MAX_ROLL_OVERLAP_SECONDS).openapi({
      example: 86_400,
      description:
        "Seconds the replaced secret keeps working beside the new one (0: it stops now; at most 2,592,000, 30 days)",
    }),
  })
  .openapi("RollApiKey");
