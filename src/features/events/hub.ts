import { DurableObject } from "cloudflare:workers";
import { and, eq, sql } from "drizzle-orm";
import type { Env } from "../../env";
import { activeApiKey } from "../../platform/auth/credentials";
import { anyOf, openSystemDatabase, withSystem, withTenant } from "../../platform/db";
import { apiKeys, tenants } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import {
  checkStart,
  hubOf,
  type LogPage,
  type LogStart,
  parseStart,
  readLog,
  typesFor,
} from "../../platform/event-log";
import { EVENT_TYPES } from "../../platform/event-schemas";
import { describeError, log } from "../../platform/observability/logger";
import type { AttemptNotice } from "../../platform/webhooks/notify-attempts";
import {
  ATTEMPT_SOCKET_ENDPOINTS,
  type AttemptConnectRequest,
  type AttemptSocketState,
  CLOSE,
  type ConnectRequest,
  checkedKeyOf,
  HEARTBEAT,
  HUB_TICK_MS,
  type HubStats,
  OPS_HUB,
  OPS_REPLAY,
  OPS_REPORT_MS,
  OPS_UNWATCHED_MS,
  OPS_WATCH_GRACE_MS,
  type OperatorConnectRequest,
  type OperatorSocketState,
  operatorFingerprint,
  randomToken,
  SOCKET_BACKLOG,
  type SocketState,
  type TenantActivity,
  TICKET_TTL_SECONDS,
  type TicketGrant,
  type TicketRequest,
} from "./hub-protocol";

/**
 * The tenant's hub: one Durable Object per tenant (named by the tenant id) that holds the
 * tenant's live sockets with the WebSocket Hibernation API, so an idle socket costs no duration:
 * the object may be evicted while its sockets stay open, and each socket's state (role, types,
 * how far it has been served) lives in its attachment. The relay notifies it after each commit;
 * it then reads the log after the furthest-behind live socket, one statement per page, and sends
 * each socket the events it may see and has not had. docs/live-updates.md.
 */

