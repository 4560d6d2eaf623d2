import { text, timestamp } from "drizzle-orm/pg-core";

/** `tenant_id` on every tenant-owned table: the column RLS policies and the scoped helper bind. */
export const tenantIdColumn = () => text("tenant_id").notNull();

/** Timestamps are stored with time zone and returned to clients as RFC 3339 UTC. */
export const createdAt = () =>
  timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
export const ts = (name: string) => timestamp(name, { withTimezone: true });
