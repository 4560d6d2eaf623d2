export function freePort(): Promise<number>;
export function startEmbeddedPostgres(options?: {
  dataDir?: string;
  port?: number;
  maxConnections?: number;
}): Promise<{ url: string; stop(): Promise<void> }>;
export function withPassword(url: string): string;
