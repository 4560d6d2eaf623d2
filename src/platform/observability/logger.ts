type Level = "debug" | "info" | "warn" | "error";

/** Writes one structured JSON line; Workers Logs and `wrangler tail` index the fields. */
export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

/** The parts of an unknown thrown value that are safe to log (never returned to clients). */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    return { error_name: error.name, error_message: error.message, stack: error.stack };
  }
  return { error_message: String(error) };
}
