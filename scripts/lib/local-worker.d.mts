import type { ChildProcess } from "node:child_process";

export const REQUIRED_SECRETS: string[];
export function generateSecrets(): Record<string, string>;
export function formatVars(vars: Record<string, string>, header?: string): string;
export function parseVars(text: string): Record<string, string>;
export function isPortFree(port: number, host?: string): Promise<boolean>;
export function stopProcessGroup(
  pgid: number | undefined,
  options?: { leaderGraceMs?: number; graceMs?: number },
): Promise<void>;
export function wranglerBin(): string;
export function wranglerDevArgs(options: {
  port: number;
  publicBaseUrl?: string;
  testScheduled?: boolean;
  args?: string[];
}): string[];
export function startWrangler(options: {
  port: number;
  databaseUrl: string;
  publicBaseUrl?: string;
  testScheduled?: boolean;
  args?: string[];
  stdout?: "inherit" | "pipe" | "ignore" | number;
  cwd?: string;
  env?: Record<string, string>;
}): {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: string | null; error?: Error }>;
  baseUrl: string;
  stop(options?: { leaderGraceMs?: number; graceMs?: number }): Promise<void>;
};
export function waitForHttp(
  url: string,
  options?: { timeoutMs?: number; errorGraceMs?: number; exited?: Promise<unknown> },
): Promise<void>;
export function redactUrl(url: string): string;
