export const DEFAULT_PORT: number;
export const USAGE: string;
export function portFrom(raw: string | number, source: string): number;
export function parseDevOptions(
  argv: string[],
  env?: Record<string, string | undefined>,
): { port: number; help: boolean };
export function devWorkerOptions(options: {
  port: number;
  env?: Record<string, string | undefined>;
}): { port: number; publicBaseUrl: string; testScheduled: true };
