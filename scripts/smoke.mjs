#!/usr/bin/env node
// Functional smoke test of a running deployment, as a customer and an operator would use it: a
// throwaway tenant (operator token), an admin API key, a webhook endpoint, a book, an order, the
// order's webhook received, then the tenant offboarded (the deletion path the admin API offers).
// Plain Node 22 (fetch, node:http, node:crypto); no dependency, so it runs anywhere.
//
//   BASE_URL=https://api.example OPERATOR_TOKEN=… SMOKE_WEBHOOK_URL=https://receiver… node scripts/smoke.mjs
//   node scripts/smoke.mjs http://127.0.0.1:8787          (BASE_URL as the first argument)
//
// Environment:
//   BASE_URL                  the deployment (or the first argument)
//   OPERATOR_TOKEN            the deployment's operator token
//   SMOKE_WEBHOOK_URL         a receiver you own that answers 2xx: the webhook is then verified
//                             through GET /v2/webhook-endpoints/{id}/attempts (a 2xx attempt).
//                             Unset: a receiver is started on 127.0.0.1 and checks the Standard
//                             Webhooks signature itself (only a local Worker can reach it, one
//                             that runs with ALLOW_LOOPBACK_HTTP=true: development only).
//   SMOKE_WORKER_NAME, SMOKE_VERSION_ID
//                             send every request to that Worker version (gradual deployments:
//                             the Cloudflare-Workers-Version-Overrides header)
//   SMOKE_WEBHOOK_TIMEOUT_MS  how long to wait for the webhook (default 60000)
//
// Prints one line per step; exits 0 when every step passed, 1 when one failed (the tenant is
// still offboarded if it was created), 2 on a usage error.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const REQUEST_TIMEOUT_MS = 15_000;
/** Standard Webhooks: a signature older or newer than this is refused (replay protection). */
const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

class StepError extends Error {}

function usage(message) {
  console.error(`smoke: ${message}`);
  console.error(
    "usage: BASE_URL=… OPERATOR_TOKEN=… [SMOKE_WEBHOOK_URL=…] node scripts/smoke.mjs [BASE_URL]",
  );
  process.exit(2);
}

function readOptions() {
  const baseUrl = process.argv[2] ?? process.env.BASE_URL;
  const operatorToken = process.env.OPERATOR_TOKEN;
  if (!baseUrl) usage("BASE_URL is not set");
  if (!operatorToken) usage("OPERATOR_TOKEN is not set");
  let base;
  try {
    base = new URL(baseUrl);
  } catch {
    usage(`BASE_URL is not a URL: ${baseUrl}`);
  }
  const webhookUrl = process.env.SMOKE_WEBHOOK_URL || undefined;
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(base.hostname);
  if (!webhookUrl && !loopback) {
    usage(
      "a remote BASE_URL cannot reach a receiver on this machine: set SMOKE_WEBHOOK_URL to a receiver that answers 2xx",
    );
  }
  const timeout = Number(process.env.SMOKE_WEBHOOK_TIMEOUT_MS || 60_000);
  if (!Number.isFinite(timeout) || timeout <= 0) usage("SMOKE_WEBHOOK_TIMEOUT_MS is not a number");
  const { SMOKE_WORKER_NAME: worker, SMOKE_VERSION_ID: version } = process.env;
  if (Boolean(worker) !== Boolean(version)) {
    usage("SMOKE_WORKER_NAME and SMOKE_VERSION_ID go together");
  }
  return {
    base,
    operatorToken,
    webhookUrl,
    webhookTimeoutMs: timeout,
    // RFC 8941 dictionary: worker-name="version-id".
    versionOverride: worker ? `${worker}="${version}"` : undefined,
  };
}

