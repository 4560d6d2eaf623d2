import type { Env } from "../../env";
import { type DatabaseHandle, openSystemDatabase } from "../db";
import { describeError, log } from "../observability/logger";

/**
 * Deliveries a jobs-queue message gets: wrangler.toml's `max_retries = 5` on the jobs consumer,
 * plus the first delivery. The last one that fails is dead-lettered by the platform
 * (`dead_letter_queue`); the dead-letter consumer records this figure as the job's attempts.
 */
export const JOBS_MAX_ATTEMPTS = 6;

/** Delay before a failed job runs again: 30 s more per attempt, at most 10 minutes. */
export const retryDelaySeconds = (attempts: number) => Math.min(30 * attempts, 600);

/**
 * What one run of a job asks of the queue:
 * - `done`: acknowledged.
 * - `continue`: it made progress and stopped at its budget; the same message is sent again (the
 *   job resumes where it stopped) and this one acknowledged.
 * - `wait`: what it needs is not there yet; retried after `seconds` while attempts remain, then
 *   given up (`JobHandler.gaveUp`) and acknowledged.
 * A run that throws has failed: see `runJob`.
 */
export type JobOutcome =
  | { kind: "done" }
  | { kind: "continue" }
  | { kind: "wait"; seconds: number };

export const DONE: JobOutcome = { kind: "done" };
export const CONTINUE: JobOutcome = { kind: "continue" };

/**
 * One kind of job, as its feature runs it. The handler does the work; the policy (`runJob`) alone
 * decides what the queue does with the message.
 */
export interface JobHandler<M extends { kind: string }> {
  /** The message from a body of this kind, or null when a field it needs is missing or malformed. */
  parse(body: Record<string, unknown>): M | null;
  /** Ids that name the job in log lines (never data). */
  describe(message: M): Record<string, string>;
  /** One delivery's work, on a system database handle of its own. */
  run(database: DatabaseHandle, env: Env, message: M): Promise<JobOutcome>;
  /** Records a failed attempt where the job's owner shows it; `final`: no retry follows. */
  failed?(database: DatabaseHandle, message: M, final: boolean): Promise<void>;
  /** A `wait` outcome on the last attempt: records why the job stops. */
  gaveUp?(database: DatabaseHandle, message: M): Promise<void>;
}

/** A parsed message bound to its handler. */
export interface BoundJob {
  kind: string;
  message: { kind: string };
  fields: Record<string, string>;
  run(database: DatabaseHandle, env: Env): Promise<JobOutcome>;
  failed(database: DatabaseHandle, final: boolean): Promise<void>;
  gaveUp(database: DatabaseHandle): Promise<void>;
}

/** Binds a body to the handler of its kind; null when the handler cannot read it. */
export function bindJob<M extends { kind: string }>(
  handler: JobHandler<M>,
  body: Record<string, unknown>,
): BoundJob | null {
  const message = handler.parse(body);
  if (!message) return null;
  return {
    kind: message.kind,
    message,
    fields: handler.describe(message),
    run: (database, env) => handler.run(database, env, message),
    failed: async (database, final) => handler.failed?.(database, message, final),
    gaveUp: async (database) => handler.gaveUp?.(database, message),
  };
}

/** Longest `kind` a log line keeps from a body it could not read. */
const KIND_CHARS = 64;

const isRecord = (body: unknown): body is Record<string, unknown> =>
  typeof body === "object" && body !== null && !Array.isArray(body);

/**
 * The one retry, acknowledge and log policy of the jobs queue, for every kind of job:
 * - A body that is not an object cannot be read at all: retried at once until the platform
 *   dead-letters it (the dead-letter consumer logs and counts it as kind `unknown`).
 * - A body of an unknown kind, or missing what its kind needs (`bind` returns null): logged and
 *   acknowledged, as a malformed message; retrying would not change it.
 * - A run's outcome (`JobOutcome`) is applied; a `wait` on the last attempt gives up.
 * - A run that throws is logged (warn, error on the last attempt), recorded by its handler's
 *   `failed`, and retried with a growing delay; the platform dead-letters it after the last
 *   attempt, and the dead-letter consumer records it in `job_failures`.
 */
export async function runJob(
  message: Message,
  env: Env,
  bind: (body: Record<string, unknown>) => BoundJob | null,
): Promise<void> {
  const body = message.body;
  if (!isRecord(body)) {
    log("error", "unreadable job message; retried until dead-lettered", {
      message_id: message.id,
      attempts: message.attempts,
    });
    message.retry();
    return;
  }
  const job = bind(body);
  if (!job) {
    log("error", "unknown job dropped", {
      kind: typeof body.kind === "string" ? body.kind.slice(0, KIND_CHARS) : null,
      message_id: message.id,
    });
    message.ack();
    return;
  }
  const final = message.attempts >= JOBS_MAX_ATTEMPTS;
  const database = openSystemDatabase(env);
  try {
    const outcome = await job.run(database, env);
    switch (outcome.kind) {
      case "done":
        message.ack();
        return;
      case "continue":
        await env.JOBS.send(job.message);
        message.ack();
        return;
      case "wait":
        if (!final) {
          message.retry({ delaySeconds: outcome.seconds });
          return;
        }
        log("warn", "job gave up waiting", {
          kind: job.kind,
          message_id: message.id,
          attempts: message.attempts,
          ...job.fields,
        });
        await job.gaveUp(database);
        message.ack();
        return;
    }
  } catch (error) {
    // The raw error lives in the log only, found by the job's ids; the job's own row gets a
    // stable reason its tenant may read (`failed`).
    log(final ? "error" : "warn", "job failed", {
      kind: job.kind,
      message_id: message.id,
      attempts: message.attempts,
      ...job.fields,
      ...describeError(error),
    });
    await job.failed(database, final).catch(() => {});
    message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
  } finally {
    await database.close().catch(() => {});
  }
}