export class EventHub extends DurableObject<Env> {
  private pumping = false;
  private again = false;
  private stats: HubStats = { connections: 0, messages: 0, slowConsumerCloses: 0, wakeUps: 0 };
  /** The tenant this hub serves (learnt from its name, a ticket or a socket). */
  private tenantId: string | undefined;
  /** Ops hub: this instance's epoch (a reconnect from another instance's ids starts over). */
  private readonly epoch = randomToken().slice(0, 8);
  /** Ops hub: the last report's number, and the reports kept for resuming. */
  private seq = 0;
  private replay: string[] = [];
  /** Ops hub: the tenants whose hub last reported open sockets (kept in storage). */
  private openTenants = new Set<string>();
  /** Ops hub: when an operator socket was last open, and the report number when it said none. */
  private lastWatchedAt = Date.now();
  private unwatchedAt = -1;
  /** Tenant hub: what the ops hub last said, when, and the report rate's state. */
  private opsWatching = true;
  private opsCheckedAt = 0;
  private lastReportAt = 0;
  private reportDue = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // A client's "ping" is answered by the platform without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", HEARTBEAT));
    this.tenantId = (ctx.id as { name?: string }).name;
    ctx.blockConcurrencyWhile(async () => {
      const saved = await ctx.storage.get<HubStats>("stats");
      if (saved) this.stats = saved;
      if (this.tenantId === OPS_HUB) {
        this.openTenants = new Set((await ctx.storage.get<string[]>("open-tenants")) ?? []);
      }
      this.stats.wakeUps += 1;
    });
  }

  override async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    try {
      switch (url.pathname) {
        case "/notify":
          // A tenant with no socket open costs this call and the report to the ops hub (no
          // storage, no read).
          if (this.liveSockets().length > 0) await this.pump();
          this.reportToOps(false);
          return new Response(null, { status: 204 });
        case "/tickets":
          return Response.json(await this.issueTicket((await request.json()) as TicketRequest));
        case "/attempts":
          this.pushAttempts((await request.json()) as AttemptNotice[]);
          return new Response(null, { status: 204 });
        case "/attempts/connect":
          return await this.openAttemptSocket(
            JSON.parse(request.headers.get("x-connect") ?? "{}") as AttemptConnectRequest,
          );
        case "/connect":
          return await this.openSocket(JSON.parse(request.headers.get("x-connect") ?? "{}"));
        case "/ops/connect":
          return await this.openOperatorSocket(
            JSON.parse(request.headers.get("x-connect") ?? "{}") as OperatorConnectRequest,
          );
        case "/ops/report": {
          const activity = (await request.json()) as TenantActivity;
          this.broadcast(activity);
          await this.trackOpen(activity);
          return Response.json({ watching: this.watching() });
        }
        case "/ops/open-tenants":
          return Response.json([...this.openTenants]);
        case "/stats":
          return Response.json({
            ...this.stats,
            open: this.ctx.getWebSockets().length,
            servedMin: this.liveSockets().reduce<number | null>(
              (min, [, state]) => (min === null ? state.served : Math.min(min, state.served)),
              null,
            ),
          });
        default:
          return new Response(null, { status: 404 });
      }
    } catch (error) {
      if (error instanceof AppError) {
        return Response.json(
          { code: error.code, detail: error.message, extensions: error.extensions },
          { status: error.status },
        );
      }
      throw error;
    }
  }

  /** A single-use ticket, kept in this object's storage: one object, one thread, one use. */
  private async issueTicket(body: TicketRequest) {
    const secret = randomToken();
    const expiresAt = Date.now() + TICKET_TTL_SECONDS * 1000;
    const grant: TicketGrant = {
      role: body.role,
      credential: body.credential,
      expiresAt,
      operator: body.operator === true,
    };
    if (!grant.operator) this.tenantId ??= body.tenantId;
    await this.ctx.storage.put(`ticket:${secret}`, grant);
    await this.ensureAlarm();
    return {
      ticket: `stk_${body.tenantId}.${secret}`,
      expires_at: new Date(expiresAt).toISOString(),
    };
  }

  /** Takes a ticket out of storage: a second use, or a late one, finds nothing. */
  private async redeem(ticket: string, operator = false): Promise<TicketGrant> {
    const secret = ticket.split(".")[1] ?? "";
    const key = `ticket:${secret}`;
    const grant = secret ? await this.ctx.storage.get<TicketGrant>(key) : undefined;
    if (grant) await this.ctx.storage.delete(key);
    if (!grant || grant.expiresAt < Date.now() || (grant.operator === true) !== operator) {
      throw new AppError("unauthenticated", "The ticket is unknown, used or expired.");
    }
    return grant;
  }

  /**
   * Accepts a socket: reads the first page after its cursor before answering (an expired cursor
   * is a 410 and a bad one a 400, not a closed socket), sends it, and then either goes live (the
   * page reached the end of the log) or closes 4008 (more than one page behind: the client
   * resumes from its last cursor and makes a page of progress per connection).
   */
  private async openSocket(request: ConnectRequest): Promise<Response> {
    const principal = request.ticket
      ? await this.redeem(request.ticket)
      : (request.principal ?? undefined);
    if (!principal) throw new AppError("unauthenticated");
    this.tenantId ??= request.tenantId;
    const start = parseStart(request.after);
    const types = typesFor(principal.role, request.types);
    const page = await this.read(request.tenantId, start, types);
    checkStart(start, page);

    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server, [`cred:${principal.credential.id}`]);
    const state: SocketState = {
      tenantId: request.tenantId,
      role: principal.role,
      types,
      served: page.from,
      live: false,
      credential: principal.credential,
    };
    for (const row of page.rows) server.send(row.item);
    this.stats.connections += 1;
    this.stats.messages += page.rows.length;
    if (page.hasMore) {
      this.stats.slowConsumerCloses += 1;
      server.close(CLOSE.slowConsumer, "Too far behind: resume from your last cursor.");
    } else {
      state.served = page.next;
      state.live = true;
      server.serializeAttachment(state);
      // Events committed since the page was read may already have been pumped to the others.
      this.ctx.waitUntil(this.pump());
    }
    await this.saveStats();
    await this.ensureAlarm();
    this.reportToOps();
    return new Response(null, { status: 101, webSocket: client });
  }

  /**
   * A webhook portal socket: the Worker checked the credential and that every endpoint is the
   * tenant's. It carries only `attempt` messages for those endpoints (the log's pump skips it).
   */
  private async openAttemptSocket(request: AttemptConnectRequest): Promise<Response> {
    if (!request.credential || !request.tenantId || !Array.isArray(request.endpoints)) {
      throw new AppError("unauthenticated");
    }
    this.tenantId ??= request.tenantId;
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server, ["attempts", `cred:${request.credential.id}`]);
    const state: AttemptSocketState = {
      attempts: true,
      tenantId: request.tenantId,
      endpoints: request.endpoints.slice(0, ATTEMPT_SOCKET_ENDPOINTS),
      credential: request.credential,
    };
    server.serializeAttachment(state);
    this.stats.connections += 1;
    await this.saveStats();
    await this.ensureAlarm();
    this.reportToOps();
    return new Response(null, { status: 101, webSocket: client });
  }

  /**
   * Sends each portal socket the attempts of its endpoints, as `{"id", "type": "attempt", …}`
   * (SSE: `event: attempt`). Nothing is stored: a portal that was away reloads the attempts.
   */
  private pushAttempts(notices: AttemptNotice[]) {
    const sockets = this.ctx.getWebSockets("attempts");
    if (sockets.length === 0 || !Array.isArray(notices)) return;
    const messages = notices.map((notice) => ({
      endpoint: notice.endpoint_id,
      text: JSON.stringify({
        id: `${notice.delivery_id}.${randomToken().slice(0, 8)}`,
        type: "attempt",
        endpoint_id: notice.endpoint_id,
        delivery_id: notice.delivery_id,
        event_id: notice.event_id,
        status: notice.status,
        status_code: notice.status_code,
        at: notice.at,
      }),
    }));
    for (const socket of sockets) {
      const state = socket.deserializeAttachment() as AttemptSocketState | null;
      if (!state?.attempts || state.tenantId !== this.tenantId) continue;
      for (const message of messages) {
        if (!state.endpoints.includes(message.endpoint)) continue;
        try {
          socket.send(message.text);
          this.stats.messages += 1;
        } catch {
          // Closing already.
        }
      }
    }
  }

  /**
   * The tenant hub's figures, to the ops hub (after the response: best effort, a console that
   * missed one gets the next, and its figures endpoint answers in any case). A socket opening or
   * closing is always reported (the ops hub tracks which tenants have sockets open). After a
   * commit, at most one report a second (later ones in that second become one trailing report),
   * and none while the ops hub last said no operator was watching, for OPS_UNWATCHED_MS: with
   * nobody at the console, the one ops hub hears from each busy tenant once every 5 s, not per
   * commit.
   */
  private reportToOps(transition = true) {
    const tenantId = this.tenantId;
    if (!tenantId || tenantId === OPS_HUB) return;
    const now = Date.now();
    if (!transition) {
      if (!this.opsWatching && now - this.opsCheckedAt < OPS_UNWATCHED_MS) return;
      const wait = this.lastReportAt + OPS_REPORT_MS - now;
      if (wait > 0) {
        if (this.reportDue) return;
        this.reportDue = true;
        this.ctx.waitUntil(
          new Promise((resolve) => setTimeout(resolve, wait)).then(() => {
            this.reportDue = false;
            this.reportToOps(false);
          }),
        );
        return;
      }
    }
    this.lastReportAt = now;
    const activity: TenantActivity = {
      tenant_id: tenantId,
      open_connections: this.ctx.getWebSockets().length,
      connections: this.stats.connections,
      messages_pushed: this.stats.messages,
      slow_consumer_closes: this.stats.slowConsumerCloses,
      wake_ups: this.stats.wakeUps,
    };
    this.ctx.waitUntil(
      hubOf(this.env, OPS_HUB)
        .fetch("https://hub/ops/report", { method: "POST", body: JSON.stringify(activity) })
        .then(async (response) => {
          const answer = (await response.json()) as { watching: boolean };
          this.opsWatching = answer.watching;
          this.opsCheckedAt = Date.now();
        })
        .catch((error) =>
          log("warn", "event hub could not report to the ops hub", {
            tenant_id: tenantId,
            ...describeError(error),
          }),
        ),
    );
  }

  /**
   * Ops hub: accepts an operator's socket (a ticket from POST /admin/ops/stream-tickets, or the
   * operator credential the Worker checked). With `after` (the last report's id it received) it
   * replays what followed, if this instance still holds it; otherwise it sends `reset` first: the
   * console reloads its figures, then applies the reports that follow.
   */
  private async openOperatorSocket(request: OperatorConnectRequest): Promise<Response> {
    const credential = request.ticket
      ? (await this.redeem(request.ticket, true)).credential
      : request.credential;
    if (!credential) throw new AppError("unauthenticated");
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server, ["operator"]);
    const state: OperatorSocketState = { operator: true, credential };
    server.serializeAttachment(state);
    const [epoch, number] = (request.after ?? "").split(".");
    const after = Number(number);
    const oldest = this.seq - this.replay.length;
    // Reports may have been skipped after the ops hub said nobody was watching: no replay across.
    if (
      epoch === this.epoch &&
      Number.isInteger(after) &&
      after >= oldest &&
      after <= this.seq &&
      after > this.unwatchedAt
    ) {
      for (const report of this.replay.slice(after - oldest)) server.send(report);
    } else {
      server.send(JSON.stringify({ id: `${this.epoch}.${this.seq}`, type: "reset" }));
    }
    this.stats.connections += 1;
    await this.ensureAlarm();
    return new Response(null, { status: 101, webSocket: client });
  }

  /**
   * Ops hub: which tenants have sockets open, from their reports (written only when that
   * changes), so the health check asks only those hubs how far behind their log they are.
   */
  private async trackOpen(activity: TenantActivity) {
    const open = activity.open_connections > 0;
    if (open === this.openTenants.has(activity.tenant_id)) return;
    if (open) this.openTenants.add(activity.tenant_id);
    else this.openTenants.delete(activity.tenant_id);
    await this.ctx.storage.put("open-tenants", [...this.openTenants]);
  }

  /**
   * Ops hub: whether the tenant hubs should report commits: while an operator socket is open and
   * for OPS_WATCH_GRACE_MS after the last one closed (a console that reconnects within it
   * resumes without a gap; one that comes later starts with reset).
   */
  private watching(): boolean {
    const now = Date.now();
    if (this.ctx.getWebSockets("operator").length > 0) this.lastWatchedAt = now;
    if (now - this.lastWatchedAt < OPS_WATCH_GRACE_MS) return true;
    this.unwatchedAt = this.seq;
    return false;
  }

  /** Ops hub: numbers a tenant hub's report, keeps it for resuming, pushes it to operators. */
  private broadcast(activity: TenantActivity) {
    this.seq += 1;
    const report = JSON.stringify({
      id: `${this.epoch}.${this.seq}`,
      type: "tenant.activity",
      at: new Date().toISOString(),
      ...activity,
    });
    this.replay.push(report);
    if (this.replay.length > OPS_REPLAY) this.replay.shift();
    for (const socket of this.ctx.getWebSockets("operator")) {
      try {
        socket.send(report);
        this.stats.messages += 1;
      } catch {
        // Closing already.
      }
    }
  }

  private async read(tenantId: string, start: LogStart, types: readonly string[]) {
    const handle = openSystemDatabase(this.env);
    try {
      return await withTenant(handle, tenantId, (scope) =>
        readLog(scope, start, types, SOCKET_BACKLOG),
      );
    } finally {
      this.ctx.waitUntil(handle.close().catch(() => {}));
    }
  }

  /**
   * Sends new events to the live sockets: reads the log after the furthest-behind live socket
   * (every type; each socket takes its own) and gives each socket the events after its `served`.
   * A socket that went live while the page was read, behind the page's start, waits for the next
   * round, which starts from it. One pump at a time; a notification during one runs another.
   */
  async pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    const pushed = this.stats.messages + this.stats.slowConsumerCloses;
    try {
      do {
        this.again = false;
        const live = this.liveSockets();
        if (live.length === 0) break;
        const from = Math.min(...live.map(([, state]) => state.served));
        const page: LogPage = await this.read(live[0]?.[1].tenantId ?? "", { after: from }, [
          ...EVENT_TYPES,
        ]);
        for (const [socket, state] of this.liveSockets()) {
          if (state.served < from) {
            this.again = true;
            continue;
          }
          let sent = 0;
          for (const row of page.rows) {
            if (row.position <= state.served || !state.types.includes(row.type)) continue;
            socket.send(row.item);
            sent += 1;
          }
          this.stats.messages += sent;
          if (page.hasMore && state.served === from) {
            // A full page behind the log: this socket cannot keep up (or was away too long).
            this.stats.slowConsumerCloses += 1;
            socket.close(CLOSE.slowConsumer, "Too far behind: resume from your last cursor.");
            continue;
          }
          socket.serializeAttachment({ ...state, served: Math.max(state.served, page.next) });
        }
        if (page.hasMore) this.again = true;
      } while (this.again);
    } catch (error) {
      log("warn", "event hub pump failed; the next notification or alarm retries", {
        ...describeError(error),
      });
    } finally {
      this.pumping = false;
      if (this.stats.messages + this.stats.slowConsumerCloses !== pushed) await this.saveStats();
    }
  }

  private liveSockets(): Array<[WebSocket, SocketState]> {
    const sockets: Array<[WebSocket, SocketState]> = [];
    for (const socket of this.ctx.getWebSockets()) {
      const state = socket.deserializeAttachment() as
        | SocketState
        | OperatorSocketState
        | AttemptSocketState
        | null;
      if (
        state &&
        !("operator" in state) &&
        !("attempts" in state) &&
        state.live &&
        socket.readyState === WebSocket.OPEN
      ) {
        sockets.push([socket, state]);
      }
    }
    return sockets;
  }

  private async saveStats() {
    await this.ctx.storage.put("stats", this.stats);
  }

  private async ensureAlarm() {
    if ((await this.ctx.storage.getAlarm()) === null) {
      await this.ctx.storage.setAlarm(Date.now() + HUB_TICK_MS);
    }
  }

  /**
   * Every 25 s while anything is open: a heartbeat to each socket, the credentials and the
   * tenant's status rechecked (a revoked or expired credential closes 4001, a tenant no longer
   * active 4003: within 60 s of the change), expired tickets dropped, and a pump for events whose
   * notification was lost.
   */
  override async alarm(): Promise<void> {
    const now = Date.now();
    const tickets = await this.ctx.storage.list<TicketGrant>({ prefix: "ticket:" });
    const expired = [...tickets].filter(([, grant]) => grant.expiresAt < now).map(([key]) => key);
    if (expired.length > 0) await this.ctx.storage.delete(expired);
    const sockets = this.ctx.getWebSockets();
    if (sockets.length > 0) {
      for (const socket of sockets) {
        try {
          socket.send(HEARTBEAT);
        } catch {
          // Closing already.
        }
      }
      await this.recheckCredentials().catch((error) =>
        log("warn", "event hub credential recheck failed", { ...describeError(error) }),
      );
      await this.pump();
    }
    if (this.ctx.getWebSockets().length > 0 || tickets.size > expired.length) {
      await this.ctx.storage.setAlarm(Date.now() + HUB_TICK_MS);
    }
  }

  /** Closes the sockets whose credential or tenant no longer admits them. */
  async recheckCredentials(): Promise<void> {
    await this.recheckOperators();
    const states = this.ctx
      .getWebSockets()
      .map((socket) => [socket, socket.deserializeAttachment() as SocketState | null] as const)
      .filter(
        (pair): pair is readonly [WebSocket, SocketState] =>
          pair[1] !== null && !("operator" in pair[1]),
      );
    const tenantId = states[0]?.[1].tenantId;
    if (!tenantId) return;
    const keyIds = [
      ...new Set(
        states.flatMap(([, s]) => {
          const key = checkedKeyOf(s.credential);
          return key ? [key] : [];
        }),
      ),
    ];
    const handle = openSystemDatabase(this.env);
    try {
      const [tenant, validKeys] = await Promise.all([
        withSystem(handle, (tx) =>
          tx
            .select({ status: tenants.status })
            .from(tenants)
            .where(and(eq(tenants.id, tenantId), sql`now() is not null`)),
        ),
        keyIds.length === 0
          ? Promise.resolve([] as Array<{ id: string }>)
          : withTenant(handle, tenantId, (scope) =>
              scope.tx
                .select({ id: apiKeys.id })
                .from(apiKeys)
                .where(
                  scope.where(
                    apiKeys,
                    anyOf(apiKeys.id, keyIds),
                    activeApiKey,
                    sql`now() is not null`,
                  ),
                ),
            ),
      ]);
      const active = tenant[0]?.status === "active";
      const valid = new Set(validKeys.map((k) => k.id));
      const nowSeconds = Date.now() / 1000;
      for (const [socket, state] of states) {
        if (!active) {
          socket.close(CLOSE.forbidden, "The tenant is not active.");
        } else if (
          (checkedKeyOf(state.credential) !== undefined &&
            !valid.has(checkedKeyOf(state.credential) ?? "")) ||
          (state.credential.expiresAt !== undefined && state.credential.expiresAt <= nowSeconds)
        ) {
          socket.close(CLOSE.unauthenticated, "The credential was revoked or has expired.");
        }
      }
    } finally {
      this.ctx.waitUntil(handle.close().catch(() => {}));
    }
  }

  /** Ops hub: an operator socket whose token was rotated away (or whose JWT expired) closes 4001. */
  private async recheckOperators() {
    const sockets = this.ctx.getWebSockets("operator");
    if (sockets.length === 0) return;
    const current = await operatorFingerprint(this.env.OPERATOR_TOKEN ?? "");
    const nowSeconds = Date.now() / 1000;
    for (const socket of sockets) {
      const state = socket.deserializeAttachment() as OperatorSocketState | null;
      const credential = state?.credential;
      if (
        !credential ||
        (credential.expiresAt !== undefined
          ? credential.expiresAt <= nowSeconds
          : credential.id !== current)
      ) {
        socket.close(CLOSE.unauthenticated, "The operator credential was revoked or has expired.");
      }
    }
  }

  override webSocketMessage(socket: WebSocket, message: string | ArrayBuffer): void {
    // Clients only ping (answered by the auto-response); anything else gets a heartbeat back.
    if (message !== "ping") socket.send(HEARTBEAT);
  }

  override webSocketClose(socket: WebSocket, code: number, reason: string): void {
    try {
      socket.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // Already closed.
    }
    this.reportToOps();
  }
}
