import { z } from "@hono/zod-openapi";
import { ListQuerySchema, listEnvelope } from "../../platform/pagination";
import { idString, storableString, timestamp } from "../../platform/schemas";

export const AuditQuerySchema = ListQuerySchema.extend({
  action: storableString(100).optional().openapi({ example: "api_key.created" }),
  target_type: storableString(50).optional().openapi({ example: "api_key" }),
  target_id: idString().optional(),
});

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    actor: z.object({
      type: z.enum(["api_key", "jwt", "portal_token", "operator", "system"]).openapi({
        description: "portal_token: a portal token; its id is the credential that minted it",
      }),
      id: z.string(),
    }),
    action: z.string(),
    target: z.object({ type: z.string(), id: z.string() }),
    request_id: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    created_at: timestamp(),
  })
  .openapi("AuditEntry");

export const AuditListSchema = listEnvelope(AuditEntrySchema).openapi("AuditList");
