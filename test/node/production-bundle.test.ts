/**
 * The artifact `wrangler deploy` would upload (not the source the other suites import) boots in
 * workerd through Miniflare with the production environment's bindings, reaches Postgres through
 * its Hyperdrive binding, and serves an authenticated request end to end.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, withPassword } from "../../scripts/lib/embedded-postgres.mjs";
import { migrateUp } from "../../scripts/lib/migrations.mjs";

const OPERATOR_TOKEN = "op_bundle_0123456789abcdef0123456789abcdef";
const compatibilityDate = /^compatibility_date = "([\d-]+)"/m.exec(
  readFileSync("wrangler.toml", "utf8"),
)?.[1];

describe("production bundle", () => {
  let mf: Miniflare;
  let outDir: string;
  let stopDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), "shelfwise-bundle-"));
    const build = spawnSync(
      "wrangler",
      ["deploy", "--dry-run", "--outdir", outDir, "--env", "production"],
      { encoding: "utf8" },
    );
    expect(build.status, build.stderr).toBe(0);
    const script = readdirSync(outDir).find((f) => f.endsWith(".js"));
    if (!script) throw new Error("wrangler produced no bundle");

    let url = process.env.DATABASE_URL ? withPassword(process.env.DATABASE_URL) : undefined;
    if (!url) {
      const embedded = await startEmbeddedPostgres();
      url = embedded.url;
      stopDatabase = embedded.stop;
    }
    await migrateUp(url);

    mf = new Miniflare({
      modules: [{ type: "ESModule", path: join(outDir, script) }],
      modulesRoot: outDir,
      compatibilityDate,
      compatibilityFlags: ["nodejs_compat"],
      bindings: {
        ENVIRONMENT: "production",
        DOCS_URL: "https://docs.shelfwise.example/api",
        PUBLIC_BASE_URL: "https://api.shelfwise.example",
        OPERATOR_TOKEN,
        WEBHOOK_SECRET_KEY: Buffer.alloc(32, 1).toString("base64"),
        URL_SIGNING_KEY: Buffer.alloc(32, 2).toString("base64"),
        API_KEY_MAC_KEY: Buffer.alloc(32, 3).toString("base64"),
      },
      hyperdrives: { HYPERDRIVE: url },
      durableObjects: {
        RATE_LIMITER: { className: "RateLimiter", useSQLite: true },
        IDEMPOTENCY: { className: "IdempotencyStore", useSQLite: true },
        TRAFFIC_INDEX: { className: "TrafficIndex", useSQLite: true },
        EVENT_HUB: { className: "EventHub", useSQLite: true },
      },
      r2Buckets: ["FILES"],
      queueProducers: { WEBHOOKS: "shelfwise-webhooks", JOBS: "shelfwise-jobs" },
      analyticsEngineDatasets: { ANALYTICS: { dataset: "shelfwise_requests" } },
    });
    await mf.ready;
  }, 120_000);

  afterAll(async () => {
    await mf?.dispose();
    await stopDatabase?.();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it("is ready: Postgres through Hyperdrive, R2 and the Durable Objects", async () => {
    const response = await mf.dispatchFetch("https://api.shelfwise.example/health/ready");
    const body = (await response.json()) as {
      status: string;
      checks: Record<string, { status: string }>;
    };
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body.checks.postgres?.status).toBe("ok");
  });

  async function provisionKey(name: string): Promise<string> {
    const provisioned = await mf.dispatchFetch("https://api.shelfwise.example/admin/tenants", {
      method: "POST",
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ name, plan: "standard" }),
    });
    expect(provisioned.status).toBe(201);
    return ((await provisioned.json()) as { api_key: { key: string } }).api_key.key;
  }

  it("provisions a tenant and serves its API key", async () => {
    const key = await provisionKey("Bundle check");
    expect(key).toMatch(/^sk_live_/);
    const me = await mf.dispatchFetch("https://api.shelfwise.example/v2/tenant", {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(me.status).toBe(200);
    expect(me.headers.get("x-request-id")).toMatch(/^req_/);
  });

  // fetch() refuses to build a GET or HEAD request with a body, in Node as in workerd: only a raw
  // HTTP client (curl, an attacker) sends one, so this sweep speaks HTTP/1.1 to workerd itself.
  it("answers a GET or HEAD with a body below 500 on every GET route of the document", async () => {
    const base = await mf.ready;
    const key = await provisionKey("Bodies on GET");
    const spec = (await (
      await mf.dispatchFetch("https://api.shelfwise.example/openapi.json")
    ).json()) as { paths: Record<string, Record<string, unknown>> };
    const paths = Object.entries(spec.paths)
      .filter(([, operations]) => "get" in operations)
      .map(([path]) => path.replace(/\{[^}]+\}/g, "x"));
    paths.push("/health/live", "/", "/no-such-route");
    const failures: string[] = [];
    let sent = 0;
    for (const path of paths) {
      for (const method of ["GET", "HEAD"]) {
        for (const auth of [{}, { authorization: `Bearer ${key}` }] as Record<string, string>[]) {
          const status = await rawStatus(new URL(path, base), method, auth, '{"a":1}');
          sent++;
          if (status >= 500) failures.push(`${method} ${path}: ${status}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(40);
    expect(failures).toEqual([]);
  });

  it("does not serve the bench-only routes in production", async () => {
    const response = await mf.dispatchFetch(
      "https://api.shelfwise.example/bench/tenant/ten_00000000000000000000000000",
    );
    expect(response.status).toBe(404);
  });
});

/** The status of one HTTP/1.1 request sent as written, body included whatever the method. */
function rawStatus(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      {
        method,
        // One connection per request: the server answers a GET without reading its body, so a
        // kept-alive socket would carry that unread body into the next request.
        agent: false,
        headers: {
          ...headers,
          connection: "close",
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}
