/** Counters of the delay proxy (see delay-proxy.mjs). */
export interface ProxyCounters {
  connections: number;
  flights: number;
  startupFlights: number;
}

export function startDelayProxy(options: {
  target: { host: string; port: number };
  delayMs?: number;
}): Promise<{
  port: number;
  counters: ProxyCounters;
  snapshot(): ProxyCounters;
  stop(): Promise<void>;
}>;
