import { createServer } from "node:http";
// The benchmark's own proxy: one definition of a "flight" for the bench and the tests.
import { startDelayProxy } from "../bench/lib/delay-proxy.mjs";

/**
 * A delay proxy in front of the test database whose counters tests can read: the Hyperdrive
 * binding `HYPERDRIVE_COUNTED` points at it (vitest.config.ts), and `GET <counterUrl>` answers
 * the counters as JSON. A delay of 30 ms each way keeps what the Worker pipelines in one flight even
 * on a busy machine, where a reply could otherwise slip in between two writes of the same burst
 * (with 10 ms, a CI run under load counted a 6-flight update as 7 to 10).
 */
export async function startFlightCounter(databaseUrl: string) {
  const target = new URL(databaseUrl);
  const proxy = await startDelayProxy({
    target: { host: target.hostname, port: Number(target.port || 5432) },
    delayMs: 30,
    recordStatements: true,
  });
  // `GET /` answers the counters; `GET /statements?from=N` the statements sent since the Nth.
  const counters = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://counter");
    response.writeHead(200, { "content-type": "application/json" });
    if (url.pathname === "/statements") {
      response.end(
        JSON.stringify(proxy.statements.slice(Number(url.searchParams.get("from") ?? 0))),
      );
      return;
    }
    response.end(JSON.stringify({ ...proxy.snapshot(), statements: proxy.statements.length }));
  });
  await new Promise<void>((resolve) => counters.listen(0, "127.0.0.1", resolve));
  const address = counters.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const counted = new URL(databaseUrl);
  counted.host = `127.0.0.1:${proxy.port}`;
  return {
    databaseUrl: counted.toString(),
    counterUrl: `http://127.0.0.1:${port}/`,
    async stop() {
      await new Promise((resolve) => counters.close(resolve));
      await proxy.stop();
    },
  };
}
