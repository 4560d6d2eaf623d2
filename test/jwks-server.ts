import { createServer, type IncomingMessage } from "node:http";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    jwksServerUrl: string;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A stand-in for tenants' identity providers: serves a JWKS per name at GET /jwks/<name>, set by
 * the tests with PUT /jwks/<name>. PUT /jwks/<name>/down makes that IdP answer 503 (unreachable);
 * GET /jwks/<name>/hits tells how often the JWKS was fetched (to observe caching).
 */
export default async function setup(project: TestProject) {
  const sets = new Map<string, { body: string; down: boolean; hits: number }>();
  const server = createServer(async (request, response) => {
    const match = /^\/jwks\/([\w-]+)(\/down|\/up|\/hits)?$/.exec(request.url ?? "");
    if (!match) return void response.writeHead(404).end();
    const [, name = "", action] = match;
    const entry = sets.get(name) ?? { body: '{"keys":[]}', down: false, hits: 0 };
    sets.set(name, entry);
    if (request.method === "PUT" && !action) {
      entry.body = await readBody(request);
      return void response.writeHead(204).end();
    }
    if (request.method === "PUT" && (action === "/down" || action === "/up")) {
      entry.down = action === "/down";
      return void response.writeHead(204).end();
    }
    if (action === "/hits") {
      return void response
        .writeHead(200, { "content-type": "application/json" })
        .end(`${entry.hits}`);
    }
    entry.hits++;
    if (entry.down) return void response.writeHead(503).end();
    response.writeHead(200, { "content-type": "application/json" }).end(entry.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("JWKS server did not bind");
  project.provide("jwksServerUrl", `http://127.0.0.1:${address.port}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
