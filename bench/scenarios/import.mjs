// Bulk import vs one book per request: rows per second of POST /v2/books/imports (NDJSON, applied
// by the jobs consumer in batches of 500 lines; timed from the POST until GET shows `completed`)
// beside the same kind of rows sent through POST /v2/books one by one (10 in flight, keys in
// turn so the per-credential limit never shapes the figure). 100,000 import rows and 1,000 single
// creates by default; 2,000 and 50 under --smoke. Not a throughput run of autocannon: it runs once.
import { json, mintKeys, unlimitedTenant, withCheckDigit } from "../lib/fixtures.mjs";

const IMPORT_ROWS = 100_000;
const SINGLE_ROWS = 1_000;
const IN_FLIGHT = 10;
const KEYS = 20;

/** A distinct valid ISBN-13 per `n` (978 + 9 digits + check digit): no row collides with another. */
const isbn = (n) => withCheckDigit(`978${String(n).padStart(9, "0")}`);

/** Single creates take ISBNs from here on, imported rows from 0. */
const SINGLE_BASE = 500_000_000;

function book(i) {
  return {
    isbn: isbn(i),
    title: `Bench import ${i}`,
    authors: ["Bench"],
    price: { amount: 1000 + (i % 500), currency: "EUR" },
    stock: i % 50,
  };
}

async function importTenant(ctx) {
  const { apiKey } = await unlimitedTenant(ctx, "Bench import");
  const count = ctx.smoke ? 2 : KEYS;
  return { keys: await mintKeys(ctx, apiKey, { count, role: "editor", name: "bench import" }) };
}

async function oneByOne(ctx, keys, rows) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let i = next++; i < rows; i = next++) {
        await json(
          await ctx.api("/v2/books", {
            method: "POST",
            apiKey: keys[i % keys.length],
            json: book(SINGLE_BASE + i),
          }),
          "creating a book",
        );
      }
    }),
  );
  return rows / ((performance.now() - started) / 1000);
}

async function imported(ctx, key, rows) {
  const body = Buffer.from(
    `${Array.from({ length: rows }, (_, i) => JSON.stringify(book(i))).join("\n")}\n`,
  );
  const started = performance.now();
  const created = await json(
    await ctx.api("/v2/books/imports", {
      method: "POST",
      apiKey: key,
      headers: { "content-type": "application/x-ndjson", "content-length": String(body.length) },
      body,
    }),
    "starting the import",
  );
  for (;;) {
    const shown = await json(
      await ctx.api(`/v2/books/imports/${created.id}`, { apiKey: key }),
      "reading the import",
    );
    if (shown.status === "completed") {
      const seconds = (performance.now() - started) / 1000;
      const { created, updated, failed } = shown.counts;
      if (created !== rows || updated !== 0 || failed !== 0) {
        throw new Error(`import of ${rows} rows: ${JSON.stringify(shown.counts)}`);
      }
      return { perSecond: rows / seconds, seconds, bytes: body.length };
    }
    if (shown.status === "failed") throw new Error(`import failed: ${shown.error}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** @type {import("../lib/scenario.mjs").Scenario[]} */
export const scenarios = [
  {
    name: "books-import",
    description: "POST /v2/books/imports (NDJSON) rows/s vs POST /v2/books one by one",
    setup: importTenant,
    async run(ctx) {
      const single = await oneByOne(ctx, ctx.keys, ctx.smoke ? 50 : SINGLE_ROWS);
      const rows = ctx.smoke ? 2_000 : IMPORT_ROWS;
      const bulk = await imported(ctx, ctx.keys[0], rows);
      const ratio = bulk.perSecond / single;
      return {
        summary: [
          `one by one: ${single.toFixed(1)} books/s (POST /v2/books, ${IN_FLIGHT} in flight)`,
          `import: ${rows} rows (${(bulk.bytes / 1e6).toFixed(1)} MB) in ${bulk.seconds.toFixed(1)} s = ${bulk.perSecond.toFixed(0)} rows/s`,
          `import / one by one: ${ratio.toFixed(1)}x`,
        ],
        single_per_second: single,
        import_per_second: bulk.perSecond,
        ratio,
      };
    },
  },
];
