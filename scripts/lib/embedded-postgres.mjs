// Embedded Postgres for development and tests: PGlite behind its Postgres wire-protocol server.
import { createServer } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { keepExtendedSequencesTogether } from "./pglite-sequences.mjs";

/** Asks the kernel for a free loopback port. */
export async function freePort() {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts PGlite (in memory, or persisted under `dataDir`) and serves it on 127.0.0.1:`port`.
 * Many client connections share the one backend; statements are serialized by the server, and a
 * connection's extended-query sequence runs unbroken (pglite-sequences.mjs).
 */
export async function startEmbeddedPostgres({ dataDir, port, maxConnections = 200 } = {}) {
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const listenPort = port ?? (await freePort());
  const server = new PGLiteSocketServer({
    db,
    port: listenPort,
    host: "127.0.0.1",
    maxConnections,
  });
  keepExtendedSequencesTogether(server);
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${listenPort}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * Hyperdrive's local binding insists on a password in the connection string; servers with trust
 * authentication ignore it, so one is filled in when the URL has none.
 */
export function withPassword(url) {
  const parsed = new URL(url);
  if (!parsed.password) parsed.password = "postgres";
  if (!parsed.username) parsed.username = "postgres";
  return parsed.toString();
}
