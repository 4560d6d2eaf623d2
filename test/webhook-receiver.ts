import { createServer, type IncomingMessage } from "node:http";
import { Webhook } from "standardwebhooks";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    webhookReceiverUrl: string;
  }
}

/** One scripted answer of the receiver. */
export interface ReceiverAnswer {
  status: number;
  headers?: Record<string, string>;
  /** Wait this long before answering (timeouts, slow receivers). */
  delayMs?: number;
  body?: string;
}

/** How a named receiver behaves: scripted answers first, then random picks or the default. */
export interface ReceiverConfig {
  /** Signing secrets to verify with (the standardwebhooks library, independent of our signer). */
  secrets?: string[];
  script?: ReceiverAnswer[];
  random?: ReceiverAnswer[];
  /** Makes the `random` picks reproducible (a seeded generator instead of Math.random). */
  seed?: number;
  /** Answers `answer` to every delivery whose body contains `bodyIncludes`, before anything else. */
  poison?: { bodyIncludes: string; answer: ReceiverAnswer };
  default?: ReceiverAnswer;
}

/** mulberry32: a small seeded generator, so a chaos run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the receiver saw. `verified[i]` tells whether secrets[i] verified the delivery. */
export interface ReceivedDelivery {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  verified: boolean[];
  answered: number;
  at: number;
  /** Every request header as received (lower-case names; repeated ones joined by ", "). */
  headers: Record<string, string>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A stand-in for tenants' webhook receivers on 127.0.0.1. Tests configure a receiver by name
 * (PUT /_config/<name>), point an endpoint at /hook/<name>, and read what arrived
 * (GET /_received/<name>). Every delivery is verified with the `standardwebhooks` library.
 */
export default async function setup(project: TestProject) {
  const configs = new Map<string, ReceiverConfig & { cursor: number; next: () => number }>();
  const received = new Map<string, ReceivedDelivery[]>();
  const server = createServer(async (request, response) => {
    const [, kind = "", name = ""] =
      /^\/(_config|_received|hook)\/([\w-]+)/.exec(request.url ?? "") ?? [];
    if (kind === "_config" && request.method === "PUT") {
      const config = JSON.parse(await readBody(request)) as ReceiverConfig;
      const next = config.seed === undefined ? Math.random : seeded(config.seed);
      configs.set(name, { ...config, cursor: 0, next });
      received.set(name, []);
      return void response.writeHead(204).end();
    }
    if (kind === "_received") {
      return void response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify(received.get(name) ?? []));
    }
    if (kind !== "hook") return void response.writeHead(404).end();
    const body = await readBody(request);
    const config = configs.get(name) ?? { cursor: 0, next: Math.random };
    const headers = {
      "webhook-id": String(request.headers["webhook-id"] ?? ""),
      "webhook-timestamp": String(request.headers["webhook-timestamp"] ?? ""),
      "webhook-signature": String(request.headers["webhook-signature"] ?? ""),
    };
    const verified = (config.secrets ?? []).map((secret) => {
      try {
        new Webhook(secret).verify(body, headers);
        return true;
      } catch {
        return false;
      }
    });
    const poisoned = config.poison && body.includes(config.poison.bodyIncludes);
    const answer: ReceiverAnswer =
      (poisoned ? config.poison?.answer : undefined) ??
      config.script?.[config.cursor++] ??
      (config.random?.length
        ? (config.random[Math.floor(config.next() * config.random.length)] as ReceiverAnswer)
        : (config.default ?? { status: 204 }));
    const list = received.get(name) ?? [];
    received.set(name, list);
    list.push({
      id: headers["webhook-id"],
      timestamp: headers["webhook-timestamp"],
      signature: headers["webhook-signature"],
      body,
      verified,
      answered: answer.status,
      at: Date.now(),
      headers: Object.fromEntries(
        Object.entries(request.headers).map(([k, v]) => [
          k,
          Array.isArray(v) ? v.join(", ") : String(v),
        ]),
      ),
    });
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (response.destroyed) return;
    response.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("webhook receiver did not bind");
  project.provide("webhookReceiverUrl", `http://127.0.0.1:${address.port}`);
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}
