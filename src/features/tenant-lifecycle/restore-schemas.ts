import { z } from "@hono/zod-openapi";
import { EXPORT_TABLES } from "../exports/tables";

export const RestoreTenantSchema = z
  .strictObject({
    source_tenant_id: z
      .string()
      .max(64)
      .regex(/^ten_[0-9a-z]{26}$/, "must be a tenant id")
      .openapi({
        description:
          "The tenant the export was taken from (the same as the target when a tenant's own data is restored)",
        example: "ten_01jd3xk2v8f4r6t8w0y2a4c6e8",
      }),
    export_id: z
      .string()
      .max(64)
      .regex(/^exp_[0-9a-z]{26}$/, "must be an export id")
      .openapi({
        description:
          "The export to load: its files are read from `exports/{source_tenant_id}/{export_id}/` in R2",
        example: "exp_01jd3xk2v8f4r6t8w0y2a4c6e8",
      }),
  })
  .openapi("RestoreTenant");

const TableCountSchema = z.object({
  restored: z.number().int().openapi({ description: "Rows inserted into the tenant" }),
  skipped: z.number().int().openapi({
    description: "Rows the tenant already held under the same id (kept as they were)",
  }),
});

export const RestoreResultSchema = z
  .object({
    tenant_id: z.string(),
    source_tenant_id: z.string(),
    export_id: z.string(),
    restored_at: z.string().openapi({ format: "date-time" }),
    tables: z.object(
      Object.fromEntries(EXPORT_TABLES.map(({ name }) => [name, TableCountSchema])) as Record<
        string,
        typeof TableCountSchema
      >,
    ),
    objects: z
      .object({
        copied: z.number().int(),
        missing: z.number().int(),
      })
      .openapi({
        description:
          "File contents copied in R2 from the source tenant's prefix; `missing`: no object to copy (the file row is restored all the same)",
      }),
  })
  .openapi("TenantRestore");
