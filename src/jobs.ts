import type { Env } from "./env";
import { bookImportJob } from "./features/books/imports/job";
import type { BookImportMessage } from "./features/books/imports/service";
import type { ExportMessage } from "./features/exports/export-job";
import { exportJob } from "./features/exports/jobs";
import type { DeletionMessage } from "./features/tenant-lifecycle/deletion";
import { tenantPurgeJob } from "./features/tenant-lifecycle/jobs";
import { type BoundJob, bindJob, runJob } from "./platform/jobs/policy";

/** Every message of the jobs queue ("shelfwise-jobs"), by its `kind`. */
export type Job = BookImportMessage | ExportMessage | DeletionMessage;

/**
 * The handler of a body's kind, bound to its message: one `case` per kind of `Job`, checked
 * exhaustive by the compiler. null for a kind no handler knows or a body its handler cannot read.
 */
function bind(body: Record<string, unknown>): BoundJob | null {
  const kind = body.kind as Job["kind"];
  switch (kind) {
    case "book-import":
      return bindJob(bookImportJob, body);
    case "tenant-export":
      return bindJob(exportJob, body);
    case "tenant-deletion":
      return bindJob(tenantPurgeJob, body);
    default:
      kind satisfies never;
      return null;
  }
}

/**
 * Consumer of the jobs queue: each message goes to the handler of its kind, under the one retry,
 * acknowledge and log policy of `runJob` (src/platform/jobs/policy.ts). Messages run one at a
 * time (wrangler.toml: max_batch_size 1).
 */
export async function consumeJobs(batch: MessageBatch, env: Env): Promise<void> {
  for (const message of batch.messages) await runJob(message, env, bind);
}
