import { z } from "@hono/zod-openapi";
import { TenantExportSchema } from "../exports/schemas";
import { TenantSchema } from "../tenants/schemas";

export const OffboardingSchema = z
  .object({ tenant: TenantSchema, export: TenantExportSchema })
  .openapi("Offboarding");
