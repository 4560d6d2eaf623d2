import type { Env } from "../../env";
import type { DatabaseHandle } from "../db";
import type { WebhookSettings } from "./config";
import type { Endpoint } from "./load";
import type { ReceiverHeaders } from "./receiver-headers";
import type { Sender } from "./send-slots";

/** What every step of one consumer batch works with, built once per batch. */
export interface BatchContext {
  env: Env;
  /** The batch's one database connection: its tenants' transactions take turns on it. */
  handle: DatabaseHandle;
  settings: WebhookSettings;
  /** The invocation's context, for work that may outlive the batch. */
  execution: ExecutionContext;
  /** The batch's send slots, shared by its tenant groups. */
  sender: Sender;
  /** Each endpoint's receiver headers, decrypted once per batch. */
  receiverHeadersOf: (endpoint: Endpoint) => Promise<ReceiverHeaders>;
  /** The batch's clock (ms since the epoch). */
  now: () => number;
  /** Fields the batch's own log lines carry. */
  logFields: { queue: string };
}

/** A batch's context narrowed to one tenant's messages. */
export interface GroupContext extends BatchContext {
  tenantId: string;
  /** The tenant's webhook rate, and whether it is sent anything (not suspended nor paused). */
  tenant: { rate: number; active: boolean };
}
