// Small helpers the benchmark scenarios share for their setup data.
import { randomUUID } from "node:crypto";

/** The ISBN-13 of a 12-digit body: the body and its check digit. */
export function withCheckDigit(body) {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** A random ISBN-13 with a valid check digit. */
export function isbn13() {
  return withCheckDigit(`978${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`);
}

/** The JSON body of a successful setup call; anything else stops the scenario, saying `what`. */
export async function json(response, what) {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** A new enterprise tenant whose hourly limit never shapes a benchmark: `{ tenantId, apiKey }`. */
export async function unlimitedTenant(ctx, name) {
  const tenant = await ctx.provisionTenant({ name, plan: "enterprise" });
  await json(
    await ctx.api(`/admin/tenants/${tenant.tenantId}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${ctx.operatorToken}` },
      json: { limits: { requests_per_hour: 10_000_000 } },
    }),
    "raising the tenant's limit",
  );
  return tenant;
}

/**
 * Requests one key sends before the next takes over: under the per-credential limit (100 per
 * minute), with room for a scenario's own setup calls on its first key.
 */
const REQUESTS_PER_KEY = 80;
/** The highest rate a throughput scenario is provisioned for (no scenario reaches 400 req/s here). */
const MAX_REQUESTS_PER_SECOND = 600;
/** Keys one admin "minter" key creates: under its own 100 per minute. */
const KEYS_PER_MINTER = 40;

/** Keys a scenario needs so that none sends more than REQUESTS_PER_KEY in its warm-up and run. */
export function keysNeeded(ctx) {
  return Math.ceil((MAX_REQUESTS_PER_SECOND * ctx.seconds) / REQUESTS_PER_KEY);
}

/**
 * `count` new keys of `role` for the tenant of `apiKey` (an admin key). Admin "minter" keys
 * create them, KEYS_PER_MINTER each and side by side, so no key creates more than its own
 * per-minute limit allows.
 */
export async function mintKeys(ctx, apiKey, { count, role, name }) {
  const create = async (key, keyName, keyRole) =>
    (
      await json(
        await ctx.api("/v2/api-keys", {
          method: "POST",
          apiKey: key,
          json: { name: keyName, role: keyRole },
        }),
        `creating ${keyName}`,
      )
    ).key;
  const minters = Math.ceil(count / KEYS_PER_MINTER);
  const batches = await Promise.all(
    Array.from({ length: minters }, async (_, m) => {
      const minter = await create(apiKey, `${name} minter ${m}`, "admin");
      const keys = [];
      for (let i = m * KEYS_PER_MINTER; i < Math.min(count, (m + 1) * KEYS_PER_MINTER); i++) {
        keys.push(await create(minter, `${name} ${i}`, role));
      }
      return keys;
    }),
  );
  return batches.flat();
}

/**
 * autocannon hook: each key in turn for a block of REQUESTS_PER_KEY requests (counted across the
 * warm-up and the measured run, as a busy client's key stays cached in the isolate), and with
 * `idempotent` a fresh Idempotency-Key per request.
 */
export function keysInBlocks(keys, { idempotent = false } = {}) {
  let sent = 0;
  return (request) => ({
    ...request,
    headers: {
      ...request.headers,
      authorization: `Bearer ${keys[Math.floor(sent++ / REQUESTS_PER_KEY) % keys.length]}`,
      ...(idempotent ? { "idempotency-key": randomUUID() } : {}),
    },
  });
}

/** Creates the scenario's one book ("Bench book", 12.50 EUR) with the given stock; returns it. */
export async function createBenchBook(ctx, apiKey, stock) {
  return json(
    await ctx.api("/v2/books", {
      method: "POST",
      apiKey,
      json: {
        isbn: isbn13(),
        title: "Bench book",
        authors: ["Bench"],
        price: { amount: 1250, currency: "EUR" },
        stock,
      },
    }),
    "creating the bench book",
  );
}
