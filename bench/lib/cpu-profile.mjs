// A CPU profile of the Worker under `wrangler dev`, through its DevTools inspector: samples are
// attributed to the bundle's modules (esbuild's `// node_modules/…` and `// src/…` markers) and to
// the runtime's own functions (fetch, crypto, the garbage collector), as shares of all samples.
import { readFileSync } from "node:fs";
import WebSocket from "ws";

/** Maps a line of the bundle to the module esbuild wrote it from (platform modules by folder). */
function moduleOfLine(bundlePath) {
  const starts = [];
  const lines = readFileSync(bundlePath, "utf8").split("\n");
  for (const [i, line] of lines.entries()) {
    const marker = /^\/\/ ((?:node_modules\/(?:@[^/]+\/)?[^/]+)|src\/\S+|bench\/\S+)/.exec(line);
    if (marker)
      starts.push([i, marker[1].replace(/^src\/platform\/([^/]+)\/.*/, "src/platform/$1")]);
  }
  return (line) => {
    let found = "(bundle)";
    for (const [start, name] of starts) {
      if (start > line) break;
      found = name;
    }
    return found;
  };
}

/**
 * Starts sampling the Worker's isolate (`bundlePath`: the script it runs, to name modules);
 * `stop()` returns the top modules and functions by share of samples.
 */
export async function startCpuProfile(inspectorPort, bundlePath, { intervalUs = 200 } = {}) {
  const moduleOf = moduleOfLine(bundlePath);
  const targets = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json();
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl, {
    headers: { origin: `http://127.0.0.1:${inspectorPort}` },
  });
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  let nextId = 0;
  const waiting = new Map();
  socket.on("message", (data) => {
    const message = JSON.parse(data.toString());
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  const send = (method, params = {}) =>
    new Promise((resolve) => {
      const id = ++nextId;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: intervalUs });
  await send("Profiler.start");
  return {
    async stop({ top = 12 } = {}) {
      const { result } = await send("Profiler.stop");
      socket.close();
      const { nodes, samples } = result.profile;
      const byId = new Map(nodes.map((node) => [node.id, node.callFrame]));
      const modules = new Map();
      const functions = new Map();
      for (const sample of samples) {
        const frame = byId.get(sample);
        const inBundle = frame.url.endsWith(".js") && frame.lineNumber >= 0;
        const module = inBundle
          ? moduleOf(frame.lineNumber)
          : `runtime: ${frame.functionName || "?"}`;
        const name = `${frame.functionName || "(anonymous)"} [${module}]`;
        modules.set(module, (modules.get(module) ?? 0) + 1);
        functions.set(name, (functions.get(name) ?? 0) + 1);
      }
      const shares = (counts) =>
        Object.fromEntries(
          [...counts]
            .sort((a, b) => b[1] - a[1])
            .slice(0, top)
            .map(([name, n]) => [name, `${Math.round((n / samples.length) * 1000) / 10}%`]),
        );
      return { samples: samples.length, modules: shares(modules), functions: shares(functions) };
    },
  };
}
