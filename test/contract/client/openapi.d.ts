export interface paths {
  "/": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * API index: name, version and where to start
     * @description Answers without a credential and touches no dependency: the API's name and version and links to its reference, its OpenAPI document and its readiness probe. Cacheable for 5 minutes.
     */
    get: operations["getApiIndex"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/health/live": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness: the Worker answers (no dependencies)
     * @description Answers as long as the Worker runs; checks no dependency.
     */
    get: operations["checkLiveness"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/health/ready": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness: Postgres through Hyperdrive, R2 and the Durable Objects
     * @description Each isolate runs the checks at most once at a time and reuses a result for 3 s (a failure for 1 s), so probes cannot multiply the load on the dependencies.
     */
    get: operations["checkReadiness"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/events/stream": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Receive the change feed live, as a WebSocket or as server-sent events (any role)
     * @description The events of `GET /v2/events/feed`, pushed as they commit, with the same cursors and visibility. Open it as a **WebSocket** (`Upgrade: websocket`; each message is the JSON `{"cursor", "event"}`, heartbeats are `{"type":"heartbeat"}` at least every 30 s, and a text `ping` is answered with one) or with `Accept: text/event-stream` as **SSE** (`id:` = cursor, `event:` = type, `data:` = the same JSON; heartbeats are comments). Resume with `after=<cursor>` or `Last-Event-ID`: per connection the events arrive in cursor order, with no gap and no duplicate across reconnects. A client more than 1,000 events behind is closed (WebSocket 4008, SSE stream ends) after the events it got and resumes from its last cursor; a revoked or expired credential closes it with 4001, a suspended tenant with 4003, within 60 s. Browsers authenticate with `?ticket=` from `POST /v2/stream-tickets` instead of `Authorization`. docs/live-updates.md.
     */
    get: operations["streamEvents"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/tenant": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller's tenant: plan, effective limits and usage (viewer)
     * @description The calling tenant's name, plan, effective limits, row counts, current rate-limit window and webhook backlog.
     */
    get: operations["getOwnTenant"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/tenant/export": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Export the tenant's data as NDJSON to R2 (admin); runs in the background
     * @description Queues an export of every tenant table as NDJSON files on R2; while one is running the same export is returned. Poll GET /v2/tenant/exports/{id} for its progress.
     */
    post: operations["requestTenantExport"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/tenant/exports/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An export's progress and, once completed, signed download links (admin)
     * @description Progress of an export and, once completed, a signed download link per file (valid for the time in `links_expire_at`).
     */
    get: operations["getTenantExport"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/files": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List files, newest first (viewer)
     * @description Files of the tenant, newest first, including uploads still in progress (`status: uploading`). Cursor pagination.
     */
    get: operations["listFiles"];
    put?: never;
    /**
     * Upload a file in one request (editor; streamed to R2, SHA-256 computed on the way)
     * @description The body is the file itself, sent with its own media type. A keyed retry is recognised by its media type, length and Content-Digest (the body is never buffered).
     */
    post: operations["uploadFile"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/files/multipart": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a multipart upload (editor; for files beyond the single-request limit)
     * @description Declares the file (name, media type, size) and returns its id and the part rules; the media type must be an accepted one and the size within the tenant's multipart limit.
     */
    post: operations["createMultipartUpload"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/files/{id}/parts/{n}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Upload one part (editor; 1..10000; every part but the last at least 5 MiB, all of one size)
     * @description Stores one part of a multipart upload. Every part but the last must have the same size, at least 5 MiB; the whole must not exceed the declared size.
     */
    put: operations["uploadFilePart"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/files/{id}/complete": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Complete a multipart upload (editor)
     * @description Assembles the parts (their numbers and etags, in order) into the file, which becomes `ready`.
     */
    post: operations["completeMultipartUpload"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/files/{id}/multipart": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Abort a multipart upload (editor)
     * @description Discards the uploaded parts and the file's record.
     */
    delete: operations["abortMultipartUpload"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/files/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A file's metadata (viewer)
     * @description A file's metadata: name, media type, size, SHA-256 and status.
     */
    get: operations["getFile"];
    put?: never;
    post?: never;
    /**
     * Delete a file, object and metadata (editor)
     * @description Deletes the object from R2 and the file's record; signed links to it stop working.
     */
    delete: operations["deleteFile"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/files/{id}/content": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download a file (viewer; streams; ETag, If-None-Match, Range)
     * @description The content is served with the media type the file was stored with.
     */
    get: operations["downloadFile"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/files/{id}/download-url": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A signed, expiring URL that downloads the file without credentials (viewer)
     * @description Returns a URL under /downloads/files, signed with the server's key and valid for `expires_in` seconds (default 900), that anyone holding it can download without credentials while the tenant is active.
     */
    post: operations["createFileDownloadUrl"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/api-keys": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List API keys (admin)
     * @description The tenant's API keys with their role, prefix and last use; secrets are never shown again.
     */
    get: operations["listApiKeys"];
    put?: never;
    /**
     * Create an API key (admin); the secret is shown once
     * @description Creates a key with a role (admin, editor or viewer); the response is the only time the secret is shown.
     */
    post: operations["createApiKey"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/api-keys/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an API key (admin); it stops working within 5 seconds everywhere
     * @description Revokes the key; every isolate refuses it within 5 seconds. The last active admin key cannot be revoked.
     */
    delete: operations["revokeApiKey"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/api-keys/{id}/roll": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Roll an API key (admin); the old secret works on for an overlap you choose
     * @description Gives the key a new secret, shown only in this response, and keeps the secret it replaces working for expires_in seconds (0: it stops now). The key keeps its id, role and expiry.
     */
    post: operations["rollApiKey"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/audit-log": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The tenant's audit log (admin)
     * @description Who (credential and role) changed what, newest first, with the request id of each change.
     */
    get: operations["listAuditLog"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/books/imports": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import books in bulk from NDJSON or CSV (editor; applied in the background)
     * @description The body is the file: NDJSON (one POST /v2/books body per line) or CSV (a header line naming isbn, title, authors, price_amount, currency and optionally stock and status; authors separated by `;`). It streams to storage (Content-Length required, at most 5× the tenant's file limit) and is applied in batches of 500 lines, inserting or updating books by ISBN. Bad lines never stop good ones: they go to the error report. One import at a time per tenant.
     */
    post: operations["createBookImport"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/books/imports/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An import's status, counts and progress (viewer)
     * @description Counts: books created and updated, lines rejected; progress: lines applied so far.
     */
    get: operations["getBookImport"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/books/imports/{id}/errors": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download an import's error report as NDJSON (viewer)
     * @description One record per rejected field of a line: line number (1-based, the CSV header is line 1), field and message. Available once the import has completed.
     */
    get: operations["getBookImportErrors"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/books": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List books, newest first (viewer)
     * @description Books of the tenant, newest first, optionally filtered by text (`q`) and status. Cursor pagination: pass `next_cursor` as `starting_after`. The page carries a weak ETag; sent back in If-None-Match, it answers 304 while the page is unchanged.
     */
    get: operations["listBooks"];
    put?: never;
    /**
     * Create a book (editor)
     * @description Creates a book; the ISBN is normalised (hyphens and spaces removed) and must be unique in the tenant. The ETag header carries the book's version.
     */
    post: operations["createBook"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/books/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a book (viewer)
     * @description One book; its ETag can be sent back in If-Match to make a change conditional, or in If-None-Match to get 304 while the book is unchanged.
     */
    get: operations["getBook"];
    put?: never;
    post?: never;
    /**
     * Delete a book (editor); past orders keep their line snapshots
     * @description Soft-deletes the book (it can no longer be ordered); past orders keep their line snapshots. With If-Match, only if unchanged.
     */
    delete: operations["deleteBook"];
    options?: never;
    head?: never;
    /**
     * Update a book (editor); If-Match makes it conditional
     * @description Changes the given fields; with If-Match, only if the book is unchanged since that ETag was read (412 otherwise).
     */
    patch: operations["updateBook"];
    trace?: never;
  };
  "/v2/orders": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List orders with their lines, newest first (viewer)
     * @description Orders of the tenant with their lines, newest first, optionally filtered by status. Cursor pagination: pass `next_cursor` as `starting_after`. The page carries a weak ETag; sent back in If-None-Match, it answers 304 while the page is unchanged.
     */
    get: operations["listOrders"];
    put?: never;
    /**
     * Create an order, reserving its stock atomically (editor)
     * @description All lines or none. Unknown, deleted, archived or other tenants' books, and books priced in another currency than the first line's, are 400 validation_failed naming the lines. Not enough stock is 409 insufficient_stock with `lines: [{book_id, requested, available}]`. The order starts `pending` with its stock reserved until `expires_at` (the tenant's reservation hold, 30 minutes unless set); if it is not confirmed or cancelled by then it becomes `expired`, its stock released, and an `order.expired` event is sent.
     */
    post: operations["createOrder"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/orders/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get an order with its lines (viewer)
     * @description One order with its lines; line ISBN, title and price are snapshots taken when the order was placed. Its ETag, sent back in If-None-Match, answers 304 while the order is unchanged.
     */
    get: operations["getOrder"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/orders/{id}/confirm": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Confirm a pending order (editor)
     * @description A pending order becomes confirmed; its stock stays reserved. An order whose `expires_at` has passed (or that is `expired`) cannot be confirmed: 409 invalid_state_transition with `order_status: expired`.
     */
    post: operations["confirmOrder"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/orders/{id}/ship": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ship a confirmed order (editor)
     * @description A confirmed order becomes shipped; its reserved stock is consumed. Shipped orders cannot be cancelled.
     */
    post: operations["shipOrder"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/orders/{id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a pending or confirmed order, releasing its stock (editor)
     * @description A pending or confirmed order becomes cancelled and its reserved stock is released to the books.
     */
    post: operations["cancelOrder"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/graphql/schema.graphql": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The GraphQL schema (SDL) (viewer)
     * @description The schema POST /v2/graphql runs, in the GraphQL schema definition language; served whether or not introspection is enabled.
     */
    get: operations["graphqlSchema"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/graphql": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Run a GraphQL query from the URL (viewer; queries only)
     * @description The query (and `variables` as JSON, `operationName`) in the URL, or only `extensions` naming a persisted query by its SHA-256 (automatic persisted queries), for caches and saved queries; mutations are refused (send them with POST). Otherwise as POST /v2/graphql.
     */
    get: operations["graphqlQuery"];
    put?: never;
    /**
     * Run a GraphQL query or mutation (viewer; mutations check the REST roles)
     * @description One GraphQL operation over the same verbs, roles, validation and tenant isolation as REST (schema at GET /v2/graphql/schema.graphql; docs/graphql.md). Errors of the operation are 200 with `errors[].extensions.code` from the problem registry; a document that does not parse is 400 validation_failed (problem+json). Depth ≤ 10, cost ≤ 1,000 (each field 1, a connection's edges × first) and ≤ 30 aliases, checked before execution: query_too_complex. With Idempotency-Key a mutation carries exactly one field and is replayed like a REST write. The rate limit counts a request as max(1, ceil(cost / 100)) requests (extensions.cost: requested, charged, remaining); without room for them it is 429 rate_limited. Automatic persisted queries: extensions.persistedQuery {version: 1, sha256Hash} without query runs the document registered under that hash, or answers the error PersistedQueryNotFound (code precondition_failed) so the client sends the hash with the query, which registers it (a hash that does not match the query is 400).
     */
    post: operations["graphql"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/events/feed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the change feed: the tenant's events in commit order, oldest first (any role)
     * @description Every event a webhook can carry, in the tenant's commit order: reading from a cursor never skips an event that commits later. Viewers and editors see `book.*`, `order.*` and `file.uploaded`; admins every type. Poll with `after=<next_cursor>`; `after=latest` starts after the newest event. The same events arrive live on `GET /v2/events/stream` (WebSocket or `Accept: text/event-stream`), with the same cursors.
     */
    get: operations["readEventFeed"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/events": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the tenant's events (the outbox), newest first (admin)
     * @description The tenant's events (the outbox behind webhooks), newest first, optionally filtered by type.
     */
    get: operations["listEvents"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/events/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get one event (admin)
     * @description One event with the resource as it was after the change, and when it was handed to webhook delivery.
     */
    get: operations["getEvent"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/events/{id}/resend": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Re-deliver an event to every endpoint subscribed to it (admin, throttled)
     * @description Queues the event again for every endpoint subscribed to its type; re-deliveries are throttled per tenant.
     */
    post: operations["resendEvent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/event-types": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the event types with their JSON Schemas (any role)
     * @description Every event type a webhook can receive, with its meaning, the JSON Schema of its body and an example. The same for every tenant (no tenant data); the OpenAPI document declares the same schemas under `webhooks`.
     */
    get: operations["listEventTypes"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/webhook-endpoints": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List webhook endpoints (admin)
     * @description The tenant's webhook endpoints with their subscribed event types and delivery state.
     */
    get: operations["listWebhookEndpoints"];
    put?: never;
    /**
     * Create a webhook endpoint (admin); the signing secret is shown once
     * @description Registers an HTTPS URL and the event types it receives; the signing secret is shown only in this response.
     */
    post: operations["createWebhookEndpoint"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/webhook-endpoints/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a webhook endpoint (admin)
     * @description An endpoint with its event types, state and consecutive failures.
     */
    get: operations["getWebhookEndpoint"];
    put?: never;
    post?: never;
    /**
     * Delete a webhook endpoint with its delivery history (admin)
     * @description Deletes the endpoint and its delivery history; pending deliveries to it are dropped.
     */
    delete: operations["deleteWebhookEndpoint"];
    options?: never;
    head?: never;
    /**
     * Update a webhook endpoint (admin); enabled: true releases held deliveries
     * @description Changes the URL, event types or description; `enabled: true` also releases deliveries held while the endpoint was disabled.
     */
    patch: operations["updateWebhookEndpoint"];
    trace?: never;
  };
  "/v2/webhook-endpoints/{id}/rotate-secret": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rotate the signing secret (admin); the old one also signs for 24 h
     * @description Issues a new signing secret (shown only in this response); for 24 hours deliveries carry signatures with both secrets.
     */
    post: operations["rotateWebhookSecret"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/webhook-endpoints/{id}/recover": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Re-deliver what failed since a time and release held deliveries (admin)
     * @description Re-delivers what failed since the given time and releases held deliveries, throttled; the endpoint must be enabled.
     */
    post: operations["recoverWebhookEndpoint"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/webhook-endpoints/{id}/attempts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the endpoint's delivery attempts, newest first (admin)
     * @description Each delivery attempt to the endpoint, newest first: event, status code, error class and duration.
     */
    get: operations["listWebhookAttempts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/webhook-endpoints/{id}/deliveries": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the endpoint's deliveries with what waits and why, newest first (admin)
     * @description Each delivery to the endpoint, newest first, including those never attempted: held while the tenant's webhooks are paused, or waiting (ordered endpoints) for an earlier delivery of the same resource, named in `waiting_for`.
     */
    get: operations["listWebhookDeliveries"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/portal-tokens": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mint a webhook portal token (admin)
     * @description Mints a short-lived token (15 minutes by default, at most 60) for the tenant's own staff to open the webhook delivery portal: it reads webhook endpoints and their attempts, resends events and recovers endpoints, and is refused (403 insufficient_scope) everywhere else. Hand over `portal_url`; the token is in its fragment.
     */
    post: operations["createPortalToken"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/stream-tickets": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Get a single-use ticket to open the event stream from a browser (any role)
     * @description Browsers cannot send `Authorization` on a WebSocket: open `GET /v2/events/stream?ticket=<ticket>` instead, once, within 60 seconds. The stream then runs with this credential's role, and closes (4001/4003) when the credential is revoked or expires or the tenant is suspended.
     */
    post: operations["createStreamTicket"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/books": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List books by page (viewer). Deprecated: use GET /v2/books
     * @deprecated
     * @description Page-numbered list of books with decimal-string prices. Replaced by the cursor-paginated GET /v2/books.
     */
    get: operations["listBooksV1"];
    put?: never;
    /**
     * Create a book (editor). Deprecated: use POST /v2/books
     * @deprecated
     * @description Creates a book from the v1 representation (decimal-string price and a currency).
     */
    post: operations["createBookV1"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/books/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a book (viewer). Deprecated: use GET /v2/books/{id}
     * @deprecated
     * @description One book in the v1 representation.
     */
    get: operations["getBookV1"];
    put?: never;
    post?: never;
    /**
     * Delete a book (editor). Deprecated: use DELETE /v2/books/{id}
     * @deprecated
     * @description Soft-deletes a book; answers its final state in the v1 representation.
     */
    delete: operations["deleteBookV1"];
    options?: never;
    head?: never;
    /**
     * Update a book (editor). Deprecated: use PATCH /v2/books/{id}
     * @deprecated
     * @description Changes the given fields of a book (v1 representation); If-Match makes it conditional.
     */
    patch: operations["updateBookV1"];
    trace?: never;
  };
  "/v1/orders": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List orders by page (viewer). Deprecated: use GET /v2/orders
     * @deprecated
     * @description Page-numbered list of orders with decimal-string prices. Replaced by the cursor-paginated GET /v2/orders.
     */
    get: operations["listOrdersV1"];
    put?: never;
    /**
     * Create an order reserving its stock (editor). Deprecated: use POST /v2/orders
     * @deprecated
     * @description All lines or none, as POST /v2/orders; prices are decimal strings. Not enough stock is 409 insufficient_stock with `lines`.
     */
    post: operations["createOrderV1"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/orders/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get an order (viewer). Deprecated: use GET /v2/orders/{id}
     * @deprecated
     * @description One order in the v1 representation (decimal-string prices, one flat currency).
     */
    get: operations["getOrderV1"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/orders/{id}/confirm": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Confirm an order (editor). Deprecated: use POST /v2/orders/{id}/confirm
     * @deprecated
     * @description A pending order becomes confirmed; its stock stays reserved.
     */
    post: operations["confirmOrderV1"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/orders/{id}/ship": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ship an order (editor). Deprecated: use POST /v2/orders/{id}/ship
     * @deprecated
     * @description A confirmed order becomes shipped; its reserved stock is consumed. Shipped orders cannot be cancelled.
     */
    post: operations["shipOrderV1"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/orders/{id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel an order (editor). Deprecated: use POST /v2/orders/{id}/cancel
     * @deprecated
     * @description A pending or confirmed order becomes cancelled and its reserved stock is released to the books.
     */
    post: operations["cancelOrderV1"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/tenants": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List tenants
     * @description Every tenant, newest first. Cursor pagination.
     */
    get: operations["listTenants"];
    put?: never;
    /**
     * Provision a tenant with its first admin API key (shown once)
     * @description Creates a tenant (name, plan, optional limits and IdP settings) and its first admin API key, whose secret is shown only in this response.
     */
    post: operations["provisionTenant"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/tenants/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a tenant
     * @description A tenant with its plan, limit overrides, IdP settings and status.
     */
    get: operations["getTenant"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a tenant's name, plan, limit overrides, IdP settings or reservation hold
     * @description Changes a tenant's name, plan, limit overrides, IdP settings or the reservation hold of its pending orders; an IdP issuer may belong to one tenant only.
     */
    patch: operations["updateTenant"];
    trace?: never;
  };
  "/admin/tenants/{id}/suspend": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Suspend a tenant (its calls get 403 tenant_suspended within 5 s; data kept)
     * @description Suspends the tenant: its calls and signed links are refused with 403 tenant_suspended within 5 seconds; its data is kept. The optional `reason` (recommended) is stored as the tenant's `status_reason` and in the audit log; without one, `(no reason given)` is recorded. Suspending a suspended tenant changes nothing.
     */
    post: operations["suspendTenant"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/tenants/{id}/resume": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resume a suspended tenant
     * @description Makes a suspended or offboarding tenant active again (cancelling a scheduled deletion).
     */
    post: operations["resumeTenant"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/tenants/{id}/webhooks/pause": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pause a tenant's webhook deliveries (held until resumed; API unaffected)
     * @description Holds every new or retried webhook delivery of the tenant (within 5 seconds), as for a suspended tenant: nothing is sent, lost or spent, no endpoint's breaker counts it. The tenant's API keeps working. The reason is required and recorded in the audit log. Pausing a paused tenant is 200 and changes nothing (the first pause's time and reason stay).
     */
    post: operations["pauseTenantWebhooks"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/tenants/{id}/webhooks/resume": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resume a tenant's webhook deliveries (held ones released oldest first)
     * @description Ends a webhook pause and releases the held deliveries oldest first (as a tenant's resume does), unless the tenant is suspended or offboarding: its holds then wait for the tenant's resume. Resuming an unpaused tenant is 200 and releases whatever is still held.
     */
    post: operations["resumeTenantWebhooks"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/tenants/{id}/audit-log": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A tenant's audit log
     * @description The audit log of any tenant, newest first, for operators.
     */
    get: operations["listTenantAuditLog"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/tenants/{id}/offboard": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Offboard a tenant: suspended now, exported to R2, deleted after the grace period (resume cancels)
     * @description Suspends the tenant at once, queues its final export and schedules its deletion after the grace period; resuming the tenant cancels the deletion. The optional `reason` (recommended) is stored as the tenant's `status_reason` and in the audit log; without one, `(no reason given)` is recorded.
     */
    post: operations["offboardTenant"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/tenants/{id}/export": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A tenant's latest export: progress and signed download links
     * @description The tenant's most recent export (typically the offboarding one) with signed download links once completed.
     */
    get: operations["getTenantLatestExport"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/tenants/{id}/restore": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a tenant's data from an export (into an empty tenant)
     * @description Loads a completed export (`exports/{source_tenant_id}/{export_id}/` in R2) into the tenant, which must hold no data yet. Every file's SHA-256 and row count is checked while it streams; the rows keep their ids and go in with one transaction, so a corrupt export or an id still in use writes nothing. Webhook endpoints come back disabled with a new secret, API keys revoked; file contents are copied from the source tenant's prefix. Synchronous, for exports up to 32 MiB (docs/runbooks/disaster-recovery.md).
     */
    post: operations["restoreTenant"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/ops/tenants/{id}/live": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One tenant's live-stream connections, pushes, slow-consumer closes and hub lag
     * @description The tenant's event hub (docs/live-updates.md): open sockets, sockets accepted, events pushed, slow-consumer closes and wake-ups since the hub began, and how far its furthest-behind live socket is from the head of the tenant's log.
     */
    get: operations["getTenantLiveFigures"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/ops/stream-tickets": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Get a single-use ticket to open the operators' live stream from a browser
     * @description Browsers cannot send `Authorization` on an EventSource or a WebSocket: open `GET /ops/stream?ticket=<ticket>` instead, once, within 60 seconds. The stream closes (4001) when the operator token it was issued with is rotated.
     */
    post: operations["createOperatorStreamTicket"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/ops/tenants": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every tenant's request rate, error rate, rate-limit rejections and webhook backlog, worst first
     * @description Request rate, error rate, rate-limit rejections and webhook backlog per tenant over a window, from Workers Analytics and the traffic index, worst tenant first.
     */
    get: operations["listTenantFigures"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/ops/tenants/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One tenant's figures, hourly rate-limit usage and webhook endpoints
     * @description The tenant's figures over the window, its hourly rate-limit usage and each webhook endpoint with its backlog and circuit state.
     */
    get: operations["getTenantFigures"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/ops/health": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Platform health: relay lag, job backlog and failures, cron heartbeats, firing alerts
     * @description Relay lag (oldest undispatched event, p50/p99 of dispatch delay over the window), jobs in progress and dead-lettered, the last run of each cron job (heartbeats) and the alert rules firing now, for every tenant.
     */
    get: operations["getOpsHealth"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/ops/tenants/{id}/health": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One tenant's relay lag, job backlog and failures, with the cron heartbeats and alerts
     * @description The same health figures with the relay and job figures restricted to one tenant (the cron jobs are shared, so they are the platform's).
     */
    get: operations["getTenantHealth"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/ops/tenants/{id}/series": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One tenant's per-minute requests, 5xx rate, 429s, webhook backlog and relay lag
     * @description Per-minute series over the last `minutes` minutes, oldest first, the current minute last: requests, 5xx, 5xx rate and 429s from the tenant's own counters, webhook backlog and relay lag from the database. The ops console draws them.
     */
    get: operations["getTenantSeries"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/ops/tenants/{id}/webhook-endpoints/{endpointId}/recover": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Recover a tenant's webhook endpoint: re-activate it and re-deliver what failed or is held
     * @description Re-activates a suspended endpoint and re-delivers what failed (since `since`, if given) or is held, in throttled batches: call again while `has_more`.
     */
    post: operations["recoverTenantWebhookEndpoint"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/ops": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Ops console (HTML page for operators)
     * @description The operators' console: served without a credential and with no data in it; the page asks for the operator token and calls /admin/ops with it. Its CSP runs only the page's own nonced style and script (/ops/console.js) and connects only to this origin.
     */
    get: operations["getOpsConsole"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/ops/stream": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Receive every tenant's activity live (operators; WebSocket or server-sent events)
     * @description What the /ops console listens to instead of polling. Each time a tenant's event hub is notified of a commit, or a live socket opens or closes, a report `{"id", "type": "tenant.activity", "at", "tenant_id", "open_connections", "connections", "messages_pushed", "slow_consumer_closes", "wake_ups"}` is pushed; the console reloads that tenant's figures. Open it as a **WebSocket** (`Upgrade: websocket`) or with `Accept: text/event-stream` (**SSE**: `id:` = the report's id, `event:` = its type, `data:` = the JSON). The first message is `{"id", "type": "reset"}` (load every figure, then apply the reports that follow) unless `after` (or `Last-Event-ID`) names a report the ops hub still holds, in which case what followed it is replayed. Heartbeats `{"type":"heartbeat"}` (SSE: comments) every 25 s; a text `ping` is answered with one. A rotated operator token closes the stream with 4001. Browsers authenticate with `?ticket=` from `POST /admin/ops/stream-tickets`.
     */
    get: operations["streamOperatorReports"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/portal": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Webhook delivery portal (HTML page for a tenant's staff)
     * @description The webhook delivery portal: served without a credential and with no data in it. The page reads a portal token (POST /v2/portal-tokens) from its URL fragment (#token=…), keeps it in the tab's sessionStorage and calls the API with it. Its CSP runs only the page's own nonced style and script (/portal/portal.js) and connects only to this origin.
     */
    get: operations["getWebhookPortal"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/portal/stream": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Receive webhook delivery attempts live (the delivery portal; admin or portal token)
     * @description What the webhook delivery portal listens to instead of polling: each delivery attempt to one of `endpoints`, as it is recorded, as `{"id", "type": "attempt", "endpoint_id", "delivery_id", "event_id", "status" (delivered, failed or gone), "status_code", "at"}`: no payload, no response excerpt (read those with `GET /v2/webhook-endpoints/{id}/attempts`). Open it as a **WebSocket** (`Upgrade: websocket`) or with `Accept: text/event-stream` (**SSE**: `id:` = the message id, `event: attempt`, `data:` = the JSON). Heartbeats `{"type":"heartbeat"}` (SSE: comments) every 25 s; a text `ping` is answered with one. Nothing is replayed across a reconnect: reload the attempts, then listen. An expired portal token, or a revoked key that minted it, closes the stream with 4001 and a suspended tenant with 4003, within 60 s. The one stream a portal token may open (never `GET /v2/events/stream`).
     */
    get: operations["streamWebhookAttempts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/downloads/files": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download a file through a signed URL (no credentials)
     * @description The URL comes from a signed-URL endpoint; its query is the credential, so no Authorization header is needed.
     */
    get: operations["downloadSignedFile"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/downloads/exports": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download an export file through a signed URL (no credentials)
     * @description The URL comes from a signed-URL endpoint; its query is the credential, so no Authorization header is needed.
     */
    get: operations["downloadSignedExport"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface webhooks {
  "book.created": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The book.created event
     * @description A book was created. `data` is the book.
     */
    post: operations["bookCreatedEvent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "book.updated": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The book.updated event
     * @description A book was changed (including its stock). `data` is the book after the change.
     */
    post: operations["bookUpdatedEvent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "book.deleted": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The book.deleted event
     * @description A book was deleted (soft). `data` is the book with `deleted_at` set.
     */
    post: operations["bookDeletedEvent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "book.import.batch": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The book.import.batch event
     * @description A batch of an import's lines was applied: the lines, counts and the ids of the books created and updated.
     */
    post: operations["bookImportBatchEvent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "book.import.completed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The book.import.completed event
     * @description An import finished: its line count and totals.
     */
    post: operations["bookImportCompletedEvent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "order.created": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The order.created event
     * @description An order was placed and its stock reserved. `data` is the order (pending).
     */
    post: operations["orderCreatedEvent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "order.confirmed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The order.confirmed event
     * @description An order was confirmed. `data` is the order.
     */
    post: operations["orderConfirmedEvent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "order.shipped": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The order.shipped event
     * @description An order was shipped. `data` is the order.
     */
    post: operations["orderShippedEvent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "order.cancelled": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The order.cancelled event
     * @description An order was cancelled and its stock released. `data` is the order.
     */
    post: operations["orderCancelledEvent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "order.expired": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The order.expired event
     * @description A pending order's reservation hold passed: the order expired and its stock was released. `data` is the order.
     */
    post: operations["orderExpiredEvent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "file.uploaded": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The file.uploaded event
     * @description A file upload completed. `data` is the file (ready).
     */
    post: operations["fileUploadedEvent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "tenant.export.completed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The tenant.export.completed event
     * @description A tenant data export is ready: its files with row counts and SHA-256.
     */
    post: operations["tenantExportCompletedEvent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "webhook.endpoint.suspended": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The webhook.endpoint.suspended event
     * @description The circuit breaker suspended a webhook endpoint after consecutive failures; its deliveries are held until it is re-enabled or recovered.
     */
    post: operations["webhookEndpointSuspendedEvent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface components {
  schemas: {
    BookCreatedEvent: {
      /** @enum {string} */
      type: "book.created";
      /** Format: date-time */
      timestamp: string;
      data: {
        id: string;
        isbn: string;
        title: string;
        authors: string[];
        price: {
          amount: number;
          currency: string;
        };
        stock: number;
        /** @enum {string} */
        status: "active" | "archived";
        version: number;
        /** Format: date-time */
        created_at: string;
        /** Format: date-time */
        updated_at: string;
        /** Format: date-time */
        deleted_at: string | null;
      };
    };
    BookUpdatedEvent: {
      /** @enum {string} */
      type: "book.updated";
      /** Format: date-time */
      timestamp: string;
      data: {
        id: string;
        isbn: string;
        title: string;
        authors: string[];
        price: {
          amount: number;
          currency: string;
        };
        stock: number;
        /** @enum {string} */
        status: "active" | "archived";
        version: number;
        /** Format: date-time */
        created_at: string;
        /** Format: date-time */
        updated_at: string;
        /** Format: date-time */
        deleted_at: string | null;
      };
    };
    BookDeletedEvent: {
      /** @enum {string} */
      type: "book.deleted";
      /** Format: date-time */
      timestamp: string;
      data: {
        id: string;
        isbn: string;
        title: string;
        authors: string[];
        price: {
          amount: number;
          currency: string;
        };
        stock: number;
        /** @enum {string} */
        status: "active" | "archived";
        version: number;
        /** Format: date-time */
        created_at: string;
        /** Format: date-time */
        updated_at: string;
        /** Format: date-time */
        deleted_at: string | null;
      };
    };
    BookImportBatchEvent: {
      /** @enum {string} */
      type: "book.import.batch";
      /** Format: date-time */
      timestamp: string;
      data: {
        import_id: string;
        from_line: number;
        to_line: number;
        created: number;
        updated: number;
        failed: number;
        created_ids: string[];
        updated_ids: string[];
      };
    };
    BookImportCompletedEvent: {
      /** @enum {string} */
      type: "book.import.completed";
      /** Format: date-time */
      timestamp: string;
      data: {
        import_id: string;
        lines: number;
        created: number;
        updated: number;
        failed: number;
      };
    };
    OrderCreatedEvent: {
      /** @enum {string} */
      type: "order.created";
      /** Format: date-time */
      timestamp: string;
      data: {
        id: string;
        /** @enum {string} */
        status: "pending" | "confirmed" | "shipped" | "cancelled" | "expired";
        total: {
          amount: number;
          currency: string;
        };
        lines: {
          id: string;
          book_id: string;
          isbn: string;
          title: string;
          quantity: number;
          unit_price: {
            amount: number;
            currency: string;
          };
          line_total: {
            amount: number;
            currency: string;
          };
        }[];
        /** Format: date-time */
        created_at: string;
        /** Format: date-time */
        updated_at: string;
        /** Format: date-time */
        confirmed_at: string | null;
        /** Format: date-time */
        shipped_at: string | null;
        /** Format: date-time */
        cancelled_at: string | null;
        /** Format: date-time */
        expires_at: string | null;
        /** Format: date-time */
        expired_at: string | null;
      };
    };
    OrderConfirmedEvent: {
      /** @enum {string} */
      type: "order.confirmed";
      /** Format: date-time */
      timestamp: string;
      data: {
        id: string;
        /** @enum {string} */
        status: "pending" | "confirmed" | "shipped" | "cancelled" | "expired";
        total: {
          amount: number;
          currency: string;
        };
        lines: {
          id: string;
          book_id: string;
          isbn: string;
          title: string;
          quantity: number;
          unit_price: {
            amount: number;
            currency: string;
          };
          line_total: {
            amount: number;
            currency: string;
          };
        }[];
        /** Format: date-time */
        created_at: string;
        /** Format: date-time */
        updated_at: string;
        /** Format: date-time */
        confirmed_at: string | null;
        /** Format: date-time */
        shipped_at: string | null;
        /** Format: date-time */
        cancelled_at: string | null;
        /** Format: date-time */
        expires_at: string | null;
        /** Format: date-time */
        expired_at: string | null;
      };
    };
    OrderShippedEvent: {
      /** @enum {string} */
      type: "order.shipped";
      /** Format: date-time */
      timestamp: string;
      data: {
        id: string;
        /** @enum {string} */
        status: "pending" | "confirmed" | "shipped" | "cancelled" | "expired";
        total: {
          amount: number;
          currency: string;
        };
        lines: {
          id: string;
          book_id: string;
          isbn: string;
          title: string;
          quantity: number;
          unit_price: {
            amount: number;
            currency: string;
          };
          line_total: {
            amount: number;
            currency: string;
          };
        }[];
        /** Format: date-time */
        created_at: string;
        /** Format: date-time */
        updated_at: string;
        /** Format: date-time */
        confirmed_at: string | null;
        /** Format: date-time */
        shipped_at: string | null;
        /** Format: date-time */
        cancelled_at: string | null;
        /** Format: date-time */
        expires_at: string | null;
        /** Format: date-time */
        expired_at: string | null;
      };
    };
    OrderCancelledEvent: {
      /** @enum {string} */
      type: "order.cancelled";
      /** Format: date-time */
      timestamp: string;
      data: {
        id: string;
        /** @enum {string} */
        status: "pending" | "confirmed" | "shipped" | "cancelled" | "expired";
        total: {
          amount: number;
          currency: string;
        };
        lines: {
          id: string;
          book_id: string;
          isbn: string;
          title: string;
          quantity: number;
          unit_price: {
            amount: number;
            currency: string;
          };
          line_total: {
            amount: number;
            currency: string;
          };
        }[];
        /** Format: date-time */
        created_at: string;
        /** Format: date-time */
        updated_at: string;
        /** Format: date-time */
        confirmed_at: string | null;
        /** Format: date-time */
        shipped_at: string | null;
        /** Format: date-time */
        cancelled_at: string | null;
        /** Format: date-time */
        expires_at: string | null;
        /** Format: date-time */
        expired_at: string | null;
      };
    };
    OrderExpiredEvent: {
      /** @enum {string} */
      type: "order.expired";
      /** Format: date-time */
      timestamp: string;
      data: {
        id: string;
        /** @enum {string} */
        status: "pending" | "confirmed" | "shipped" | "cancelled" | "expired";
        total: {
          amount: number;
          currency: string;
        };
        lines: {
          id: string;
          book_id: string;
          isbn: string;
          title: string;
          quantity: number;
          unit_price: {
            amount: number;
            currency: string;
          };
          line_total: {
            amount: number;
            currency: string;
          };
        }[];
        /** Format: date-time */
        created_at: string;
        /** Format: date-time */
        updated_at: string;
        /** Format: date-time */
        confirmed_at: string | null;
        /** Format: date-time */
        shipped_at: string | null;
        /** Format: date-time */
        cancelled_at: string | null;
        /** Format: date-time */
        expires_at: string | null;
        /** Format: date-time */
        expired_at: string | null;
      };
    };
    FileUploadedEvent: {
      /** @enum {string} */
      type: "file.uploaded";
      /** Format: date-time */
      timestamp: string;
      data: {
        id: string;
        filename: string;
        content_type: string;
        size_bytes: number | null;
        sha256: string | null;
        /** @enum {string} */
        status: "uploading" | "ready";
        /** Format: date-time */
        created_at: string;
        /** Format: date-time */
        updated_at: string;
      };
    };
    TenantExportCompletedEvent: {
      /** @enum {string} */
      type: "tenant.export.completed";
      /** Format: date-time */
      timestamp: string;
      data: {
        export_id: string;
        /** @enum {string} */
        reason: "offboarding" | "requested";
        files: {
          name: string;
          rows: number;
          sha256: string;
        }[];
      };
    };
    WebhookEndpointSuspendedEvent: {
      /** @enum {string} */
      type: "webhook.endpoint.suspended";
      /** Format: date-time */
      timestamp: string;
      data: {
        endpoint_id: string;
        url: string;
        reason: string;
      };
    };
    ApiIndex: {
      /** @example Shelfwise Edge API */
      name: string;
      /**
       * @description The API's version, as in the OpenAPI document's info.version
       * @example 2.0.0
       */
      version: string;
      /** @description Paths on this origin */
      links: {
        /**
         * @description The API reference (HTML)
         * @enum {string}
         */
        docs: "/docs";
        /**
         * @description The OpenAPI 3.1 document (the contract)
         * @enum {string}
         */
        openapi: "/openapi.json";
        /**
         * @description Readiness: whether this deployment can serve requests
         * @enum {string}
         */
        readiness: "/health/ready";
      };
    };
    /** @description RFC 9457 problem document; some codes add members of their own */
    PayloadTooLargeProblem: components["schemas"]["Problem"] &
      ({
        /** @description The limit the body exceeded */
        limit_bytes: number;
        /** @description Bytes of the parts already received (multipart parts) */
        received_bytes?: number;
      } & {
        [key: string]: unknown;
      });
    /** @description RFC 9457 problem document; some codes add members of their own */
    Problem: {
      /** @example https://docs.shelfwise.example/problems/not_found */
      type: string;
      /** @example Not found */
      title: string;
      /** @example 404 */
      status: number;
      /** @example No such book. */
      detail: string;
      /** @enum {string} */
      code:
        | "validation_failed"
        | "invalid_idempotency_key"
        | "query_too_complex"
        | "unauthenticated"
        | "forbidden"
        | "tenant_suspended"
        | "mfa_required"
        | "insufficient_scope"
        | "invalid_signature"
        | "not_found"
        | "method_not_allowed"
        | "conflict"
        | "insufficient_stock"
        | "invalid_state_transition"
        | "idempotency_key_in_use"
        | "tenant_not_empty"
        | "cursor_expired"
        | "precondition_failed"
        | "payload_too_large"
        | "unsupported_media_type"
        | "range_not_satisfiable"
        | "idempotency_key_reused"
        | "export_corrupt"
        | "export_too_large"
        | "rate_limited"
        | "internal"
        | "service_unavailable";
      /** @example req_01jd3xk2v8f4r6t8w0y2a4c6e8 */
      request_id: string;
      /** @description Every failing field (validation_failed) */
      errors?: {
        path: string;
        message: string;
      }[];
    } & {
      [key: string]: unknown;
    };
    Liveness: {
      /** @enum {string} */
      status: "ok";
    };
    Readiness: {
      /** @enum {string} */
      status: "ok";
      checks: {
        postgres: {
          /** @enum {string} */
          status: "ok" | "fail";
          latency_ms: number;
          error?: string;
        };
        r2: {
          /** @enum {string} */
          status: "ok" | "fail";
          latency_ms: number;
          error?: string;
        };
        durable_objects: {
          /** @enum {string} */
          status: "ok" | "fail";
          latency_ms: number;
          error?: string;
        };
      };
      /**
       * Format: date-time
       * @description When the checks ran: results are reused for up to 3 s (failures 1 s)
       */
      checked_at: string;
    };
    /** @description RFC 9457 problem document; some codes add members of their own */
    NotReadyProblem: components["schemas"]["Problem"] &
      ({
        checks: {
          postgres: {
            /** @enum {string} */
            status: "ok" | "fail";
            latency_ms: number;
            error?: string;
          };
          r2: {
            /** @enum {string} */
            status: "ok" | "fail";
            latency_ms: number;
            error?: string;
          };
          durable_objects: {
            /** @enum {string} */
            status: "ok" | "fail";
            latency_ms: number;
            error?: string;
          };
        };
        /** Format: date-time */
        checked_at: string;
      } & {
        [key: string]: unknown;
      });
    OwnTenant: {
      /** @example ten_01jd3xk2v8f4r6t8w0y2a4c6e8 */
      id: string;
      name: string;
      /**
       * @example standard
       * @enum {string}
       */
      plan: "trial" | "standard" | "premium" | "enterprise";
      /** @enum {string} */
      status: "active" | "suspended" | "offboarding" | "deleted";
      limits: {
        requests_per_hour: number;
        requests_per_minute_per_credential: number;
        max_file_bytes: number;
        webhook_rate_per_second: number;
      };
      idp: {
        issuer: string;
        jwks_uri: string;
        audience: string;
        roles_claim: string;
      } | null;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      updated_at: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      suspended_at: string | null;
      delete_after: string | null;
      usage: {
        books: number;
        orders: number;
        files: number;
        active_api_keys: number;
        /** @description The tenant's current rate-limit window (null if unavailable) */
        requests: {
          limit: number;
          window_seconds: number;
          used: number;
          remaining: number;
          reset_seconds: number;
        } | null;
      };
      webhook_backlog: components["schemas"]["WebhookBacklog"];
    };
    WebhookBacklog: {
      /** @description Deliveries not yet delivered */
      pending: number;
      /** @description Held for suspended endpoints */
      held: number;
      /** @description Failed (recover or resend them) */
      failed: number;
    };
    TenantExport: {
      /** @example exp_01jd3xk2v8f4r6t8w0y2a4c6e8 */
      id: string;
      /** @enum {string} */
      status: "pending" | "running" | "completed" | "failed";
      /** @enum {string} */
      reason: "offboarding" | "requested";
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      completed_at: string | null;
      /**
       * @description Why the last attempt failed (also while it is retried): a stable code; details are in the operators' logs
       * @enum {string|null}
       */
      error: "export_failed" | null;
      /** @description A fixed, human-readable explanation of `error` */
      error_message: string | null;
      progress: {
        tables_done: number;
        tables_total: number;
      };
      files: {
        /** @example books.ndjson */
        name: string;
        table: string;
        rows: number;
        bytes: number;
        sha256: string;
        download_url: string | null;
      }[];
      /** @description Signed URL of manifest.json (row counts and SHA-256 per file) */
      manifest_url: string | null;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      links_expire_at: string | null;
    };
    FileList: {
      data: components["schemas"]["File"][];
      has_more: boolean;
      next_cursor: string | null;
    };
    File: {
      /** @example file_01jd3xk2v8f4r6t8w0y2a4c6e8 */
      id: string;
      filename: string;
      /** @example image/png */
      content_type: string;
      size_bytes: number | null;
      /** @description Hex SHA-256 of the content (the ETag) */
      sha256: string | null;
      /** @enum {string} */
      status: "uploading" | "ready";
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      updated_at: string;
    };
    /** @description RFC 9457 problem document; some codes add members of their own */
    UnsupportedFileTypeProblem: components["schemas"]["Problem"] &
      ({
        /** @description The media types a file may have */
        accepted: string[];
      } & {
        [key: string]: unknown;
      });
    MultipartUpload: components["schemas"]["File"] & {
      upload: {
        min_part_bytes: number;
        max_parts: number;
        max_total_bytes: number;
      };
    };
    CreateMultipartUpload: {
      /** @example cover.png */
      filename: string;
      /** @example application/pdf */
      content_type: string;
      /** @description The whole file's size */
      size_bytes: number;
    };
    UploadedPart: {
      part_number: number;
      etag: string;
      size_bytes: number;
    };
    CompleteMultipartUpload: {
      parts: {
        part_number: number;
        etag: string;
      }[];
    };
    DeletedFile: {
      id: string;
      /** @enum {boolean} */
      deleted: true;
    };
    DownloadUrl: {
      url: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      expires_at: string;
    };
    ApiKeyList: {
      data: components["schemas"]["ApiKey"][];
      has_more: boolean;
      next_cursor: string | null;
    };
    ApiKey: {
      /** @example key_01jd3xk2v8f4r6t8w0y2a4c6e8 */
      id: string;
      name: string;
      /** @enum {string} */
      role: "admin" | "editor" | "viewer";
      /** @enum {string} */
      mode: "live" | "test";
      /** @description The first characters of the key, for recognition */
      prefix: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      last_used_at: string | null;
      /** @description The client address of the last use (recorded at most once a minute) */
      last_used_ip: string | null;
      /**
       * Format: date-time
       * @description When the key stops working; null: never
       * @example 2026-11-29T10:15:30.000Z
       */
      expires_at: string | null;
      /**
       * Format: date-time
       * @description After a roll: until when the replaced secret still works (null when it no longer does)
       * @example 2026-11-29T10:15:30.000Z
       */
      previous_key_expires_at: string | null;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      revoked_at: string | null;
    };
    CreatedApiKey: components["schemas"]["ApiKey"] & {
      /** @description The secret key. Shown only in this response. */
      key: string;
    };
    RollApiKey: {
      /**
       * @description Seconds the replaced secret keeps working beside the new one (0: it stops now; at most 2,592,000, 30 days)
       * @example 86400
       */
      expires_in: number;
    };
    AuditList: {
      data: components["schemas"]["AuditEntry"][];
      has_more: boolean;
      next_cursor: string | null;
    };
    AuditEntry: {
      id: string;
      actor: {
        /**
         * @description portal_token: a portal token; its id is the credential that minted it
         * @enum {string}
         */
        type: "api_key" | "jwt" | "portal_token" | "operator" | "system";
        id: string;
      };
      action: string;
      target: {
        type: string;
        id: string;
      };
      request_id: string | null;
      before?: unknown;
      after?: unknown;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      created_at: string;
    };
    BookImport: {
      /** @example imp_01jd3xk2v8f4r6t8w0y2a4c6e8 */
      id: string;
      /**
       * @description `queued` once the file is stored, `running` while batches apply, then `completed` (see counts and the error report) or `failed` (see error)
       * @enum {string}
       */
      status: "uploading" | "queued" | "running" | "completed" | "failed";
      /** @enum {string} */
      format: "ndjson" | "csv";
      size_bytes: number;
      counts: {
        /** @description Books created */
        created: number;
        /** @description Books updated (matched by ISBN) */
        updated: number;
        /** @description Lines rejected (see the error report) */
        failed: number;
      };
      progress: {
        /** @description Lines of the file applied so far */
        lines_done: number;
      };
      /** @description Why a failed import stopped */
      error: string | null;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      updated_at: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      completed_at: string | null;
    };
    BookList: {
      data: components["schemas"]["Book"][];
      has_more: boolean;
      next_cursor: string | null;
    };
    Book: {
      /** @example book_01jd3xk2v8f4r6t8w0y2a4c6e8 */
      id: string;
      /** @example 9780306406157 */
      isbn: string;
      title: string;
      authors: string[];
      price: components["schemas"]["Money"];
      stock: number;
      /** @enum {string} */
      status: "active" | "archived";
      /** @description Incremented on every change (the ETag) */
      version: number;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      updated_at: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      deleted_at: string | null;
    };
    Money: {
      /** @example 1250 */
      amount: number;
      /** @example EUR */
      currency: string;
    };
    UpdateBook: {
      /**
       * @description ISBN-13; hyphens and spaces are accepted and removed
       * @example 978-0-306-40615-7
       */
      isbn?: string;
      /** @example The Pragmatic Programmer */
      title?: string;
      /**
       * @example [
       *       "David Thomas"
       *     ]
       */
      authors?: string[];
      price?: components["schemas"]["Money"];
      /** @example 12 */
      stock?: number;
      /** @enum {string} */
      status?: "active" | "archived";
    };
    OrderList: {
      data: components["schemas"]["Order"][];
      has_more: boolean;
      next_cursor: string | null;
    };
    Order: {
      /** @example ord_01jd3xk2v8f4r6t8w0y2a4c6e8 */
      id: string;
      /** @enum {string} */
      status: "pending" | "confirmed" | "shipped" | "cancelled" | "expired";
      total: components["schemas"]["Money"];
      lines: components["schemas"]["OrderLine"][];
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      updated_at: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      confirmed_at: string | null;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      shipped_at: string | null;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      cancelled_at: string | null;
      /**
       * Format: date-time
       * @description While the order is pending: when it stops holding its stock and becomes expired (the tenant's reservation hold after creation)
       * @example 2026-11-29T10:15:30.000Z
       */
      expires_at: string | null;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      expired_at: string | null;
    };
    OrderLine: {
      id: string;
      book_id: string;
      /** @description Snapshot at order time */
      isbn: string;
      /** @description Snapshot at order time */
      title: string;
      quantity: number;
      unit_price: components["schemas"]["Money"];
      line_total: components["schemas"]["Money"];
    };
    CreatedOrder: components["schemas"]["Order"] & {
      /** @enum {string} */
      status?: "pending";
    };
    /** @description RFC 9457 problem document; some codes add members of their own */
    InsufficientStockProblem: components["schemas"]["Problem"] &
      ({
        /** @description With insufficient_stock: every line that cannot be served */
        lines?: {
          /** @example book_01jd3xk2v8f4r6t8w0y2a4c6e8 */
          book_id: string;
          requested: number;
          available: number;
        }[];
      } & {
        [key: string]: unknown;
      });
    CreateOrder: {
      lines: {
        /** @example book_01jd3xk2v8f4r6t8w0y2a4c6e8 */
        book_id: string;
        /** @example 2 */
        quantity: number;
      }[];
    };
    GraphQLResponse: {
      data?: {
        [key: string]: unknown;
      } | null;
      errors?: components["schemas"]["GraphQLError"][];
      extensions?: {
        cost: components["schemas"]["GraphQLCost"];
      };
    };
    GraphQLError: {
      message: string;
      locations?: {
        line: number;
        column: number;
      }[];
      path?: (string | number)[];
      extensions: {
        /** @description The problem+json code of the same failure in REST (not_found, forbidden, validation_failed, insufficient_stock, query_too_complex, …) */
        code: string;
      } & {
        [key: string]: unknown;
      };
    };
    GraphQLCost: {
      /** @description What the document cost */
      requested: number;
      /** @description Requests the rate limiter counted it as: max(1, ceil(cost / 100)); 1 when refused before running */
      charged: number;
      /** @description What the policy closest to its limit has left (RateLimit's r) */
      remaining: number | null;
    };
    GraphQLRequest: {
      /**
       * @description The document; optional when extensions.persistedQuery names one registered before
       * @example { orders(first: 10) { edges { node { id status } } } }
       */
      query?: string;
      variables?: {
        [key: string]: unknown;
      } | null;
      operationName?: string | null;
      /** @description Automatic persisted queries: {"persistedQuery": {"version": 1, "sha256Hash": "<hex SHA-256 of query>"}} */
      extensions?: {
        [key: string]: unknown;
      } | null;
    };
    FeedPage: {
      data: components["schemas"]["FeedEvent"][];
      /**
       * @description Where the next read starts (after the last item, or after every event committed when this page was read)
       * @example djEuNDI
       */
      next_cursor: string;
      has_more: boolean;
    };
    FeedEvent: {
      /**
       * @description Opaque and stable: resume after this event with `after=<cursor>`
       * @example djEuNDI
       */
      cursor: string;
      event: {
        /** @example evt_01jd3xk2v8f4r6t8w0y2a4c6e8 */
        id: string;
        /** @enum {string} */
        type:
          | "book.created"
          | "book.updated"
          | "book.deleted"
          | "book.import.batch"
          | "book.import.completed"
          | "order.created"
          | "order.confirmed"
          | "order.shipped"
          | "order.cancelled"
          | "order.expired"
          | "file.uploaded"
          | "tenant.export.completed"
          | "webhook.endpoint.suspended";
        /**
         * Format: date-time
         * @example 2026-11-29T10:15:30.000Z
         */
        timestamp: string;
        /** @description The resource as it was after the change */
        data?: unknown;
      };
    };
    EventList: {
      data: components["schemas"]["Event"][];
      has_more: boolean;
      next_cursor: string | null;
    };
    Event: {
      /** @example evt_01jd3xk2v8f4r6t8w0y2a4c6e8 */
      id: string;
      /** @enum {string} */
      type:
        | "book.created"
        | "book.updated"
        | "book.deleted"
        | "book.import.batch"
        | "book.import.completed"
        | "order.created"
        | "order.confirmed"
        | "order.shipped"
        | "order.cancelled"
        | "order.expired"
        | "file.uploaded"
        | "tenant.export.completed"
        | "webhook.endpoint.suspended";
      /**
       * Format: date-time
       * @description As in the webhook body
       * @example 2026-11-29T10:15:30.000Z
       */
      timestamp: string;
      /** @description The resource as it was after the change */
      data?: unknown;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @description When the event was handed to webhook delivery
       * @example 2026-11-29T10:15:30.000Z
       */
      dispatched_at: string | null;
    };
    Redelivery: {
      /** @description Deliveries queued again */
      redelivered: number;
      /** @description More remain: call again (at most 1,000 per call) */
      has_more: boolean;
    };
    EventTypeList: {
      data: components["schemas"]["EventType"][];
    };
    EventType: {
      /** @enum {string} */
      type:
        | "book.created"
        | "book.updated"
        | "book.deleted"
        | "book.import.batch"
        | "book.import.completed"
        | "order.created"
        | "order.confirmed"
        | "order.shipped"
        | "order.cancelled"
        | "order.expired"
        | "file.uploaded"
        | "tenant.export.completed"
        | "webhook.endpoint.suspended";
      description: string;
      /** @description JSON Schema (2020-12) of the webhook body `{type, timestamp, data}` of this type */
      schema: {
        [key: string]: unknown;
      };
      /** @description An example webhook body of this type */
      example: {
        /** @enum {string} */
        type:
          | "book.created"
          | "book.updated"
          | "book.deleted"
          | "book.import.batch"
          | "book.import.completed"
          | "order.created"
          | "order.confirmed"
          | "order.shipped"
          | "order.cancelled"
          | "order.expired"
          | "file.uploaded"
          | "tenant.export.completed"
          | "webhook.endpoint.suspended";
        /**
         * Format: date-time
         * @example 2026-11-29T10:15:30.000Z
         */
        timestamp: string;
        data?: unknown;
      };
    };
    WebhookEndpointList: {
      data: components["schemas"]["WebhookEndpoint"][];
      has_more: boolean;
      next_cursor: string | null;
    };
    WebhookEndpoint: {
      /** @example whep_01jd3xk2v8f4r6t8w0y2a4c6e8 */
      id: string;
      url: string;
      description: string | null;
      event_types: string[];
      enabled: boolean;
      /**
       * @description disabled: by the tenant or a 410; suspended: by the circuit breaker
       * @enum {string}
       */
      status: "active" | "disabled" | "suspended";
      status_reason: string | null;
      consecutive_failures: number;
      /**
       * @description unordered (default): fastest; per_resource: one resource's events are delivered in commit order
       * @enum {string}
       */
      ordering: "unordered" | "per_resource";
      /**
       * @description The receiver headers' names with masked values; never a value
       * @example {
       *       "Authorization": "Bear…(redacted, 43 chars)"
       *     }
       */
      headers: {
        [key: string]: string;
      };
      /**
       * Format: date-time
       * @description Until then, deliveries are also signed with the previous secret
       * @example 2026-11-29T10:15:30.000Z
       */
      previous_secret_expires_at: string | null;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      updated_at: string;
    };
    WebhookEndpointWithSecret: components["schemas"]["WebhookEndpoint"] & {
      /**
       * @description The signing secret (whsec_…). Shown only in this response.
       * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
       */
      secret: string;
    };
    UpdateWebhookEndpoint: {
      /** @example https://hooks.example.com/shelfwise */
      url?: string;
      description?: string | null;
      /** @description Subscribed event types; an empty list means every type. */
      event_types?: (
        | "book.created"
        | "book.updated"
        | "book.deleted"
        | "book.import.batch"
        | "book.import.completed"
        | "order.created"
        | "order.confirmed"
        | "order.shipped"
        | "order.cancelled"
        | "order.expired"
        | "file.uploaded"
        | "tenant.export.completed"
        | "webhook.endpoint.suspended"
      )[];
      /** @description true re-activates a disabled or suspended endpoint */
      enabled?: boolean;
      /**
       * @description Replaces every receiver header; null removes them all
       * @example {
       *       "Authorization": "Bearer 3q2+7w=="
       *     }
       */
      headers?: {
        [key: string]: string;
      } | null;
      /**
       * @description unordered (default): fastest; per_resource: one resource's events are delivered in commit order
       * @enum {string}
       */
      ordering?: "unordered" | "per_resource";
    };
    DeletedWebhookEndpoint: {
      id: string;
      /** @enum {boolean} */
      deleted: true;
    };
    RecoverWebhookEndpoint: {
      /**
       * Format: date-time
       * @description RFC 3339
       * @example 2026-11-21T00:00:00Z
       */
      since: string;
    };
    WebhookAttemptList: {
      data: components["schemas"]["WebhookAttempt"][];
      has_more: boolean;
      next_cursor: string | null;
    };
    WebhookAttempt: {
      id: string;
      delivery_id: string;
      event_id: string;
      attempt_number: number;
      status_code: number | null;
      latency_ms: number;
      /** @description http_error, redirect, timeout, connection_error, blocked_destination */
      error_class: string | null;
      /** @description The first 1 KB of the endpoint's response */
      response_snippet: string | null;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      created_at: string;
    };
    WebhookDeliveryList: {
      data: components["schemas"]["WebhookDelivery"][];
      has_more: boolean;
      next_cursor: string | null;
    };
    WebhookDelivery: {
      /** @example dlv_01jd3xk2v8f4r6t8w0y2a4c6e8 */
      id: string;
      event_id: string;
      /** @example order.confirmed */
      event_type: string;
      /**
       * @description pending (queued or retrying), waiting (ordered endpoint: an earlier delivery of the same resource is open), held (tenant or endpoint paused), delivered, failed
       * @enum {string}
       */
      status: "pending" | "waiting" | "held" | "delivered" | "failed";
      /** @description Attempts spent so far */
      attempts: number;
      last_error: string | null;
      /** @description The resource key, e.g. order:ord_…; null when none */
      resource: string | null;
      /** @description The delivery this one waits for (ordered endpoints) */
      waiting_for: string | null;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      delivered_at: string | null;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      failed_at: string | null;
    };
    PortalToken: {
      /**
       * @description The token's id (its jti): the audit log's target of portal_token.created
       * @example ptok_01jd3xk2v8f4r6t8w0y2a4c6e8
       */
      id: string;
      /** @enum {string} */
      scope: "portal";
      /**
       * @description The credential that minted it (api_key:<key id> or jwt:<subject>); the audit log's actor id of what the token does
       * @example api_key:key_01jd3xk2v8f4r6t8w0y2a4c6e8
       */
      minted_by: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      expires_at: string;
      /** @description The bearer token. Shown only in this response; it cannot be revoked, only expire. */
      token: string;
      /**
       * @description The portal page with the token in the URL fragment (#token=…), which browsers never send to a server
       * @example https://api.shelfwise.example/portal#token=eyJ…
       */
      portal_url: string;
    };
    StreamTicket: {
      /** @description Use once, as `?ticket=` on GET /v2/events/stream */
      ticket: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      expires_at: string;
    };
    V1BookList: {
      data: components["schemas"]["V1Book"][];
      page: number;
      per_page: number;
      total: number;
    };
    V1Book: {
      id: string;
      isbn: string;
      title: string;
      authors: string[];
      /** @example 12.50 */
      price: string;
      /** @example EUR */
      currency: string;
      stock: number;
      /** @enum {string} */
      status: "active" | "archived";
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      updated_at: string;
    };
    V1UpdateBook: {
      /**
       * @description ISBN-13; hyphens and spaces are accepted and removed
       * @example 978-0-306-40615-7
       */
      isbn?: string;
      title?: string;
      authors?: string[];
      /** @example 12.50 */
      price?: string;
      /** @example EUR */
      currency?: string;
      stock?: number;
      /** @enum {string} */
      status?: "active" | "archived";
    };
    V1OrderList: {
      data: components["schemas"]["V1Order"][];
      page: number;
      per_page: number;
      total: number;
    };
    V1Order: {
      id: string;
      /** @enum {string} */
      status: "pending" | "confirmed" | "shipped" | "cancelled";
      /** @example 37.50 */
      total: string;
      /** @example EUR */
      currency: string;
      lines: {
        id: string;
        book_id: string;
        isbn: string;
        title: string;
        quantity: number;
        unit_price: string;
        line_total: string;
      }[];
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      updated_at: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      confirmed_at: string | null;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      shipped_at: string | null;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      cancelled_at: string | null;
    };
    ProvisionedTenant: {
      tenant: components["schemas"]["Tenant"];
      api_key: components["schemas"]["CreatedApiKey"];
    };
    Tenant: {
      /** @example ten_01jd3xk2v8f4r6t8w0y2a4c6e8 */
      id: string;
      name: string;
      /**
       * @example standard
       * @enum {string}
       */
      plan: "trial" | "standard" | "premium" | "enterprise";
      /** @enum {string} */
      status: "active" | "suspended" | "offboarding" | "deleted";
      limits: {
        requests_per_hour: number;
        requests_per_minute_per_credential: number;
        max_file_bytes: number;
        webhook_rate_per_second: number;
      };
      overrides: {
        requests_per_hour: number | null;
        max_file_bytes: number | null;
        webhook_rate_per_second: number | null;
        /** @description Minutes a pending order holds its stock; null: 30 */
        reservation_hold_minutes: number | null;
      };
      idp: {
        issuer: string;
        jwks_uri: string;
        audience: string;
        roles_claim: string;
      } | null;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      updated_at: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      suspended_at: string | null;
      delete_after: string | null;
      /**
       * @description The operator's reason for the current suspension or offboarding (null while active); `(no reason given)` when none was sent
       * @example Unpaid invoice INV-2026-0113
       */
      status_reason: string | null;
      webhooks_paused: components["schemas"]["TenantWebhooksPaused"];
    };
    /** @description Set while an operator has paused the tenant's webhook deliveries (they are held, not lost) */
    TenantWebhooksPaused: {
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      since: string;
      reason: string;
    } | null;
    TenantList: {
      data: components["schemas"]["Tenant"][];
      has_more: boolean;
      next_cursor: string | null;
    };
    UpdateTenant: {
      name?: string;
      /**
       * @example standard
       * @enum {string}
       */
      plan?: "trial" | "standard" | "premium" | "enterprise";
      limits?: {
        requests_per_hour?: number | null;
        max_file_bytes?: number | null;
        webhook_rate_per_second?: number | null;
      };
      /** IdpSettings */
      idp?: {
        issuer: string;
        /** Format: uri */
        jwks_uri: string;
        audience: string;
        /** @default roles */
        roles_claim: string;
      } | null;
      /**
       * @description How long a pending order holds its stock before it expires, in minutes (1 to 10080, a week); null restores the default of 30. Applies to orders created afterwards.
       * @example 45
       */
      reservation_hold_minutes?: number | null;
    };
    OperatorActionReason: {
      /**
       * @description Why (1 to 500 characters, trimmed); recorded in the audit log
       * @example Unpaid invoice INV-2026-0113
       */
      reason?: string;
    };
    PauseTenantWebhooks: {
      /**
       * @description Why (1 to 500 characters, trimmed); recorded in the audit log
       * @example Unpaid invoice INV-2026-0113
       */
      reason: string;
    };
    Offboarding: {
      tenant: components["schemas"]["Tenant"];
      export: components["schemas"]["TenantExport"];
    };
    TenantRestore: {
      tenant_id: string;
      source_tenant_id: string;
      export_id: string;
      /** Format: date-time */
      restored_at: string;
      tables: {
        books: {
          /** @description Rows inserted into the tenant */
          restored: number;
          /** @description Rows the tenant already held under the same id (kept as they were) */
          skipped: number;
        };
        orders: {
          /** @description Rows inserted into the tenant */
          restored: number;
          /** @description Rows the tenant already held under the same id (kept as they were) */
          skipped: number;
        };
        order_lines: {
          /** @description Rows inserted into the tenant */
          restored: number;
          /** @description Rows the tenant already held under the same id (kept as they were) */
          skipped: number;
        };
        events: {
          /** @description Rows inserted into the tenant */
          restored: number;
          /** @description Rows the tenant already held under the same id (kept as they were) */
          skipped: number;
        };
        webhook_endpoints: {
          /** @description Rows inserted into the tenant */
          restored: number;
          /** @description Rows the tenant already held under the same id (kept as they were) */
          skipped: number;
        };
        webhook_deliveries: {
          /** @description Rows inserted into the tenant */
          restored: number;
          /** @description Rows the tenant already held under the same id (kept as they were) */
          skipped: number;
        };
        files: {
          /** @description Rows inserted into the tenant */
          restored: number;
          /** @description Rows the tenant already held under the same id (kept as they were) */
          skipped: number;
        };
        api_keys: {
          /** @description Rows inserted into the tenant */
          restored: number;
          /** @description Rows the tenant already held under the same id (kept as they were) */
          skipped: number;
        };
        audit_log: {
          /** @description Rows inserted into the tenant */
          restored: number;
          /** @description Rows the tenant already held under the same id (kept as they were) */
          skipped: number;
        };
      };
      /** @description File contents copied in R2 from the source tenant's prefix; `missing`: no object to copy (the file row is restored all the same) */
      objects: {
        copied: number;
        missing: number;
      };
    };
    RestoreTenant: {
      /**
       * @description The tenant the export was taken from (the same as the target when a tenant's own data is restored)
       * @example ten_01jd3xk2v8f4r6t8w0y2a4c6e8
       */
      source_tenant_id: string;
      /**
       * @description The export to load: its files are read from `exports/{source_tenant_id}/{export_id}/` in R2
       * @example exp_01jd3xk2v8f4r6t8w0y2a4c6e8
       */
      export_id: string;
    };
    LiveFigures: {
      tenant_id: string;
      /** @description Sockets open on the hub now */
      open_connections: number;
      /** @description Sockets accepted since the hub began */
      connections: number;
      /** @description Events sent to sockets */
      messages_pushed: number;
      /** @description Sockets closed 4008 for being a page behind */
      slow_consumer_closes: number;
      /** @description Times the hub was constructed (after hibernation or eviction) */
      wake_ups: number;
      /** @description The tenant's newest event position */
      log_position: number;
      /** @description Events between the log's head and the furthest-behind live socket (0 without sockets): a hub that stays behind its log is what to alert on */
      lag_events: number;
    };
    OperatorStreamTicket: {
      /** @description Use once, as `?ticket=` on GET /ops/stream */
      ticket: string;
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      expires_at: string;
    };
    TenantOpsList: {
      window: string;
      /** @enum {string} */
      source: "durable_object" | "analytics_engine";
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      generated_at: string;
      data: components["schemas"]["TenantOpsFigures"][];
      truncated: boolean;
    };
    TenantOpsFigures: {
      tenant: {
        id: string;
        name: string;
        status: string;
        /**
         * @example standard
         * @enum {string}
         */
        plan: "trial" | "standard" | "premium" | "enterprise";
        /**
         * @description The operator's reason for the current suspension or offboarding (null while active); `(no reason given)` when none was sent
         * @example Unpaid invoice INV-2026-0113
         */
        status_reason: string | null;
        webhooks_paused: components["schemas"]["TenantWebhooksPaused"];
      };
      window: string;
      /** @enum {string} */
      source: "durable_object" | "analytics_engine" | "unavailable";
      requests: number;
      requests_per_minute: number;
      server_errors: number;
      client_errors: number;
      /** @description 5xx / requests (0..1) */
      error_rate: number;
      /** @description 429 rate_limited responses */
      rate_limited: number;
      webhooks: {
        pending: number;
        held: number;
        failed: number;
        /** @description pending + held */
        backlog: number;
      };
    };
    TenantOpsDetail: components["schemas"]["TenantOpsFigures"] & {
      rate_limit: {
        limit: number;
        used: number;
        reset_seconds: number;
      } | null;
      endpoints: {
        id: string;
        url: string;
        status: string;
        status_reason: string | null;
        consecutive_failures: number;
        pending: number;
        held: number;
        failed: number;
      }[];
    };
    OpsHealth: {
      /**
       * Format: date-time
       * @example 2026-11-29T10:15:30.000Z
       */
      generated_at: string;
      window: string;
      /** @description The tenant the relay and job figures cover; null for every tenant */
      tenant_id: string | null;
      relay: {
        /** @description Outbox events not yet dispatched */
        undispatched: number;
        /** @description Age of the oldest undispatched event in seconds; null when none is waiting */
        oldest_undispatched_seconds: number | null;
        /** @description Events dispatched in the window (the lag figures' sample) */
        dispatched: number;
        /** @description Median of dispatched_at - created_at over events dispatched in the window; null without any */
        lag_p50_seconds: number | null;
        /** @description 99th percentile of the same; null without any */
        lag_p99_seconds: number | null;
      };
      jobs: {
        /** @description Exports pending or running */
        exports_in_progress: number;
        /** @description Book imports queued or running */
        imports_in_progress: number;
        /** @description exports_in_progress + imports_in_progress */
        backlog: number;
        /** @description Jobs dead-lettered into job_failures within the window */
        failures: number;
        /** @description The 10 most recent */
        recent_failures: {
          id: string;
          tenant_id: string;
          queue: string;
          /** @description The job message's kind (tenant-export, book-import, …) */
          kind: string;
          /** @description What is known of the failure */
          error: string | null;
          attempts: number;
          /**
           * Format: date-time
           * @example 2026-11-29T10:15:30.000Z
           */
          created_at: string;
        }[];
      };
      /** @description Every cron job that has run at least once (platform-wide) */
      crons: {
        job: string;
        cron: string;
        /** @description Seconds between two runs of its cron expression */
        expected_interval_seconds: number | null;
        /**
         * Format: date-time
         * @example 2026-11-29T10:15:30.000Z
         */
        last_started_at: string | null;
        /**
         * Format: date-time
         * @example 2026-11-29T10:15:30.000Z
         */
        last_succeeded_at: string | null;
        /**
         * Format: date-time
         * @example 2026-11-29T10:15:30.000Z
         */
        last_failed_at: string | null;
        /** @description Short error text of the last failure */
        last_error: string | null;
        last_duration_ms: number | null;
        consecutive_failures: number;
        /** @description No success for more than twice its interval (plus a minute of slack) */
        overdue: boolean;
      }[];
      /** @description Rules firing now; empty when healthy */
      alerts: {
        /** @enum {string} */
        rule:
          | "outbox_sweep_stale"
          | "relay_lag_high"
          | "job_dead_letters"
          | "cron_job_failing"
          | "event_hub_behind";
        /** @enum {string} */
        severity: "page" | "ticket";
        summary: string;
        /** @description The cron job, for cron_job_failing */
        job?: string;
        /** @description The tenant, for event_hub_behind (its hub's lag is the value) */
        tenant_id?: string;
        /** @description The figure that fired the rule */
        value: number | null;
        threshold: number;
      }[];
    };
    TenantOpsSeries: {
      tenant_id: string;
      minutes: number;
      /** @enum {number} */
      step_seconds: 60;
      /**
       * Format: date-time
       * @description Start of the first minute (oldest point first)
       * @example 2026-11-29T10:15:30.000Z
       */
      start: string;
      /**
       * @description Where the traffic series come from; unavailable: zeros
       * @enum {string}
       */
      source: "durable_object" | "unavailable";
      series: {
        /** @description Requests per minute */
        requests: (number | null)[];
        /** @description 5xx responses per minute */
        server_errors: (number | null)[];
        /** @description 5xx / requests per minute (0..1; 0 without requests) */
        error_rate: (number | null)[];
        /** @description 429 rate_limited responses per minute */
        rate_limited: (number | null)[];
        /** @description Deliveries created but neither delivered nor failed at the end of each minute */
        webhook_backlog: (number | null)[];
        /** @description Median dispatched_at - created_at of the events dispatched in each minute; null without any */
        relay_lag_seconds: (number | null)[];
      };
    };
    OperatorRecoverResult: {
      redelivered: number;
      has_more: boolean;
    };
    OperatorRecover: {
      /**
       * Format: date-time
       * @description Re-deliver what failed since then (default: everything failed)
       */
      since?: string;
    };
  };
  responses: never;
  parameters: {
    /**
     * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
     * @example order-2026-11-29-0001
     */
    IdempotencyKey: string;
  };
  requestBodies: never;
  headers: {
    /** @description The request's id (a well-formed inbound one is kept); also in problem documents */
    "X-Request-Id": string;
    /** @description The policy closest to its limit: name, remaining requests and seconds to reset (IETF draft RateLimit header fields) */
    RateLimit: string;
    /** @description The limits that apply to this credential and tenant */
    "RateLimit-Policy": string;
    /** @description Seconds to wait before retrying */
    "Retry-After": number;
    /** @description Present (`true`) when this is the stored response of an earlier request */
    "Idempotent-Replayed": "true";
    /** @description When this API version was deprecated (RFC 9745, `@` Unix seconds) */
    Deprecation: string;
    /** @description When this API version stops answering (RFC 8594, an HTTP-date) */
    Sunset: string;
    /** @description The migration guide (`rel="deprecation"`) */
    Link: string;
    /** @description The representation's version (strong) */
    ETag: string;
    /** @description The range sent (206), or the full size (416: `bytes *\/size`) */
    "Content-Range": string;
    /** @description The file's name, as an attachment */
    "Content-Disposition": string;
    /** @description Byte ranges are supported */
    "Accept-Ranges": "bytes";
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getApiIndex: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The index */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          /** @description `public, max-age=300`: the index changes only with a deploy */
          "Cache-Control": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ApiIndex"];
        };
      };
      /** @description A request body over 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  checkLiveness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Alive */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Liveness"];
        };
      };
      /** @description A request body over 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  checkReadiness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every dependency answered */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Readiness"];
        };
      };
      /** @description A request body over 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A dependency failed (service_unavailable); `checks` names it */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["NotReadyProblem"];
        };
      };
    };
  };
  streamEvents: {
    parameters: {
      query?: {
        /** @description A cursor from this feed (an item's `cursor` or `next_cursor`), or `latest` to start after the newest event. Without it the feed starts at the oldest retained event. */
        after?: string;
        /** @description Comma-separated event types; `order.*` matches every type under `order.`. Only the types the credential's role may see are returned. */
        types?: string;
        /** @description A ticket from POST /v2/stream-tickets (browsers' WebSockets) */
        ticket?: string;
      };
      header?: {
        /** @description SSE resume: the last cursor received (as `after`) */
        "last-event-id"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Switched to a WebSocket carrying `{cursor, event}` messages */
      101: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The SSE stream */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "text/event-stream": string;
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The cursor is older than retention (cursor_expired): `oldest_cursor` is where reading can resume */
      410: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getOwnTenant: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The tenant */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OwnTenant"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  requestTenantExport: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queued (or the export already running) */
      202: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TenantExport"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A request with this Idempotency-Key is in progress (idempotency_key_in_use): retry after Retry-After */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getTenantExport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The export */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TenantExport"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such export in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listFiles: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Return items after this id (the previous page's next_cursor) */
        starting_after?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of files */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["FileList"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  uploadFile: {
    parameters: {
      query: {
        filename: string;
      };
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    /** @description The raw bytes. Content-Type is the file's media type (one of the accepted types), Content-Length is required. */
    requestBody: {
      content: {
        "image/png": string;
        "image/jpeg": string;
        "image/gif": string;
        "image/webp": string;
        "image/avif": string;
        "application/pdf": string;
        "text/csv": string;
        "text/plain": string;
        "application/json": unknown;
        "application/epub+zip": string;
        "application/zip": string;
      };
    };
    responses: {
      /** @description Stored */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["File"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The upload expired before it completed (conflict), or a request with this Idempotency-Key is in progress (idempotency_key_in_use) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Larger than the tenant's file limit (payload_too_large, with limit_bytes) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description Media type not accepted (unsupported_media_type, with accepted) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["UnsupportedFileTypeProblem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createMultipartUpload: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateMultipartUpload"];
      };
    };
    responses: {
      /** @description Upload started; send parts to /v2/files/{id}/parts/{n} */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["MultipartUpload"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A request with this Idempotency-Key is in progress (idempotency_key_in_use): retry after Retry-After */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Larger than the tenant's multipart limit, or a body over 1 MiB (payload_too_large, with limit_bytes) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description content_type is not an accepted file type (unsupported_media_type, with accepted), or the body is not application/json */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["UnsupportedFileTypeProblem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  uploadFilePart: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        n: number;
      };
      cookie?: never;
    };
    /** @description The part's raw bytes; Content-Length is required */
    requestBody: {
      content: {
        "application/octet-stream": string;
      };
    };
    responses: {
      /** @description Part stored; keep its etag for completion */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["UploadedPart"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such file in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No multipart upload in progress for this file (conflict) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Larger than the file's declared size (with received_bytes) (payload_too_large, with limit_bytes) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  completeMultipartUpload: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CompleteMultipartUpload"];
      };
    };
    responses: {
      /** @description Assembled and ready */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["File"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such file in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No multipart upload in progress for this file (conflict), or a request with this Idempotency-Key is in progress (idempotency_key_in_use) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Larger than the tenant's multipart limit, or a body over 1 MiB (payload_too_large, with limit_bytes) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  abortMultipartUpload: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Aborted */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeletedFile"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such file in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No multipart upload in progress for this file (conflict), or a request with this Idempotency-Key is in progress (idempotency_key_in_use) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getFile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["File"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such file in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deleteFile: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeletedFile"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such file in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A request with this Idempotency-Key is in progress (idempotency_key_in_use): retry after Retry-After */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  downloadFile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The content */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          ETag: components["headers"]["ETag"];
          "Content-Disposition": components["headers"]["Content-Disposition"];
          "Accept-Ranges": components["headers"]["Accept-Ranges"];
          [name: string]: unknown;
        };
        content: {
          "image/png": string;
          "image/jpeg": string;
          "image/gif": string;
          "image/webp": string;
          "image/avif": string;
          "application/pdf": string;
          "text/csv": string;
          "text/plain": string;
          "application/json": string;
          "application/epub+zip": string;
          "application/zip": string;
        };
      };
      /** @description The requested range */
      206: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          ETag: components["headers"]["ETag"];
          "Content-Disposition": components["headers"]["Content-Disposition"];
          "Accept-Ranges": components["headers"]["Accept-Ranges"];
          "Content-Range": components["headers"]["Content-Range"];
          [name: string]: unknown;
        };
        content: {
          "image/png": string;
          "image/jpeg": string;
          "image/gif": string;
          "image/webp": string;
          "image/avif": string;
          "application/pdf": string;
          "text/csv": string;
          "text/plain": string;
          "application/json": string;
          "application/epub+zip": string;
          "application/zip": string;
        };
      };
      /** @description Not modified (If-None-Match matched) */
      304: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          ETag: components["headers"]["ETag"];
          "Content-Disposition": components["headers"]["Content-Disposition"];
          "Accept-Ranges": components["headers"]["Accept-Ranges"];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such file in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Range not satisfiable (range_not_satisfiable) */
      416: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Content-Range": components["headers"]["Content-Range"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createFileDownloadUrl: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": {
          /**
           * @description Seconds the URL stays valid (60 to 604800; default 900)
           * @default 900
           */
          expires_in?: number;
        };
      };
    };
    responses: {
      /** @description The URL */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DownloadUrl"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such file in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A request with this Idempotency-Key is in progress (idempotency_key_in_use): retry after Retry-After */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listApiKeys: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Return items after this id (the previous page's next_cursor) */
        starting_after?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of keys */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ApiKeyList"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createApiKey: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @example Warehouse sync */
          name: string;
          /** @enum {string} */
          role: "admin" | "editor" | "viewer";
          /**
           * @default live
           * @enum {string}
           */
          mode?: "live" | "test";
          /**
           * Format: date-time
           * @description RFC 3339; after this instant the key is refused (401). In the future, at most 5 years ahead. Absent: the key does not expire.
           * @example 2027-06-30T00:00:00Z
           */
          expires_at?: string;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CreatedApiKey"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A request with this Idempotency-Key is in progress (idempotency_key_in_use): retry after Retry-After */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  revokeApiKey: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ApiKey"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such key in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The last active admin key cannot be revoked (conflict), or a request with this Idempotency-Key is in progress (idempotency_key_in_use) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  rollApiKey: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["RollApiKey"];
      };
    };
    responses: {
      /** @description Rolled: the new secret is in `key` */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CreatedApiKey"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such active key in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A request with this Idempotency-Key is in progress (idempotency_key_in_use): retry after Retry-After */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listAuditLog: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Return items after this id (the previous page's next_cursor) */
        starting_after?: string;
        action?: string;
        target_type?: string;
        target_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of audit entries */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AuditList"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createBookImport: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    /** @description The import file; Content-Length is required */
    requestBody: {
      content: {
        "application/x-ndjson": string;
        "text/csv": string;
      };
    };
    responses: {
      /** @description Stored and queued; poll GET /v2/books/imports/{id} */
      202: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BookImport"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Another import of this tenant is not finished (conflict), or a request with this Idempotency-Key is in progress (idempotency_key_in_use) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Larger than the tenant's import limit (payload_too_large, with limit_bytes) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description Neither application/x-ndjson nor text/csv (unsupported_media_type, with accepted) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["UnsupportedFileTypeProblem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getBookImport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The import */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BookImport"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such import in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getBookImportErrors: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The error report (empty when every line was applied) */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/x-ndjson": string;
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such import in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The import has not completed (conflict) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listBooks: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Return items after this id (the previous page's next_cursor) */
        starting_after?: string;
        /** @description Case-insensitive match on title, authors or ISBN */
        q?: string;
        status?: "active" | "archived";
      };
      header?: {
        /**
         * @description ETags from earlier responses (or `*`): when one still matches, the answer is 304 with no body
         * @example "book_01jd3xk2v8f4r6t8w0y2a4c6e8.v3"
         */
        "If-None-Match"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of books */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          /** @description The page's version (weak): a hash over its items' ids and versions and its cursor */
          ETag?: string;
          /** @description Always `private, no-cache`: never stored by shared caches, revalidated every time */
          "Cache-Control"?: "private, no-cache";
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BookList"];
        };
      };
      /** @description Not modified: If-None-Match matched the current ETag; no body */
      304: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          /** @description The page's version (weak): a hash over its items' ids and versions and its cursor */
          ETag?: string;
          /** @description Always `private, no-cache`: never stored by shared caches, revalidated every time */
          "Cache-Control"?: "private, no-cache";
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createBook: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /**
           * @description ISBN-13; hyphens and spaces are accepted and removed
           * @example 978-0-306-40615-7
           */
          isbn: string;
          /** @example The Pragmatic Programmer */
          title: string;
          /**
           * @example [
           *       "David Thomas"
           *     ]
           */
          authors: string[];
          price: components["schemas"]["Money"];
          /**
           * @default 0
           * @example 12
           */
          stock?: number;
          /**
           * @default active
           * @enum {string}
           */
          status?: "active" | "archived";
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          ETag: components["headers"]["ETag"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Book"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Another book of this tenant has the ISBN (conflict), or a request with this Idempotency-Key is in progress (idempotency_key_in_use) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getBook: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description ETags from earlier responses (or `*`): when one still matches, the answer is 304 with no body
         * @example "book_01jd3xk2v8f4r6t8w0y2a4c6e8.v3"
         */
        "If-None-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The book */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          ETag: components["headers"]["ETag"];
          /** @description Always `private, no-cache`: never stored by shared caches, revalidated every time */
          "Cache-Control"?: "private, no-cache";
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Book"];
        };
      };
      /** @description Not modified: If-None-Match matched the current ETag; no body */
      304: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          ETag: components["headers"]["ETag"];
          /** @description Always `private, no-cache`: never stored by shared caches, revalidated every time */
          "Cache-Control"?: "private, no-cache";
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such book in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deleteBook: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
        /** @description An ETag from a previous read: the change applies only if the book is unchanged */
        "if-match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted (the final state, with deleted_at) */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Book"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such book in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A request with this Idempotency-Key is in progress (idempotency_key_in_use): retry after Retry-After */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The book changed since the ETag in If-Match was read (precondition_failed, with current_etag) */
      412: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateBook: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
        /** @description An ETag from a previous read: the change applies only if the book is unchanged */
        "if-match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UpdateBook"];
      };
    };
    responses: {
      /** @description Updated */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          ETag: components["headers"]["ETag"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Book"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such book in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Another book of this tenant has the ISBN (conflict), or a request with this Idempotency-Key is in progress (idempotency_key_in_use) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The book changed since the ETag in If-Match was read (precondition_failed, with current_etag) */
      412: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listOrders: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Return items after this id (the previous page's next_cursor) */
        starting_after?: string;
        status?: "pending" | "confirmed" | "shipped" | "cancelled" | "expired";
      };
      header?: {
        /**
         * @description ETags from earlier responses (or `*`): when one still matches, the answer is 304 with no body
         * @example "book_01jd3xk2v8f4r6t8w0y2a4c6e8.v3"
         */
        "If-None-Match"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of orders */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          /** @description The page's version (weak): a hash over its items' ids and versions and its cursor */
          ETag?: string;
          /** @description Always `private, no-cache`: never stored by shared caches, revalidated every time */
          "Cache-Control"?: "private, no-cache";
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OrderList"];
        };
      };
      /** @description Not modified: If-None-Match matched the current ETag; no body */
      304: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          /** @description The page's version (weak): a hash over its items' ids and versions and its cursor */
          ETag?: string;
          /** @description Always `private, no-cache`: never stored by shared caches, revalidated every time */
          "Cache-Control"?: "private, no-cache";
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createOrder: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateOrder"];
      };
    };
    responses: {
      /** @description Created (pending, stock reserved until `expires_at`) */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CreatedOrder"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not enough stock for some lines (insufficient_stock, with `lines`), or a request with this Idempotency-Key is in progress (idempotency_key_in_use) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["InsufficientStockProblem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getOrder: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description ETags from earlier responses (or `*`): when one still matches, the answer is 304 with no body
         * @example "book_01jd3xk2v8f4r6t8w0y2a4c6e8.v3"
         */
        "If-None-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The order */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          ETag: components["headers"]["ETag"];
          /** @description Always `private, no-cache`: never stored by shared caches, revalidated every time */
          "Cache-Control"?: "private, no-cache";
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Order"];
        };
      };
      /** @description Not modified: If-None-Match matched the current ETag; no body */
      304: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          ETag: components["headers"]["ETag"];
          /** @description Always `private, no-cache`: never stored by shared caches, revalidated every time */
          "Cache-Control"?: "private, no-cache";
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such order in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  confirmOrder: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The order in its new state */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Order"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such order in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The order's status does not allow this (invalid_state_transition, with order_status), or a request with this Idempotency-Key is in progress (idempotency_key_in_use) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  shipOrder: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The order in its new state */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Order"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such order in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The order's status does not allow this (invalid_state_transition, with order_status), or a request with this Idempotency-Key is in progress (idempotency_key_in_use) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  cancelOrder: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The order in its new state */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Order"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such order in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The order's status does not allow this (invalid_state_transition, with order_status), or a request with this Idempotency-Key is in progress (idempotency_key_in_use) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  graphqlSchema: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The schema */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "text/plain": string;
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  graphqlQuery: {
    parameters: {
      query?: {
        /** @description The query; optional when `extensions` names a persisted query */
        query?: string;
        /** @description The variables as a JSON object */
        variables?: string;
        operationName?: string;
        /** @description JSON: {"persistedQuery": {"version": 1, "sha256Hash": "<hex SHA-256 of the query>"}} (automatic persisted queries) */
        extensions?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The query's result */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["GraphQLResponse"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  graphql: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["GraphQLRequest"];
      };
    };
    responses: {
      /** @description The operation's result */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["GraphQLResponse"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A request with this Idempotency-Key is in progress (idempotency_key_in_use): retry after Retry-After */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  readEventFeed: {
    parameters: {
      query?: {
        /** @description A cursor from this feed (an item's `cursor` or `next_cursor`), or `latest` to start after the newest event. Without it the feed starts at the oldest retained event. */
        after?: string;
        limit?: number;
        /** @description Comma-separated event types; `order.*` matches every type under `order.`. Only the types the credential's role may see are returned. */
        types?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the feed */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["FeedPage"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The cursor is older than retention (cursor_expired): `oldest_cursor` is where reading can resume */
      410: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listEvents: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Return items after this id (the previous page's next_cursor) */
        starting_after?: string;
        type?:
          | "book.created"
          | "book.updated"
          | "book.deleted"
          | "book.import.batch"
          | "book.import.completed"
          | "order.created"
          | "order.confirmed"
          | "order.shipped"
          | "order.cancelled"
          | "order.expired"
          | "file.uploaded"
          | "tenant.export.completed"
          | "webhook.endpoint.suspended";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of events */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["EventList"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getEvent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The event */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Event"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such event in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  resendEvent: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queued for re-delivery */
      202: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Redelivery"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such event in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A request with this Idempotency-Key is in progress (idempotency_key_in_use): retry after Retry-After */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listEventTypes: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The event catalog */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["EventTypeList"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listWebhookEndpoints: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Return items after this id (the previous page's next_cursor) */
        starting_after?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of endpoints */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpointList"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @example https://hooks.example.com/shelfwise */
          url: string;
          description?: string | null;
          /**
           * @description Subscribed event types; an empty list means every type.
           * @default []
           */
          event_types?: (
            | "book.created"
            | "book.updated"
            | "book.deleted"
            | "book.import.batch"
            | "book.import.completed"
            | "order.created"
            | "order.confirmed"
            | "order.shipped"
            | "order.cancelled"
            | "order.expired"
            | "file.uploaded"
            | "tenant.export.completed"
            | "webhook.endpoint.suspended"
          )[];
          /** @default true */
          enabled?: boolean;
          /**
           * @description Headers sent with every delivery to authenticate to the receiver (e.g. `Authorization`), up to 5; stored encrypted and shown back only masked. Not allowed: webhook-*, content-*, cf-*, host, user-agent and hop-by-hop headers.
           * @example {
           *       "Authorization": "Bearer 3q2+7w=="
           *     }
           */
          headers?: {
            [key: string]: string;
          };
          /**
           * @description unordered (default): fastest; per_resource: one resource's events are delivered in commit order
           * @default unordered
           * @enum {string}
           */
          ordering?: "unordered" | "per_resource";
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpointWithSecret"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A request with this Idempotency-Key is in progress (idempotency_key_in_use): retry after Retry-After */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The endpoint */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpoint"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such webhook endpoint in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deleteWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeletedWebhookEndpoint"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such webhook endpoint in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A request with this Idempotency-Key is in progress (idempotency_key_in_use): retry after Retry-After */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UpdateWebhookEndpoint"];
      };
    };
    responses: {
      /** @description Updated */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpoint"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such webhook endpoint in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A request with this Idempotency-Key is in progress (idempotency_key_in_use): retry after Retry-After */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  rotateWebhookSecret: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The endpoint with its new secret */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpointWithSecret"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such webhook endpoint in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A request with this Idempotency-Key is in progress (idempotency_key_in_use): retry after Retry-After */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  recoverWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["RecoverWebhookEndpoint"];
      };
    };
    responses: {
      /** @description Queued for re-delivery (throttled) */
      202: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Redelivery"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such webhook endpoint in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The endpoint is disabled (conflict), or a request with this Idempotency-Key is in progress (idempotency_key_in_use) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listWebhookAttempts: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Return items after this id (the previous page's next_cursor) */
        starting_after?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of attempts */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookAttemptList"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such webhook endpoint in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listWebhookDeliveries: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Return items after this id (the previous page's next_cursor) */
        starting_after?: string;
        /** @description Only deliveries in this state; `pending` excludes the waiting ones */
        status?: "pending" | "waiting" | "held" | "delivered" | "failed";
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of deliveries */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookDeliveryList"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such webhook endpoint in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createPortalToken: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /**
           * @description How long the token is valid, in seconds (default 900, at most 3600)
           * @example 900
           */
          ttl_seconds?: number;
        };
      };
    };
    responses: {
      /** @description Minted */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PortalToken"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A request with this Idempotency-Key is in progress (idempotency_key_in_use): retry after Retry-After */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createStreamTicket: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ticket */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["StreamTicket"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A request with this Idempotency-Key is in progress (idempotency_key_in_use): retry after Retry-After */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listBooksV1: {
    parameters: {
      query?: {
        page?: number;
        per_page?: number;
        /** @description Case-insensitive match on title, authors or ISBN */
        q?: string;
        status?: "active" | "archived";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of books */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["V1BookList"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createBookV1: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /**
           * @description ISBN-13; hyphens and spaces are accepted and removed
           * @example 978-0-306-40615-7
           */
          isbn: string;
          title: string;
          authors: string[];
          /** @example 12.50 */
          price: string;
          /** @example EUR */
          currency: string;
          /** @default 0 */
          stock?: number;
          /**
           * @default active
           * @enum {string}
           */
          status?: "active" | "archived";
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          ETag: components["headers"]["ETag"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["V1Book"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Another book of this tenant has the ISBN (conflict), or a request with this Idempotency-Key is in progress (idempotency_key_in_use) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getBookV1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The book */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          ETag: components["headers"]["ETag"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["V1Book"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such book in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deleteBookV1: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
        /** @description An ETag from a previous read: the change applies only if the book is unchanged */
        "if-match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["V1Book"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such book in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A request with this Idempotency-Key is in progress (idempotency_key_in_use): retry after Retry-After */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The book changed since the ETag in If-Match was read (precondition_failed, with current_etag) */
      412: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateBookV1: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
        /** @description An ETag from a previous read: the change applies only if the book is unchanged */
        "if-match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["V1UpdateBook"];
      };
    };
    responses: {
      /** @description Updated */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          ETag: components["headers"]["ETag"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["V1Book"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such book in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Another book of this tenant has the ISBN (conflict), or a request with this Idempotency-Key is in progress (idempotency_key_in_use) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The book changed since the ETag in If-Match was read (precondition_failed, with current_etag) */
      412: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listOrdersV1: {
    parameters: {
      query?: {
        page?: number;
        per_page?: number;
        status?: "pending" | "confirmed" | "shipped" | "cancelled";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of orders */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["V1OrderList"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createOrderV1: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateOrder"];
      };
    };
    responses: {
      /** @description Created (pending, stock reserved) */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["V1Order"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not enough stock for some lines (insufficient_stock, with `lines`), or a request with this Idempotency-Key is in progress (idempotency_key_in_use) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["InsufficientStockProblem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getOrderV1: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The order */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["V1Order"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such order in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  confirmOrderV1: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The order in its new state */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["V1Order"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such order in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The order's status does not allow this (invalid_state_transition, with order_status), or a request with this Idempotency-Key is in progress (idempotency_key_in_use) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  shipOrderV1: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The order in its new state */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["V1Order"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such order in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The order's status does not allow this (invalid_state_transition, with order_status), or a request with this Idempotency-Key is in progress (idempotency_key_in_use) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  cancelOrderV1: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.
         * @example order-2026-11-29-0001
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The order in its new state */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["V1Order"];
        };
      };
      /** @description Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such order in this tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The order's status does not allow this (invalid_state_transition, with order_status), or a request with this Idempotency-Key is in progress (idempotency_key_in_use) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with another method, path or body (idempotency_key_reused) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          Deprecation: components["headers"]["Deprecation"];
          Sunset: components["headers"]["Sunset"];
          Link: components["headers"]["Link"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listTenants: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Return items after this id (the previous page's next_cursor) */
        starting_after?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of tenants */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TenantList"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  provisionTenant: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name: string;
          /**
           * @default trial
           * @example standard
           * @enum {string}
           */
          plan?: "trial" | "standard" | "premium" | "enterprise";
          limits?: {
            requests_per_hour?: number | null;
            max_file_bytes?: number | null;
            webhook_rate_per_second?: number | null;
          };
          /** IdpSettings */
          idp?: {
            issuer: string;
            /** Format: uri */
            jwks_uri: string;
            audience: string;
            /** @default roles */
            roles_claim?: string;
          };
        };
      };
    };
    responses: {
      /** @description Provisioned */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ProvisionedTenant"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The IdP issuer belongs to another tenant (conflict) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getTenant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The tenant */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Tenant"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateTenant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UpdateTenant"];
      };
    };
    responses: {
      /** @description Updated */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Tenant"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The IdP issuer belongs to another tenant (conflict) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  suspendTenant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["OperatorActionReason"];
      };
    };
    responses: {
      /** @description Suspended */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Tenant"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  resumeTenant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Active again */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Tenant"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  pauseTenantWebhooks: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PauseTenantWebhooks"];
      };
    };
    responses: {
      /** @description Paused */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Tenant"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The tenant is deleted (conflict) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  resumeTenantWebhooks: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deliveries resumed */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Tenant"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The tenant is deleted (conflict) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listTenantAuditLog: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Return items after this id (the previous page's next_cursor) */
        starting_after?: string;
        action?: string;
        target_type?: string;
        target_id?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of audit entries */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AuditList"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  offboardTenant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["OperatorActionReason"];
      };
    };
    responses: {
      /** @description Suspended; the export is queued */
      202: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Offboarding"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getTenantLatestExport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The export */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TenantExport"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such tenant, or no export yet (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  restoreTenant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["RestoreTenant"];
      };
    };
    responses: {
      /** @description Restored: rows per table and file contents copied */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TenantRestore"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such tenant, or no completed export with this id (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The tenant already holds data (tenant_not_empty), or the export's rows still exist under another tenant (conflict) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A file does not match the manifest's checksum or row count, or is unreadable (export_corrupt); the export exceeds the route's size cap (export_too_large) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getTenantLiveFigures: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The tenant's live-stream figures */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LiveFigures"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createOperatorStreamTicket: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ticket */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OperatorStreamTicket"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listTenantFigures: {
    parameters: {
      query?: {
        /** @description Window of the traffic figures. Longer than 1h is read from Analytics Engine when its credentials are configured. */
        window?: "5m" | "15m" | "1h" | "6h" | "24h";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Tenants, worst first */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TenantOpsList"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getTenantFigures: {
    parameters: {
      query?: {
        /** @description Window of the traffic figures. Longer than 1h is read from Analytics Engine when its credentials are configured. */
        window?: "5m" | "15m" | "1h" | "6h" | "24h";
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The tenant's figures */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TenantOpsDetail"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getOpsHealth: {
    parameters: {
      query?: {
        /** @description Window of the traffic figures. Longer than 1h is read from Analytics Engine when its credentials are configured. */
        window?: "5m" | "15m" | "1h" | "6h" | "24h";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Platform health */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OpsHealth"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getTenantHealth: {
    parameters: {
      query?: {
        /** @description Window of the traffic figures. Longer than 1h is read from Analytics Engine when its credentials are configured. */
        window?: "5m" | "15m" | "1h" | "6h" | "24h";
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The tenant's health */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OpsHealth"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getTenantSeries: {
    parameters: {
      query?: {
        /** @description Minutes covered, one point per minute (5 to 360) */
        minutes?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One point per minute for each series */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TenantOpsSeries"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such tenant (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  recoverTenantWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["OperatorRecover"];
      };
    };
    responses: {
      /** @description Re-deliveries queued (call again while has_more) */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OperatorRecoverResult"];
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such tenant or endpoint (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The endpoint is disabled (conflict) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description The body is not application/json (unsupported_media_type) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getOpsConsole: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The page */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "text/html": string;
        };
      };
      /** @description A request body over 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  streamOperatorReports: {
    parameters: {
      query?: {
        /** @description The `id` of the last report received: what followed is replayed if the ops hub still holds it, otherwise the stream starts with `reset` */
        after?: string;
        /** @description A ticket from POST /admin/ops/stream-tickets (browsers) */
        ticket?: string;
      };
      header?: {
        /** @description SSE resume: the last report's id (as `after`) */
        "last-event-id"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Switched to a WebSocket carrying the reports */
      101: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The SSE stream */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "text/event-stream": string;
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid operator token */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getWebhookPortal: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The page */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "text/html": string;
        };
      };
      /** @description A request body over 1 MiB (payload_too_large) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  streamWebhookAttempts: {
    parameters: {
      query: {
        /** @description The webhook endpoints to follow, comma-separated (1 to 20); each must be the tenant's, or the answer is 404 */
        endpoints: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Switched to a WebSocket carrying `attempt` messages */
      101: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The SSE stream */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "text/event-stream": string;
        };
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing or invalid credential (unauthenticated) */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An endpoint that is not the tenant's (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit exceeded (rate_limited), or too many failed authentications from this address */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          RateLimit: components["headers"]["RateLimit"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  downloadSignedFile: {
    parameters: {
      query: {
        /** @description Tenant id */
        t: string;
        /** @description File id, or export id/file name */
        o: string;
        /** @description Expiry, Unix seconds */
        e: string;
        /** @description base64url HMAC-SHA256 signature */
        s: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The content */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          ETag: components["headers"]["ETag"];
          "Content-Disposition": components["headers"]["Content-Disposition"];
          "Accept-Ranges": components["headers"]["Accept-Ranges"];
          [name: string]: unknown;
        };
        content: {
          "image/png": string;
          "image/jpeg": string;
          "image/gif": string;
          "image/webp": string;
          "image/avif": string;
          "application/pdf": string;
          "text/csv": string;
          "text/plain": string;
          "application/json": string;
          "application/epub+zip": string;
          "application/zip": string;
        };
      };
      /** @description The requested range */
      206: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          ETag: components["headers"]["ETag"];
          "Content-Disposition": components["headers"]["Content-Disposition"];
          "Accept-Ranges": components["headers"]["Accept-Ranges"];
          "Content-Range": components["headers"]["Content-Range"];
          [name: string]: unknown;
        };
        content: {
          "image/png": string;
          "image/jpeg": string;
          "image/gif": string;
          "image/webp": string;
          "image/avif": string;
          "application/pdf": string;
          "text/csv": string;
          "text/plain": string;
          "application/json": string;
          "application/epub+zip": string;
          "application/zip": string;
        };
      };
      /** @description Not modified (If-None-Match matched) */
      304: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          ETag: components["headers"]["ETag"];
          "Content-Disposition": components["headers"]["Content-Disposition"];
          "Accept-Ranges": components["headers"]["Accept-Ranges"];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid or expired signature (invalid_signature), or the tenant is suspended (tenant_suspended) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The file no longer exists (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Range not satisfiable (range_not_satisfiable) */
      416: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Content-Range": components["headers"]["Content-Range"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  downloadSignedExport: {
    parameters: {
      query: {
        /** @description Tenant id */
        t: string;
        /** @description File id, or export id/file name */
        o: string;
        /** @description Expiry, Unix seconds */
        e: string;
        /** @description base64url HMAC-SHA256 signature */
        s: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The content */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          ETag: components["headers"]["ETag"];
          "Content-Disposition": components["headers"]["Content-Disposition"];
          "Accept-Ranges": components["headers"]["Accept-Ranges"];
          [name: string]: unknown;
        };
        content: {
          "application/x-ndjson": string;
          "application/json": string;
        };
      };
      /** @description The requested range */
      206: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          ETag: components["headers"]["ETag"];
          "Content-Disposition": components["headers"]["Content-Disposition"];
          "Accept-Ranges": components["headers"]["Accept-Ranges"];
          "Content-Range": components["headers"]["Content-Range"];
          [name: string]: unknown;
        };
        content: {
          "application/x-ndjson": string;
          "application/json": string;
        };
      };
      /** @description Not modified (If-None-Match matched) */
      304: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          ETag: components["headers"]["ETag"];
          "Content-Disposition": components["headers"]["Content-Disposition"];
          "Accept-Ranges": components["headers"]["Accept-Ranges"];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Validation failed (validation_failed, listing every failing field) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid or expired signature (invalid_signature), or the tenant is suspended (tenant_suspended) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The file no longer exists (not_found) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Range not satisfiable (range_not_satisfiable) */
      416: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Content-Range": components["headers"]["Content-Range"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Internal error (internal; no details are disclosed) */
      500: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is unavailable or saturated (service_unavailable): retry after Retry-After */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  bookCreatedEvent: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: stable across retries, use it to drop duplicates */
        "webhook-id": string;
        /** @description Unix seconds of this attempt */
        "webhook-timestamp": string;
        /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated signatures during a secret rotation */
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "type": "book.created",
         *       "timestamp": "2026-11-29T10:15:30.000Z",
         *       "data": {
         *         "id": "book_01jd3xk2v8f4r6t8w0y2a4c6e8",
         *         "isbn": "9780306406157",
         *         "title": "The Left Hand of Darkness",
         *         "authors": [
         *           "Ursula K. Le Guin"
         *         ],
         *         "price": {
         *           "amount": 1250,
         *           "currency": "EUR"
         *         },
         *         "stock": 12,
         *         "status": "active",
         *         "version": 1,
         *         "created_at": "2026-11-29T10:15:30.000Z",
         *         "updated_at": "2026-11-29T10:15:30.000Z",
         *         "deleted_at": null
         *       }
         *     }
         */
        "application/json": components["schemas"]["BookCreatedEvent"];
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the delivery */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Gone: the endpoint is disabled and receives nothing more */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Retried, after Retry-After (up to 12 h) if the answer has one */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Any other answer, a timeout or a redirect is retried */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  bookUpdatedEvent: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: stable across retries, use it to drop duplicates */
        "webhook-id": string;
        /** @description Unix seconds of this attempt */
        "webhook-timestamp": string;
        /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated signatures during a secret rotation */
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "type": "book.updated",
         *       "timestamp": "2026-11-29T10:15:30.000Z",
         *       "data": {
         *         "id": "book_01jd3xk2v8f4r6t8w0y2a4c6e8",
         *         "isbn": "9780306406157",
         *         "title": "The Left Hand of Darkness",
         *         "authors": [
         *           "Ursula K. Le Guin"
         *         ],
         *         "price": {
         *           "amount": 1250,
         *           "currency": "EUR"
         *         },
         *         "stock": 10,
         *         "status": "active",
         *         "version": 2,
         *         "created_at": "2026-11-29T10:15:30.000Z",
         *         "updated_at": "2026-11-29T10:15:30.000Z",
         *         "deleted_at": null
         *       }
         *     }
         */
        "application/json": components["schemas"]["BookUpdatedEvent"];
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the delivery */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Gone: the endpoint is disabled and receives nothing more */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Retried, after Retry-After (up to 12 h) if the answer has one */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Any other answer, a timeout or a redirect is retried */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  bookDeletedEvent: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: stable across retries, use it to drop duplicates */
        "webhook-id": string;
        /** @description Unix seconds of this attempt */
        "webhook-timestamp": string;
        /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated signatures during a secret rotation */
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "type": "book.deleted",
         *       "timestamp": "2026-11-29T10:15:30.000Z",
         *       "data": {
         *         "id": "book_01jd3xk2v8f4r6t8w0y2a4c6e8",
         *         "isbn": "9780306406157",
         *         "title": "The Left Hand of Darkness",
         *         "authors": [
         *           "Ursula K. Le Guin"
         *         ],
         *         "price": {
         *           "amount": 1250,
         *           "currency": "EUR"
         *         },
         *         "stock": 12,
         *         "status": "active",
         *         "version": 2,
         *         "created_at": "2026-11-29T10:15:30.000Z",
         *         "updated_at": "2026-11-29T10:15:30.000Z",
         *         "deleted_at": "2026-11-29T10:15:30.000Z"
         *       }
         *     }
         */
        "application/json": components["schemas"]["BookDeletedEvent"];
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the delivery */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Gone: the endpoint is disabled and receives nothing more */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Retried, after Retry-After (up to 12 h) if the answer has one */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Any other answer, a timeout or a redirect is retried */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  bookImportBatchEvent: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: stable across retries, use it to drop duplicates */
        "webhook-id": string;
        /** @description Unix seconds of this attempt */
        "webhook-timestamp": string;
        /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated signatures during a secret rotation */
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "type": "book.import.batch",
         *       "timestamp": "2026-11-29T10:15:30.000Z",
         *       "data": {
         *         "import_id": "bimp_01jd3xk2v8f4r6t8w0y2a4c6e8",
         *         "from_line": 1,
         *         "to_line": 500,
         *         "created": 498,
         *         "updated": 1,
         *         "failed": 1,
         *         "created_ids": [
         *           "book_01jd3xk2v8f4r6t8w0y2a4c6e8"
         *         ],
         *         "updated_ids": [
         *           "book_01jd3xk2v8f4r6t8w0y2a4c6f0"
         *         ]
         *       }
         *     }
         */
        "application/json": components["schemas"]["BookImportBatchEvent"];
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the delivery */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Gone: the endpoint is disabled and receives nothing more */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Retried, after Retry-After (up to 12 h) if the answer has one */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Any other answer, a timeout or a redirect is retried */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  bookImportCompletedEvent: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: stable across retries, use it to drop duplicates */
        "webhook-id": string;
        /** @description Unix seconds of this attempt */
        "webhook-timestamp": string;
        /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated signatures during a secret rotation */
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "type": "book.import.completed",
         *       "timestamp": "2026-11-29T10:15:30.000Z",
         *       "data": {
         *         "import_id": "bimp_01jd3xk2v8f4r6t8w0y2a4c6e8",
         *         "lines": 500,
         *         "created": 498,
         *         "updated": 1,
         *         "failed": 1
         *       }
         *     }
         */
        "application/json": components["schemas"]["BookImportCompletedEvent"];
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the delivery */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Gone: the endpoint is disabled and receives nothing more */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Retried, after Retry-After (up to 12 h) if the answer has one */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Any other answer, a timeout or a redirect is retried */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  orderCreatedEvent: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: stable across retries, use it to drop duplicates */
        "webhook-id": string;
        /** @description Unix seconds of this attempt */
        "webhook-timestamp": string;
        /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated signatures during a secret rotation */
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "type": "order.created",
         *       "timestamp": "2026-11-29T10:15:30.000Z",
         *       "data": {
         *         "id": "ord_01jd3xk2v8f4r6t8w0y2a4c6e8",
         *         "status": "pending",
         *         "total": {
         *           "amount": 2500,
         *           "currency": "EUR"
         *         },
         *         "lines": [
         *           {
         *             "id": "ordl_01jd3xk2v8f4r6t8w0y2a4c6e9",
         *             "book_id": "book_01jd3xk2v8f4r6t8w0y2a4c6e8",
         *             "isbn": "9780306406157",
         *             "title": "The Left Hand of Darkness",
         *             "quantity": 2,
         *             "unit_price": {
         *               "amount": 1250,
         *               "currency": "EUR"
         *             },
         *             "line_total": {
         *               "amount": 2500,
         *               "currency": "EUR"
         *             }
         *           }
         *         ],
         *         "created_at": "2026-11-29T10:15:30.000Z",
         *         "updated_at": "2026-11-29T10:15:30.000Z",
         *         "confirmed_at": null,
         *         "shipped_at": null,
         *         "cancelled_at": null,
         *         "expires_at": "2026-11-29T10:30:30.000Z",
         *         "expired_at": null
         *       }
         *     }
         */
        "application/json": components["schemas"]["OrderCreatedEvent"];
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the delivery */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Gone: the endpoint is disabled and receives nothing more */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Retried, after Retry-After (up to 12 h) if the answer has one */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Any other answer, a timeout or a redirect is retried */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  orderConfirmedEvent: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: stable across retries, use it to drop duplicates */
        "webhook-id": string;
        /** @description Unix seconds of this attempt */
        "webhook-timestamp": string;
        /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated signatures during a secret rotation */
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "type": "order.confirmed",
         *       "timestamp": "2026-11-29T10:15:30.000Z",
         *       "data": {
         *         "id": "ord_01jd3xk2v8f4r6t8w0y2a4c6e8",
         *         "status": "confirmed",
         *         "total": {
         *           "amount": 2500,
         *           "currency": "EUR"
         *         },
         *         "lines": [
         *           {
         *             "id": "ordl_01jd3xk2v8f4r6t8w0y2a4c6e9",
         *             "book_id": "book_01jd3xk2v8f4r6t8w0y2a4c6e8",
         *             "isbn": "9780306406157",
         *             "title": "The Left Hand of Darkness",
         *             "quantity": 2,
         *             "unit_price": {
         *               "amount": 1250,
         *               "currency": "EUR"
         *             },
         *             "line_total": {
         *               "amount": 2500,
         *               "currency": "EUR"
         *             }
         *           }
         *         ],
         *         "created_at": "2026-11-29T10:15:30.000Z",
         *         "updated_at": "2026-11-29T10:15:30.000Z",
         *         "confirmed_at": "2026-11-29T10:15:30.000Z",
         *         "shipped_at": null,
         *         "cancelled_at": null,
         *         "expires_at": null,
         *         "expired_at": null
         *       }
         *     }
         */
        "application/json": components["schemas"]["OrderConfirmedEvent"];
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the delivery */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Gone: the endpoint is disabled and receives nothing more */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Retried, after Retry-After (up to 12 h) if the answer has one */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Any other answer, a timeout or a redirect is retried */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  orderShippedEvent: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: stable across retries, use it to drop duplicates */
        "webhook-id": string;
        /** @description Unix seconds of this attempt */
        "webhook-timestamp": string;
        /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated signatures during a secret rotation */
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "type": "order.shipped",
         *       "timestamp": "2026-11-29T10:15:30.000Z",
         *       "data": {
         *         "id": "ord_01jd3xk2v8f4r6t8w0y2a4c6e8",
         *         "status": "shipped",
         *         "total": {
         *           "amount": 2500,
         *           "currency": "EUR"
         *         },
         *         "lines": [
         *           {
         *             "id": "ordl_01jd3xk2v8f4r6t8w0y2a4c6e9",
         *             "book_id": "book_01jd3xk2v8f4r6t8w0y2a4c6e8",
         *             "isbn": "9780306406157",
         *             "title": "The Left Hand of Darkness",
         *             "quantity": 2,
         *             "unit_price": {
         *               "amount": 1250,
         *               "currency": "EUR"
         *             },
         *             "line_total": {
         *               "amount": 2500,
         *               "currency": "EUR"
         *             }
         *           }
         *         ],
         *         "created_at": "2026-11-29T10:15:30.000Z",
         *         "updated_at": "2026-11-29T10:15:30.000Z",
         *         "confirmed_at": "2026-11-29T10:15:30.000Z",
         *         "shipped_at": "2026-11-29T10:15:30.000Z",
         *         "cancelled_at": null,
         *         "expires_at": null,
         *         "expired_at": null
         *       }
         *     }
         */
        "application/json": components["schemas"]["OrderShippedEvent"];
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the delivery */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Gone: the endpoint is disabled and receives nothing more */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Retried, after Retry-After (up to 12 h) if the answer has one */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Any other answer, a timeout or a redirect is retried */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  orderCancelledEvent: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: stable across retries, use it to drop duplicates */
        "webhook-id": string;
        /** @description Unix seconds of this attempt */
        "webhook-timestamp": string;
        /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated signatures during a secret rotation */
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "type": "order.cancelled",
         *       "timestamp": "2026-11-29T10:15:30.000Z",
         *       "data": {
         *         "id": "ord_01jd3xk2v8f4r6t8w0y2a4c6e8",
         *         "status": "cancelled",
         *         "total": {
         *           "amount": 2500,
         *           "currency": "EUR"
         *         },
         *         "lines": [
         *           {
         *             "id": "ordl_01jd3xk2v8f4r6t8w0y2a4c6e9",
         *             "book_id": "book_01jd3xk2v8f4r6t8w0y2a4c6e8",
         *             "isbn": "9780306406157",
         *             "title": "The Left Hand of Darkness",
         *             "quantity": 2,
         *             "unit_price": {
         *               "amount": 1250,
         *               "currency": "EUR"
         *             },
         *             "line_total": {
         *               "amount": 2500,
         *               "currency": "EUR"
         *             }
         *           }
         *         ],
         *         "created_at": "2026-11-29T10:15:30.000Z",
         *         "updated_at": "2026-11-29T10:15:30.000Z",
         *         "confirmed_at": null,
         *         "shipped_at": null,
         *         "cancelled_at": "2026-11-29T10:15:30.000Z",
         *         "expires_at": null,
         *         "expired_at": null
         *       }
         *     }
         */
        "application/json": components["schemas"]["OrderCancelledEvent"];
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the delivery */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Gone: the endpoint is disabled and receives nothing more */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Retried, after Retry-After (up to 12 h) if the answer has one */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Any other answer, a timeout or a redirect is retried */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  orderExpiredEvent: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: stable across retries, use it to drop duplicates */
        "webhook-id": string;
        /** @description Unix seconds of this attempt */
        "webhook-timestamp": string;
        /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated signatures during a secret rotation */
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "type": "order.expired",
         *       "timestamp": "2026-11-29T10:15:30.000Z",
         *       "data": {
         *         "id": "ord_01jd3xk2v8f4r6t8w0y2a4c6e8",
         *         "status": "expired",
         *         "total": {
         *           "amount": 2500,
         *           "currency": "EUR"
         *         },
         *         "lines": [
         *           {
         *             "id": "ordl_01jd3xk2v8f4r6t8w0y2a4c6e9",
         *             "book_id": "book_01jd3xk2v8f4r6t8w0y2a4c6e8",
         *             "isbn": "9780306406157",
         *             "title": "The Left Hand of Darkness",
         *             "quantity": 2,
         *             "unit_price": {
         *               "amount": 1250,
         *               "currency": "EUR"
         *             },
         *             "line_total": {
         *               "amount": 2500,
         *               "currency": "EUR"
         *             }
         *           }
         *         ],
         *         "created_at": "2026-11-29T10:15:30.000Z",
         *         "updated_at": "2026-11-29T10:15:30.000Z",
         *         "confirmed_at": null,
         *         "shipped_at": null,
         *         "cancelled_at": null,
         *         "expires_at": "2026-11-29T10:15:30.000Z",
         *         "expired_at": "2026-11-29T10:15:30.000Z"
         *       }
         *     }
         */
        "application/json": components["schemas"]["OrderExpiredEvent"];
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the delivery */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Gone: the endpoint is disabled and receives nothing more */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Retried, after Retry-After (up to 12 h) if the answer has one */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Any other answer, a timeout or a redirect is retried */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  fileUploadedEvent: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: stable across retries, use it to drop duplicates */
        "webhook-id": string;
        /** @description Unix seconds of this attempt */
        "webhook-timestamp": string;
        /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated signatures during a secret rotation */
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "type": "file.uploaded",
         *       "timestamp": "2026-11-29T10:15:30.000Z",
         *       "data": {
         *         "id": "file_01jd3xk2v8f4r6t8w0y2a4c6e8",
         *         "filename": "cover.png",
         *         "content_type": "image/png",
         *         "size_bytes": 48213,
         *         "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
         *         "status": "ready",
         *         "created_at": "2026-11-29T10:15:30.000Z",
         *         "updated_at": "2026-11-29T10:15:30.000Z"
         *       }
         *     }
         */
        "application/json": components["schemas"]["FileUploadedEvent"];
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the delivery */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Gone: the endpoint is disabled and receives nothing more */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Retried, after Retry-After (up to 12 h) if the answer has one */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Any other answer, a timeout or a redirect is retried */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  tenantExportCompletedEvent: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: stable across retries, use it to drop duplicates */
        "webhook-id": string;
        /** @description Unix seconds of this attempt */
        "webhook-timestamp": string;
        /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated signatures during a secret rotation */
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "type": "tenant.export.completed",
         *       "timestamp": "2026-11-29T10:15:30.000Z",
         *       "data": {
         *         "export_id": "texp_01jd3xk2v8f4r6t8w0y2a4c6e8",
         *         "reason": "requested",
         *         "files": [
         *           {
         *             "name": "books.ndjson",
         *             "rows": 12,
         *             "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
         *           }
         *         ]
         *       }
         *     }
         */
        "application/json": components["schemas"]["TenantExportCompletedEvent"];
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the delivery */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Gone: the endpoint is disabled and receives nothing more */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Retried, after Retry-After (up to 12 h) if the answer has one */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Any other answer, a timeout or a redirect is retried */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhookEndpointSuspendedEvent: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: stable across retries, use it to drop duplicates */
        "webhook-id": string;
        /** @description Unix seconds of this attempt */
        "webhook-timestamp": string;
        /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated signatures during a secret rotation */
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "type": "webhook.endpoint.suspended",
         *       "timestamp": "2026-11-29T10:15:30.000Z",
         *       "data": {
         *         "endpoint_id": "whep_01jd3xk2v8f4r6t8w0y2a4c6e8",
         *         "url": "https://hooks.example.com/shelfwise",
         *         "reason": "10 consecutive failed attempts"
         *       }
         *     }
         */
        "application/json": components["schemas"]["WebhookEndpointSuspendedEvent"];
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the delivery */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Gone: the endpoint is disabled and receives nothing more */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Retried, after Retry-After (up to 12 h) if the answer has one */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Any other answer, a timeout or a redirect is retried */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
