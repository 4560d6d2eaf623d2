import { createTableRelationsHelpers, extractTablesRelationalConfig } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import * as schema from "../schema";

/** drizzle's SQL writer for Postgres: stateless, shared by every transaction. */
export const SQL_DIALECT = new PgDialect();

type RelationalSchema = {
  fullSchema: typeof schema;
  schema: ReturnType<typeof extractTablesRelationalConfig>["tables"];
  tableNamesMap: Record<string, string>;
};

let relational: RelationalSchema | undefined;

/** The schema as drizzle's query builders read it, built once (what `drizzle(client, { schema })` builds). */
export function relationalSchema(): RelationalSchema {
  if (!relational) {
    const config = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
    relational = { fullSchema: schema, schema: config.tables, tableNamesMap: config.tableNamesMap };
  }
  return relational;
}
