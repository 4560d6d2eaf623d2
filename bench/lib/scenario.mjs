// The scenario registry: every bench/scenarios/*.mjs exports `scenarios`, an array of Scenario.
import { readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * @typedef {object} BenchRequest
 * @property {string} [method] GET unless given.
 * @property {string} path Path and query, e.g. "/v2/books?limit=20".
 * @property {Record<string, string>} [headers]
 * @property {string | object} [body] An object is sent as JSON (content-type set for you).
 * @property {(request: object, context: object) => object} [setupRequest] autocannon hook run
 *   before each request (e.g. a fresh Idempotency-Key per order); returns the request.
 */

/**
 * @typedef {object} BenchContext
 * @property {string} baseUrl e.g. http://127.0.0.1:41234
 * @property {string} operatorToken Bearer token for /admin/… on this run's Worker.
 * @property {boolean} smoke True under --smoke: keep setup data tiny.
 * @property {number} seconds Warm-up plus measured seconds of each throughput scenario.
 * @property {(options?: { name?: string, plan?: string }) => Promise<{ tenantId: string, apiKey: string }>} provisionTenant
 *   POST /admin/tenants; a new tenant and its admin API key.
 * @property {(path: string, init?: RequestInit & { apiKey?: string, json?: unknown }) => Promise<Response>} api
 *   fetch against the Worker; `apiKey` sets the bearer token, `json` the body.
 */

/**
 * @typedef {object} Scenario
 * @property {string} name Unique, kebab-case; used by --only and compareTo.
 * @property {string} [description]
 * @property {(ctx: BenchContext) => Promise<object>} [setup] Runs once before the scenario; what
 *   it returns is merged into the context handed to `request`.
 * @property {BenchRequest | ((ctx: BenchContext & Record<string, unknown>) => BenchRequest)} request
 * @property {string} [compareTo] Another scenario's name: the report prints the throughput and
 *   p50 ratios between the two.
 * @property {number} [connections] Overrides --connections for this scenario.
 * @property {(ctx: BenchContext & Record<string, unknown>) => Promise<{ summary: string[] }>} [run]
 *   Instead of `request`: a scenario that measures something other than throughput (e.g. memory)
 *   runs itself once and returns its figures, with `summary` lines for the report.
 */

const scenariosDir = join(dirname(fileURLToPath(import.meta.url)), "../scenarios");

/** Loads every scenario file, in file name order, and checks names are unique. */
export async function loadScenarios() {
  const files = (await readdir(scenariosDir)).filter((f) => f.endsWith(".mjs")).sort();
  const all = [];
  for (const file of files) {
    const module = await import(pathToFileURL(join(scenariosDir, file)).href);
    if (!Array.isArray(module.scenarios)) {
      throw new Error(`bench/scenarios/${file} must export an array named "scenarios"`);
    }
    for (const scenario of module.scenarios) {
      if (!scenario?.name || !(scenario.request || scenario.run)) {
        throw new Error(
          `bench/scenarios/${file}: every scenario needs a name and a request or run`,
        );
      }
      all.push({ ...scenario, file });
    }
  }
  const seen = new Set();
  for (const { name, file } of all) {
    if (seen.has(name)) throw new Error(`scenario name "${name}" is used twice (${file})`);
    seen.add(name);
  }
  for (const { name, compareTo } of all) {
    if (compareTo && !seen.has(compareTo)) {
      throw new Error(`scenario "${name}" compares to unknown scenario "${compareTo}"`);
    }
  }
  return all;
}
