import type { Env } from "../../env";

/**
 * Durable Object calls made on behalf of one request: `calls`, those the response waits for (the
 * Server-Timing `do` member, log `do_calls`, analytics), and `afterResponse`, those left running
 * in waitUntil (log `do_calls_after`). Set by `requestContext()`; calls that one object makes to
 * another (RateLimiter → TrafficIndex) are not the request's and are not counted.
 */
export interface DoCallStats {
  calls: number;
  afterResponse: number;
}

/** What the counting needs of a request's context (a Hono context of the app provides it). */
export interface RequestCalls {
  env: Env;
  var: { doCalls: DoCallStats };
}

/** Whether the response waits for the calls made through a stub ("path") or not ("after"). */
export type DoCallTiming = "path" | "after";

/** Wraps a stub so every method called on it (an RPC, `fetch`) counts once in `stats`. */
function counted<T extends object>(stats: DoCallStats, stub: T, timing: DoCallTiming = "path"): T {
  return new Proxy(stub, {
    get(target, property) {
      // The stub itself as receiver: workerd's stubs are host objects, a Proxy receiver breaks them.
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (timing === "path") stats.calls += 1;
        else stats.afterResponse += 1;
        return Reflect.apply(value, target, args);
      };
    },
  });
}

/**
 * The stub of `namespace`'s object named `name`, its calls counted as this request's: "after" for
 * a stub used only in waitUntil, whose calls do not delay the response.
 */
export function doStub<T extends Rpc.DurableObjectBranded | undefined>(
  c: RequestCalls,
  namespace: DurableObjectNamespace<T>,
  name: string,
  timing: DoCallTiming = "path",
): DurableObjectStub<T> {
  return counted(c.var.doCalls, namespace.get(namespace.idFromName(name)), timing);
}

/** A namespace whose stubs count their calls in `stats`. */
function countedNamespace<T extends Rpc.DurableObjectBranded | undefined>(
  stats: DoCallStats,
  namespace: DurableObjectNamespace<T>,
): DurableObjectNamespace<T> {
  return new Proxy(namespace, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      if (property === "get" || property === "getByName") {
        return (...args: unknown[]) => counted(stats, Reflect.apply(value, target, args) as object);
      }
      return value.bind(target);
    },
  });
}

/**
 * The request's env with counted Durable Object namespaces, for services that take `env` rather
 * than the context (health, ops). Other bindings are inherited unchanged from `c.env`.
 */
export function countedEnv(c: RequestCalls): Env {
  const stats = c.var.doCalls;
  const names = ["RATE_LIMITER", "IDEMPOTENCY", "TRAFFIC_INDEX"] as const;
  const counting: PropertyDescriptorMap = {};
  // A binding missing from a deployment stays missing (its callers report it), never a TypeError here.
  for (const name of names) {
    const namespace = c.env[name];
    if (namespace) counting[name] = { value: countedNamespace(stats, namespace as never) };
  }
  return Object.create(c.env, counting) as Env;
}
