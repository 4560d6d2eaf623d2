import { env } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { runImport } from "../../../src/features/books/imports/job";
import { openSystemDatabase } from "../../../src/platform/db";
import { call } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { bookLine, type ImportView, postImport } from "./fixtures";

/**
 * An import's progress is polled, and its consumer decides where to resume from its row: neither
 * read may come from Hyperdrive's query cache (up to a minute old), so each calls now(), which
 * Hyperdrive never caches. Statements are read from the counting proxy (test/flight-counter.ts).
 */
const counterUrl = inject("flightCounterUrl");

async function statementsOf(work: () => Promise<void>): Promise<string[]> {
  const before = ((await (await fetch(counterUrl)).json()) as { statements: number }).statements;
  await work();
  return (await (await fetch(`${counterUrl}statements?from=${before}`)).json()) as string[];
}

const importReads = (statements: string[]) =>
  statements.filter(
    (s) => s.trim().toLowerCase().startsWith("select") && s.includes('"book_imports"'),
  );

describe("book import reads are never cached", () => {
  it("reads the import's row with now() in GET and in the consumer", async () => {
    const tenant = await createTestTenant();
    const { id } = (await (await postImport(tenant.editorKey, bookLine(1))).json()) as ImportView;

    const consumer = await statementsOf(async () => {
      const database = openSystemDatabase({ ...env, HYPERDRIVE: env.HYPERDRIVE_COUNTED });
      try {
        expect(await runImport(database, env.FILES, id)).toBe("done");
      } finally {
        await database.close();
      }
    });
    const polled = await statementsOf(async () => {
      const response = await call(
        `/v2/books/imports/${id}`,
        { headers: bearer(tenant.viewerKey) },
        { HYPERDRIVE: env.HYPERDRIVE_COUNTED },
      );
      expect(((await response.json()) as ImportView).status).toBe("completed");
    });
    for (const statements of [consumer, polled]) {
      const reads = importReads(statements);
      expect(reads.length).toBeGreaterThan(0);
      for (const read of reads) expect(read).toMatch(/now\(\)/);
    }
  });
});
