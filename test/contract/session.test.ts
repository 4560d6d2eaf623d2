import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { webhookEnv } from "../features/webhooks/delivery-fixtures";
import { call } from "../helpers/http";
import { contractChecker, fetchSpec, operations } from "./contract";
import { type ExchangeOptions, runSession } from "./session-steps";

/**
 * The contract session (session-steps.ts) through the Worker, each exchange checked against the
 * document as a validating proxy would: a status, media type, body or header the document does
 * not declare is a violation, and so is a request body of an undeclared media type.
 */

// Webhook hosts resolve through a fixed table and deliveries are captured: no network.
const { bindings } = webhookEnv({ ALLOW_LOOPBACK_HTTP: "false" });

describe("contract session", () => {
  it("every operation, success and error answers, every role: no exchange breaks the document", async () => {
    const spec = await fetchSpec();
    const checker = contractChecker(spec);
    const exchange = async (method: string, path: string, options: ExchangeOptions = {}) => {
      const headers: Record<string, string> = { ...options.headers };
      let body: BodyInit | undefined;
      if (options.body && "json" in options.body) {
        headers["content-type"] ??= "application/json";
        body = JSON.stringify(options.body.json);
      } else if (options.body) {
        if (options.body.type) headers["content-type"] = options.body.type;
        body = options.body.raw;
      }
      const response = await call(path, { method, headers, body }, bindings);
      const refused = options.body && "refused" in options.body && options.body.refused;
      const sentType = body !== undefined && !refused ? headers["content-type"] : undefined;
      await checker.check(method, path, response, sentType);
      return response;
    };

    await runSession(exchange, env.OPERATOR_TOKEN);

    expect(checker.violations).toEqual([]);
    // Every operation of the document was exercised.
    const exercised = new Set(checker.exchanges.map((e) => e.split(" → ")[0]));
    const all = operations(spec).map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    expect(all.filter((o) => !exercised.has(o))).toEqual([]);
    expect(checker.exchanges.length).toBeGreaterThan(100);
  }, 120_000);
});
