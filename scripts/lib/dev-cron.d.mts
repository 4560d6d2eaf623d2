export interface ParsedCron {
  cron: string;
  minute: number | null;
  hour: number | null;
}
export function parseCron(cron: string): ParsedCron;
export function cronMatches(parsed: ParsedCron, date: Date): boolean;
export function dueCrons(parsed: ParsedCron[], date: Date): string[];
export function describeCron(parsed: ParsedCron): string;
export function cronsFromWranglerToml(text: string): string[];
export function nextMinute(ms: number): number;
export function scheduledUrl(baseUrl: string, cron: string): string;

interface Clock {
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: never) => void;
}
export function startCronTicker(
  options: {
    crons: string[];
    fire: (cron: string, minute: Date) => unknown;
    onSkip?: (cron: string) => void;
  } & Clock,
): { crons: ParsedCron[]; stop(): void };
export function startDevCrons(
  options: {
    baseUrl: string;
    crons: string[];
    say: (message: string) => void;
    warn: (message: string) => void;
    fetchImpl?: typeof fetch;
  } & Clock,
): { crons: ParsedCron[]; stop(): void };
