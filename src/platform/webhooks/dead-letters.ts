import { eq, ne, sql } from "drizzle-orm";
import type { Env } from "../../env";
import { type DatabaseHandle, openSystemDatabase, withTenant } from "../db";
import { webhookDeliveries } from "../db/schema";
import { recordEachDeadLetter } from "../dead-letter-records";
import { recordWebhookDeadLetter } from "../observability/analytics";
import { type DeliveryMessage, deliveryMessages } from "./messages";
import { releaseWaiting } from "./ordering";

/**
 * Consumer of the dead-letter queue: the delivery is recorded as `failed`, keeping its last
 * error, where the tenant can see it and `recover`/`resend` can bring it back. A message whose
 * recording fails is retried alone, so it cannot hold back the batch's others. Messages of both
 * shapes are read (messages.ts): the queue dead-letters a message with the body it was sent with.
 */
export async function consumeWebhookDeadLetters(
  batch: MessageBatch<unknown>,
  env: Env,
): Promise<void> {
  const handle = openSystemDatabase(env);
  try {
    await recordEachDeadLetter(
      batch.queue,
      deliveryMessages(batch),
      "webhook dead letter not recorded; retrying",
      (message) => recordDeadLetter(handle, env, message.body),
    );
  } finally {
    await handle.close().catch(() => {});
  }
}

/** Records one dead-lettered delivery as `failed` and releases what waited behind it. */
async function recordDeadLetter(handle: DatabaseHandle, env: Env, body: DeliveryMessage) {
  await withTenant(handle, body.tenant_id, async (scope) => {
    const failed = await scope.tx
      .update(webhookDeliveries)
      .set({
        status: "failed",
        failedAt: sql`now()`,
        updatedAt: sql`now()`,
        lastError: sql`coalesce(${webhookDeliveries.lastError}, 'delivery could not be attempted')`,
      })
      .where(
        scope.where(
          webhookDeliveries,
          eq(webhookDeliveries.id, body.delivery_id),
          ne(webhookDeliveries.status, "delivered"),
          ne(webhookDeliveries.status, "held"),
        ),
      )
      .returning({ id: webhookDeliveries.id });
    // A dead-lettered delivery never blocks its resource: the next one of it goes now.
    await releaseWaiting(
      scope,
      env,
      failed.map((row) => row.id),
    );
  });
  // Counted once recorded: a retried message is not counted twice.
  recordWebhookDeadLetter(env, {
    tenantId: body.tenant_id,
    deliveryId: body.delivery_id,
    reason: "dead_lettered",
  });
}
