import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, withPassword } from "../scripts/lib/embedded-postgres.mjs";
import { migrateUp } from "../scripts/lib/migrations.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Starts the embedded Postgres (or uses DATABASE_URL), applies the migrations and hands the
 * connection string to the workerd pool, which points the Hyperdrive binding at it.
 */
export default async function setup(project: TestProject) {
  let url = process.env.DATABASE_URL ? withPassword(process.env.DATABASE_URL) : undefined;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    const embedded = await startEmbeddedPostgres();
    url = embedded.url;
    stop = embedded.stop;
  }
  await migrateUp(url);
  project.provide("databaseUrl", url);
  return async () => {
    await stop?.();
  };
}
