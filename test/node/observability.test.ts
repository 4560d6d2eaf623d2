/**
 * Workers Logs and traces are on in every environment a deploy reaches, as wrangler itself reads
 * wrangler.toml (staging and production inherit the top-level `observability` block): every
 * request's log line is kept, because the runbooks find failures by request_id.
 */
import { describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";

describe("observability configuration", () => {
  it.each(["development", "staging", "production"])(
    "keeps every log line and samples traces in %s",
    (environment) => {
      const config = unstable_readConfig({
        config: "wrangler.toml",
        env: environment === "development" ? undefined : environment,
      });
      expect(config.observability).toMatchObject({
        enabled: true,
        logs: { enabled: true, head_sampling_rate: 1, invocation_logs: true },
        traces: { enabled: true },
      });
      expect(config.observability?.traces?.head_sampling_rate).toBeGreaterThan(0);
    },
  );
});
