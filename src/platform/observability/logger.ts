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
    // Driver errors append the query's parameters, which may hold customer data: keep them out.
    const message = error.message.split("\nparams:")[0];
    const stack = error.stack?.replace(/\nparams:[^\n]*/, "");
    const cause = error.cause instanceof Error ? error.cause.message : undefined;
    return { error_name: error.name, error_message: message, error_cause: cause, stack };
  }
  return { error_message: String(error) };
}
