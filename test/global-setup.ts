import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, withPassword } from "../scripts/lib/embedded-postgres.mjs";
import { migrateUp } from "../scripts/lib/migrations.mjs";
import { startFlightCounter } from "./flight-counter";
import { databaseAddress, startNeonWsProxy } from "./node/neon-ws-proxy";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** host:port of the WebSocket-to-TCP proxy the Neon driver reaches the database through. */
    neonProxy: string;
    /** The database through the flight-counting proxy (binding HYPERDRIVE_COUNTED). */
    countedDatabaseUrl: string;
    /** GET: the counting proxy's counters (flights, startupFlights, connections) as JSON. */
    flightCounterUrl: string;
    /**
     * True on the embedded Postgres (PGlite): one backend serves every connection one statement at
     * a time, so a suite that holds a transaction open while another connection writes (lock
     * waits between writers) can only run against a real server (DATABASE_URL).
     */
    embeddedDatabase: boolean;
  }
}

/**
 * Starts the embedded Postgres (or uses DATABASE_URL), applies the migrations and hands the
 * connection string to the workerd pool, which points the Hyperdrive binding at it. Beside it
 * runs the WebSocket proxy that lets Neon's serverless driver reach the same database.
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
  const proxy = await startNeonWsProxy({ allow: [databaseAddress(url)] });
  project.provide("databaseUrl", url);
  project.provide("embeddedDatabase", stop !== undefined);
  project.provide("neonProxy", proxy.address);
  const counter = await startFlightCounter(url);
  project.provide("countedDatabaseUrl", counter.databaseUrl);
  project.provide("flightCounterUrl", counter.counterUrl);
  return async () => {
    await counter.stop();
    await proxy.stop();
    await stop?.();
  };
}
