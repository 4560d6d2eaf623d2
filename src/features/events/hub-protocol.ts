import type { Role } from "../../platform/context";
import { MAX_PAGE } from "../../platform/event-log";

/**
 * What the event hub (hub.ts) and the Worker's stream routes say to each other: the sockets'
 * attachments, tickets, connect requests, close codes and the ops hub's reports.
 */
/** What a socket carries across hibernation (its attachment; at most 2 KiB). */
export interface SocketState {
  tenantId: string;
  role: Role;
  /** The event types this socket receives (role visibility and its filter). */
  types: string[];
  /** Every position up to this one has been sent to the socket, or was not for it. */
  served: number;
  /** False while the connect catch-up runs: the pump leaves the socket alone until then. */
  live: boolean;
  credential: Credential;
}

/** An operator's socket on the ops hub (the /ops console's stream): no log, no tenant. */
export interface OperatorSocketState {
  operator: true;
  credential: Credential;
}

/**
 * A webhook portal socket (GET /portal/stream): no log, only `attempt` messages for the
 * endpoints it was opened for, in the tenant it was opened in.
 */
export interface AttemptSocketState {
  attempts: true;
  tenantId: string;
  endpoints: string[];
  credential: Credential;
}

/** Endpoints one portal socket may follow (the portal opens one socket for its page). */
export const ATTEMPT_SOCKET_ENDPOINTS = 20;

/** The credential a socket was opened with, rechecked by the alarm. */
export interface Credential {
  kind: "api_key" | "jwt" | "portal_token" | "operator";
  /** The api key's id, the token's subject; for the operator token, its SHA-256 (hex). */
  id: string;
  /** Epoch seconds the credential stops being valid (a JWT's exp), if it does. */
  expiresAt?: number | undefined;
}

/** A ticket as the hub keeps it until it is used or expires. */
export interface TicketGrant {
  role: Role;
  credential: Credential;
  expiresAt: number;
  /** A ticket for the ops hub's operator stream, never a tenant's. */
  operator?: boolean | undefined;
}

/** The hub's request to connect: who, from where, which types. */
export interface ConnectRequest {
  tenantId: string;
  /** Absent with a ticket: the ticket's principal is used. */
  principal?: { role: Role; credential: Credential } | undefined;
  ticket?: string | undefined;
  after?: string | undefined;
  types?: string | undefined;
}

export const TICKET_TTL_SECONDS = 60;
/** Heartbeats and credential rechecks while sockets are open (contract: ≤ 30 s, ≤ 60 s). */
export const HUB_TICK_MS = 25_000;
/**
 * Events one socket may be behind the log in one push: a socket with more to catch up gets this
 * many, then is closed 4008 and resumes from its last cursor. workerd exposes no bufferedAmount on
 * server sockets, so the bound is on what the hub hands the runtime per push, not on unread bytes.
 */
export const SOCKET_BACKLOG = MAX_PAGE;

export const CLOSE = {
  slowConsumer: 4008,
  unauthenticated: 4001,
  forbidden: 4003,
} as const;

export const HEARTBEAT = JSON.stringify({ type: "heartbeat" });

/**
 * The ops hub's name: the same class, one object for the platform, holding the operators'
 * sockets (the /ops console). Tenant hubs report to it after each notification, connect and
 * close; it numbers each report and pushes it to every operator socket. Not a tenant id
 * (those are `ten_…`), so no tenant's hub is ever it.
 */
export const OPS_HUB = "ops";
/** Reports the ops hub keeps in memory for a reconnecting console to resume from. */
export const OPS_REPLAY = 1000;
/** A tenant hub reports a commit at most this often (the rest of a burst is one report). */
export const OPS_REPORT_MS = 1000;
/** How long a tenant hub skips commit reports after the ops hub said nobody is watching. */
export const OPS_UNWATCHED_MS = 5000;
/** The ops hub says nobody is watching once no operator socket was open for this long. */
export const OPS_WATCH_GRACE_MS = 60_000;

/** What a tenant hub reports to the ops hub (and the ops hub pushes as `tenant.activity`). */
export interface TenantActivity {
  tenant_id: string;
  open_connections: number;
  connections: number;
  messages_pushed: number;
  slow_consumer_closes: number;
  wake_ups: number;
}

/** Counters the ops API reads (GET /stats on the hub). */
export interface HubStats {
  connections: number;
  messages: number;
  slowConsumerCloses: number;
  wakeUps: number;
}

export interface TicketRequest {
  tenantId: string;
  role: Role;
  credential: Credential;
  /** A ticket for the ops hub's operator stream (tenantId is then OPS_HUB). */
  operator?: boolean | undefined;
}

/** A portal socket's request (GET /portal/stream): the Worker checked all of it. */
export interface AttemptConnectRequest {
  tenantId: string;
  endpoints: string[];
  credential: Credential;
}

/** The ops hub's request to connect an operator: a ticket, or the checked credential. */
export interface OperatorConnectRequest {
  ticket?: string | undefined;
  credential?: Credential | undefined;
  /** The id of the last report received (resume). */
  after?: string | undefined;
}

/** The operator token's SHA-256 (hex): what an operator socket keeps, never the token. */
export async function operatorFingerprint(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The API key the alarm rechecks for a socket: its own key, or (a portal token's socket) the key
 * that minted the token, whose revocation ends the token.
 */
export function checkedKeyOf(credential: Credential): string | undefined {
  if (credential.kind === "api_key") return credential.id;
  if (credential.kind === "portal_token" && credential.id.startsWith("api_key:")) {
    return credential.id.slice("api_key:".length);
  }
  return undefined;
}

export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Where a ticket's tenant is: its prefix (the secret part never leaves the hub's storage). */
export function ticketTenant(ticket: string): string | undefined {
  return /^stk_(ten_[0-9a-z]{26})\.[0-9a-f]{48}$/.exec(ticket)?.[1];
}

/** Whether a ticket is shaped like the ops hub's (its secret is checked there). */
export function isOperatorTicket(ticket: string): boolean {
  return /^stk_ops\.[0-9a-f]{48}$/.test(ticket);
}
