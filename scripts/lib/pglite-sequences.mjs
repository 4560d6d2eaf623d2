// PGlite's socket server (@electric-sql/pglite-socket 0.2.x) runs every client connection on its one
// backend and queues their protocol messages one by one. It keeps a connection's messages together
// only while the backend is inside a transaction block, which it learns from ReadyForQuery. An
// extended-query sequence outside one (Parse, Bind, Describe, Execute … up to Sync) has no
// ReadyForQuery in the middle, so another connection's messages could run between its Bind and
// Execute and drop the unnamed portal both use: "portal "" does not exist". A real server gives
// each connection its own backend; here a connection keeps the backend from the first message of
// such a sequence until its Sync, which makes the embedded server behave as one would expect.

/** Message types that open or continue an extended-query sequence (Sync, 'S', ends it). */
const EXTENDED = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));
const SYNC = "S".charCodeAt(0);

/**
 * Replaces the server's queue scheduling with one that also holds a connection's extended-query
 * sequence together. `server` is a PGLiteSocketServer before `start()`; its `queryQueue` is the
 * library's QueryQueueManager, whose fields (`queue`, `processing`, `lastHandlerId`, `db`) this
 * relies on: the version is pinned in package.json, and the embedded suites exercise it.
 */
export function keepExtendedSequencesTogether(server) {
  const manager = server.queryQueue;
  if (!manager || typeof manager.processQueue !== "function" || !Array.isArray(manager.queue)) {
    throw new Error("pglite-socket's query queue is not the one this patch knows");
  }
  let holder = null;

  const clearQueueForHandler = manager.clearQueueForHandler.bind(manager);
  manager.clearQueueForHandler = (handlerId) => {
    if (holder === handlerId) holder = null;
    return clearQueueForHandler(handlerId);
  };

  manager.processQueue = async function processQueue() {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = holder ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        let item;
        if (owner !== null && owner !== undefined) {
          const index = this.queue.findIndex((queued) => queued.handlerId === owner);
          // The owner's next message has not arrived yet: the others wait for it.
          if (index === -1) break;
          item = this.queue.splice(index, 1)[0];
        } else {
          item = this.queue.shift();
        }
        const type = item.message[0];
        if (EXTENDED.has(type)) holder = item.handlerId;
        else if (type === SYNC) holder = null;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          if (holder === item.handlerId) holder = null;
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
}
