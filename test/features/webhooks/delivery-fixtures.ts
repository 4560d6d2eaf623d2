import {
  createExecutionContext,
  createMessageBatch,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import { inject } from "vitest";
import worker from "../../../src/index";
import { openDatabase, withTenant } from "../../../src/platform/db";
import { type EventType, recordEvent } from "../../../src/platform/outbox";
import type { DeliveryMessage } from "../../../src/platform/webhooks/messages";
import type { ReceivedDelivery, ReceiverConfig } from "../../webhook-receiver";

/** A queue producer that keeps what is sent, so the test decides when the consumer runs. */
export class CapturedQueue {
  sent: Array<{ body: DeliveryMessage; delaySeconds?: number }> = [];
  failing = false;

  readonly binding = {
    send: async (body: DeliveryMessage, options?: { delaySeconds?: number }) => {
      if (this.failing) throw new Error("queue unavailable");
      this.sent.push({ body, delaySeconds: options?.delaySeconds });
    },
    sendBatch: async (messages: Array<{ body: DeliveryMessage; delaySeconds?: number }>) => {
      if (this.failing) throw new Error("queue unavailable");
      for (const m of messages) this.sent.push({ body: m.body, delaySeconds: m.delaySeconds });
    },
  } as unknown as Queue;

  take(): Array<{ body: DeliveryMessage; delaySeconds?: number }> {
    const taken = this.sent;
    this.sent = [];
    return taken;
  }
}

/** The receiver's base URL (test/webhook-receiver.ts). */
export const receiverUrl = () => inject("webhookReceiverUrl");

/** Configures a named receiver and returns its hook URL. */
export async function receiver(name: string, config: ReceiverConfig): Promise<string> {
  const response = await fetch(`${receiverUrl()}/_config/${name}`, {
    method: "PUT",
    body: JSON.stringify(config),
  });
  if (response.status !== 204) throw new Error("receiver config failed");
  return `${receiverUrl()}/hook/${name}`;
}

/** What a named receiver got so far. */
export async function received(name: string): Promise<ReceivedDelivery[]> {
  return (await (await fetch(`${receiverUrl()}/_received/${name}`)).json()) as ReceivedDelivery[];
}

/** Bindings for webhook tests: loopback receivers allowed, short timeout, captured queues. */
export function webhookEnv(extra: Record<string, unknown> = {}) {
  const queue = new CapturedQueue();
  const dlq = new CapturedQueue();
  const bindings = {
    ALLOW_LOOPBACK_HTTP: "true",
    WEBHOOK_TIMEOUT_MS: "400",
    WEBHOOK_DNS_TABLE: JSON.stringify({
      "hooks.example.com": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
      "internal.example.com": ["10.1.2.3"],
      "mixed.example.com": ["93.184.215.14", "127.0.0.1"],
      "mapped.example.com": ["::ffff:169.254.169.254"],
    }),
    WEBHOOKS: queue.binding,
    WEBHOOKS_DLQ: dlq.binding,
    ...extra,
  } as Partial<typeof env>;
  return { queue, dlq, bindings, env: { ...env, ...bindings } as typeof env };
}

let messageCounter = 0;

/** Runs one batch through the Worker's real queue handler and returns what it acked/retried. */
export async function runBatch(
  queueName: string,
  messages: Array<{ body: DeliveryMessage; attempts?: number }>,
  workerEnv: typeof env,
) {
  const ids = messages.map(() => `msg-${++messageCounter}`);
  const batch = createMessageBatch<DeliveryMessage>(
    queueName,
    messages.map((m, i) => ({
      id: ids[i] as string,
      timestamp: new Date(),
      attempts: m.attempts ?? 1,
      body: m.body,
    })),
  );
  // The test batch does not report retry options: observe the delay the consumer asks for.
  const delays = new Map<string, number | undefined>();
  for (const message of batch.messages) {
    const retry = message.retry.bind(message);
    Object.defineProperty(message, "retry", {
      value: (options?: QueueRetryOptions) => {
        delays.set(message.id, options?.delaySeconds);
        retry(options);
      },
    });
  }
  const ctx = createExecutionContext();
  await worker.queue?.(batch as MessageBatch, workerEnv, ctx);
  const result = await getQueueResult(batch, ctx);
  await waitOnExecutionContext(ctx);
  const retried = new Map<string, number | undefined>(
    result.retryMessages.map((r: { msgId: string }) => [r.msgId, delays.get(r.msgId)]),
  );
  return messages.map((m, i) => ({
    body: m.body,
    attempts: m.attempts ?? 1,
    acked: result.ackAll || result.explicitAcks.includes(ids[i] as string),
    retryDelay: retried.get(ids[i] as string),
    retried: retried.has(ids[i] as string),
  }));
}

/**
 * Drives deliveries to completion as the platform would, minus the waiting: queued messages and
 * retries are fed to the consumer in batches of 10, dead letters to the DLQ consumer.
 */
export async function pump(
  harness: ReturnType<typeof webhookEnv>,
  options: {
    maxRounds?: number;
    /** Batches run at once (the platform runs several consumer invocations concurrently). */
    concurrency?: number;
    onRetry?: (delay: number | undefined) => void;
  } = {},
) {
  let pending: Array<{ body: DeliveryMessage; attempts?: number }> = harness.queue
    .take()
    .map((m) => ({ body: m.body }));
  let rounds = 0;
  while (pending.length > 0 && rounds++ < (options.maxRounds ?? 500)) {
    const next: typeof pending = [];
    const batches: Array<typeof pending> = [];
    for (let i = 0; i < pending.length; i += 10) batches.push(pending.slice(i, i + 10));
    const concurrency = options.concurrency ?? 1;
    for (let i = 0; i < batches.length; i += concurrency) {
      const settled = await Promise.all(
        batches
          .slice(i, i + concurrency)
          .map((batch) => runBatch("shelfwise-webhooks", batch, harness.env)),
      );
      for (const r of settled.flat()) {
        if (r.retried) {
          options.onRetry?.(r.retryDelay);
          next.push({ body: r.body, attempts: r.attempts + 1 });
        } else if (!r.acked) throw new Error("message neither acked nor retried");
      }
    }
    next.push(...harness.queue.take().map((m) => ({ body: m.body })));
    const dead = harness.dlq.take();
    if (dead.length > 0) await runBatch("shelfwise-webhooks-dlq", dead, harness.env);
    pending = next;
  }
  return rounds;
}

/** Writes outbox events for a tenant, as a mutation would (without relaying them). */
export async function recordEvents(
  tenantId: string,
  events: Array<{ type: EventType; data: unknown }>,
): Promise<string[]> {
  const handle = openDatabase(env.HYPERDRIVE.connectionString);
  try {
    return await withTenant(handle, tenantId, async (scope) => {
      const ids: string[] = [];
      // Tests record hand-made payloads (not the catalog's shapes) to exercise delivery alone.
      for (const event of events) {
        ids.push((await recordEvent(scope, event.type, event.data as never)).id);
      }
      return ids;
    });
  } finally {
    await handle.close();
  }
}
