/** Counters of the delay proxy (see delay-proxy.mjs). */
export interface ProxyCounters {
  connections: number;
  flights: number;
  startupFlights: number;
  /** Flights whose reply has been handed on to the client. */
  answered: number;
}

export function startDelayProxy(options: {
  target: { host: string; port: number };
  delayMs?: number;
  recordStatements?: boolean;
}): Promise<{
  port: number;
  counters: ProxyCounters;
  /** Every statement's text, in order (with `recordStatements`). */
  statements: string[];
  snapshot(): ProxyCounters;
  stop(): Promise<void>;
}>;