/** One API call; resolves to `{ status, body }` (body parsed when it is JSON). */
async function call(options, path, { token, method = "GET", body } = {}) {
  const headers = { authorization: `Bearer ${token}` };
  if (body !== undefined) {
    headers["content-type"] = "application/json";
    // A retried smoke step must never create twice.
    headers["idempotency-key"] = `smoke-${randomUUID()}`;
  }
  if (options.versionOverride)
    headers["cloudflare-workers-version-overrides"] = options.versionOverride;
  const response = await fetch(new URL(path, options.base), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed };
}

/** Fails the step unless the call answered `expected`; the problem's code and detail are shown. */
function expectStatus(what, result, expected) {
  if (result.status === expected) return result.body;
  const problem = typeof result.body === "object" && result.body ? result.body : {};
  const detail = [problem.code, problem.detail ?? problem.title].filter(Boolean).join(": ");
  throw new StepError(
    `${what} answered ${result.status}, expected ${expected}${detail ? ` (${detail})` : ""}`,
  );
}

async function poll(read, done, { timeoutMs, intervalMs = 500, what }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new StepError(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** An ISBN-13 with a valid check digit, different on every run. */
function isbn13() {
  const body = `979${String(Date.now() % 1_000_000_000).padStart(9, "0")}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** Standard Webhooks verification: v1 HMAC-SHA256 of `id.timestamp.body` with the whsec_ key. */
function verifyStandardWebhook(secret, headers, body) {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (!id || !timestamp || !signatures) return "missing webhook-id, -timestamp or -signature";
  const age = Math.abs(Date.now() / 1000 - Number(timestamp));
  if (!(age <= SIGNATURE_TOLERANCE_SECONDS)) return `timestamp ${timestamp} outside the tolerance`;
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest();
  for (const candidate of String(signatures).split(" ")) {
    const [version, value] = candidate.split(",");
    if (version !== "v1" || !value) continue;
    const given = Buffer.from(value, "base64");
    if (given.length === expected.length && timingSafeEqual(given, expected)) return null;
  }
  return "no v1 signature matches the endpoint's secret";
}

/** A receiver on 127.0.0.1 that keeps every delivery and answers 204. */
async function startLocalReceiver() {
  const received = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    received,
    url: `http://127.0.0.1:${server.address().port}/smoke-webhook`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function main() {
  const options = readOptions();
  const state = {};
  let failed = null;
  let passed = 0;

  async function step(name, run) {
    if (failed) return;
    const started = Date.now();
    try {
      const detail = await run();
      passed++;
      console.log(`smoke: ok   ${name} (${Date.now() - started} ms)${detail ? ` ${detail}` : ""}`);
    } catch (error) {
      failed = name;
      const message =
        error instanceof StepError ? error.message : `${error?.name}: ${error?.message}`;
      console.log(`smoke: FAIL ${name} (${Date.now() - started} ms) ${message}`);
    }
  }

  const receiver = options.webhookUrl ? null : await startLocalReceiver();
  console.log(
    `smoke: ${options.base.origin}${options.versionOverride ? ` (version ${options.versionOverride})` : ""}, webhooks to ${receiver ? `a local receiver, ${receiver.url}` : options.webhookUrl}`,
  );
  const operator = { token: options.operatorToken };

  try {
    await step("ready", async () => {
      const ready = await call(options, "/health/ready", operator);
      expectStatus("GET /health/ready", ready, 200);
    });

    await step("provision tenant", async () => {
      const body = expectStatus(
        "POST /admin/tenants",
        await call(options, "/admin/tenants", {
          ...operator,
          method: "POST",
          body: { name: `Smoke test ${new Date().toISOString()}`, plan: "standard" },
        }),
        201,
      );
      state.tenantId = body.tenant.id;
      state.firstKey = body.api_key.key;
      return state.tenantId;
    });

    await step("create admin key", async () => {
      const body = expectStatus(
        "POST /v2/api-keys",
        await call(options, "/v2/api-keys", {
          token: state.firstKey,
          method: "POST",
          body: { name: "smoke", role: "admin" },
        }),
        201,
      );
      if (body.role !== "admin") throw new StepError(`the key's role is ${body.role}`);
      state.key = body.key;
      return body.id;
    });

    await step("create webhook endpoint", async () => {
      const body = expectStatus(
        "POST /v2/webhook-endpoints",
        await call(options, "/v2/webhook-endpoints", {
          token: state.key,
          method: "POST",
          body: {
            url: options.webhookUrl ?? receiver.url,
            description: "smoke test",
            event_types: ["order.created"],
          },
        }),
        201,
      );
      state.endpointId = body.id;
      state.secret = body.secret;
      return body.id;
    });

    await step("create book", async () => {
      const body = expectStatus(
        "POST /v2/books",
        await call(options, "/v2/books", {
          token: state.key,
          method: "POST",
          body: {
            isbn: isbn13(),
            title: "Smoke Signals",
            authors: ["S. Moke"],
            price: { amount: 1250, currency: "EUR" },
            stock: 3,
          },
        }),
        201,
      );
      state.bookId = body.id;
      return body.id;
    });

    await step("place order", async () => {
      const body = expectStatus(
        "POST /v2/orders",
        await call(options, "/v2/orders", {
          token: state.key,
          method: "POST",
          body: { lines: [{ book_id: state.bookId, quantity: 1 }] },
        }),
        201,
      );
      state.orderId = body.id;
      return body.id;
    });

    if (receiver) {
      await step("receive webhook", async () => {
        const delivery = await poll(
          async () => receiver.received.find((d) => d.body.includes(state.orderId)),
          Boolean,
          {
            timeoutMs: options.webhookTimeoutMs,
            what: `the order.created webhook of ${state.orderId}`,
          },
        );
        const problem = verifyStandardWebhook(state.secret, delivery.headers, delivery.body);
        if (problem) throw new StepError(`bad signature: ${problem}`);
        const payload = JSON.parse(delivery.body);
        if (payload.type !== "order.created") throw new StepError(`event type ${payload.type}`);
        return `${delivery.headers["webhook-id"]}, signature verified`;
      });
    }

    await step("webhook attempt listed", async () => {
      const attempt = await poll(
        async () => {
          const list = await call(options, `/v2/webhook-endpoints/${state.endpointId}/attempts`, {
            token: state.key,
          });
          const body = expectStatus("GET …/attempts", list, 200);
          return body.data.find((a) => a.status_code >= 200 && a.status_code < 300);
        },
        Boolean,
        { timeoutMs: options.webhookTimeoutMs, intervalMs: 1_000, what: "a 2xx delivery attempt" },
      );
      return `${attempt.status_code} in ${attempt.latency_ms} ms (${attempt.event_id})`;
    });
  } finally {
    // The throwaway tenant goes whatever failed: offboarding suspends it at once and deletes it
    // after the grace period (the admin API has no immediate delete, by design).
    if (state.tenantId) {
      const wasFailed = failed;
      failed = null;
      await step("offboard tenant", async () => {
        const body = expectStatus(
          "POST /admin/tenants/{id}/offboard",
          await call(options, `/admin/tenants/${state.tenantId}/offboard`, {
            ...operator,
            method: "POST",
          }),
          202,
        );
        return `status ${body.tenant.status}, deleted after ${body.tenant.delete_after ?? "the grace period"}`;
      });
      if (!wasFailed) {
        await step("tenant refused", async () => {
          // Credential caches may hold an active tenant for a few seconds.
          const last = await poll(
            () => call(options, "/v2/tenant", { token: state.key }),
            (r) => r.status === 403,
            { timeoutMs: 15_000, what: "403 tenant_suspended" },
          );
          if (last.body?.code !== "tenant_suspended")
            throw new StepError(`code ${last.body?.code}`);
          return "403 tenant_suspended";
        });
      }
      failed = wasFailed ?? failed;
    }
    await receiver?.close();
  }

  if (failed) {
    console.log(`smoke: failed at "${failed}" (${passed} steps passed)`);
    process.exit(1);
  }
  console.log(`smoke: passed (${passed} steps)`);
}

await main();
