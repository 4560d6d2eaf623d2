// A TCP proxy between the Worker and Postgres that adds a one-way delay in each direction and
// counts what distance costs: connections, and "flights" (client sends that wait for a reply).
// A flight starts when the client sends after the server last spoke (or first on a connection);
// bytes the client sends before any reply belong to the same flight (pipelining). Flights before
// the server's first ReadyForQuery are connection start-up, counted apart. A bare Terminate is no
// flight (nothing waits for an answer).
import { connect, createServer } from "node:net";

const TERMINATE = Buffer.from([0x58, 0, 0, 0, 4]);
const SSL_REQUEST_CODE = 80877103;

/**
 * The statements in a chunk the client sent (Parse 'P' and simple Query 'Q' messages), for
 * `FLIGHT_TRACE=1`, which prints every flight: what the Worker sent together.
 */
function statementsIn(chunk) {
  const out = [];
  for (let at = 0; at + 5 <= chunk.length; ) {
    const type = chunk[at];
    const length = chunk.readUInt32BE(at + 1);
    if (type === 0x50 || type === 0x51) {
      const body = chunk.subarray(at + 5, Math.min(chunk.length, at + 1 + length));
      out.push(body.toString("utf8").split("\0")[type === 0x50 ? 1 : 0] ?? "");
    }
    at += 1 + length;
  }
  return out;
}
const TRACE = process.env.FLIGHT_TRACE === "1";

/** Reads the server's stream message by message to see the first ReadyForQuery ('Z'). */
function startupWatcher(onReady) {
  let pending = Buffer.alloc(0);
  let skipSslAnswer = false;
  let ready = false;
  return {
    expectSslAnswer() {
      skipSslAnswer = true;
    },
    feed(chunk) {
      if (ready) return;
      pending = Buffer.concat([pending, chunk]);
      if (skipSslAnswer && pending.length > 0) {
        pending = pending.subarray(1); // the one-byte 'N'/'S' answer to an SSLRequest
        skipSslAnswer = false;
      }
      while (pending.length >= 5) {
        const type = pending[0];
        const length = pending.readUInt32BE(1);
        if (pending.length < 1 + length) return;
        pending = pending.subarray(1 + length);
        if (type === 0x5a) {
          ready = true;
          onReady();
          return;
        }
      }
    },
  };
}

/**
 * Starts the proxy on a free loopback port in front of `target` ({ host, port }).
 * Returns { port, counters, statements, stop() }; `counters` is live: connections, flights,
 * startupFlights, answered; `statements` fills only with `recordStatements`.
 */
export async function startDelayProxy({ target, delayMs = 10, recordStatements = false }) {
  /** With `recordStatements`: the text of every statement the clients sent, in order. */
  const statements = [];
  // answered: flights whose reply has been handed on to the client (what a client can have
  // waited for by now; a flight still in the air when a response arrives was not waited for).
  const counters = { connections: 0, flights: 0, startupFlights: 0, answered: 0 };
  const sockets = new Set();
  const later = (fn) => (delayMs > 0 ? setTimeout(fn, delayMs) : setImmediate(fn));

  const server = createServer((client) => {
    counters.connections++;
    const upstream = connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    let awaitingReply = false;
    let replyOwed = false;
    let started = false;
    let firstClientChunk = true;
    const watcher = startupWatcher(() => {
      started = true;
    });

    client.on("data", (chunk) => {
      if (firstClientChunk && chunk.length >= 8 && chunk.readUInt32BE(4) === SSL_REQUEST_CODE) {
        watcher.expectSslAnswer();
      }
      firstClientChunk = false;
      if (!awaitingReply && !chunk.equals(TERMINATE)) {
        awaitingReply = true;
        replyOwed = started;
        if (started) counters.flights++;
        else counters.startupFlights++;
        if (TRACE) console.log(`[flight ${counters.flights}] ${Date.now() % 100000}`);
      }
      if ((TRACE || recordStatements) && started) {
        for (const text of statementsIn(chunk)) {
          if (TRACE) console.log(`    ${text.replace(/\s+/g, " ").slice(0, 90)}`);
          if (recordStatements) statements.push(text);
        }
      }
      later(() => upstream.writable && upstream.write(chunk));
    });
    upstream.on("data", (chunk) => {
      awaitingReply = false;
      const answers = replyOwed;
      replyOwed = false;
      watcher.feed(chunk);
      later(() => {
        if (answers) counters.answered++;
        if (client.writable) client.write(chunk);
      });
    });
    const close = () => {
      later(() => {
        client.destroy();
        upstream.destroy();
      });
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", close);
    upstream.on("close", close);
    client.on("error", close);
    upstream.on("error", close);
  });

  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: server.address().port,
    counters,
    statements,
    /** A copy of the counters, for before/after differences. */
    snapshot: () => ({ ...counters }),
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
