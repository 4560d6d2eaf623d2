/**
 * The operations a portal token may call (default deny): everything else answers 403
 * `insufficient_scope`, whatever the route, so a new route is closed to portal tokens until it is
 * listed here. Matched on the method and the request path before routing.
 */
const SEGMENT = "[^/]+";
const PORTAL_OPERATIONS: ReadonlyArray<{ method: string; path: RegExp }> = [
  { method: "GET", path: /^\/v2\/webhook-endpoints\/?$/ },
  { method: "GET", path: new RegExp(`^/v2/webhook-endpoints/${SEGMENT}$`) },
  { method: "GET", path: new RegExp(`^/v2/webhook-endpoints/${SEGMENT}/attempts$`) },
  { method: "GET", path: new RegExp(`^/v2/webhook-endpoints/${SEGMENT}/deliveries$`) },
  { method: "POST", path: new RegExp(`^/v2/webhook-endpoints/${SEGMENT}/recover$`) },
  { method: "POST", path: new RegExp(`^/v2/events/${SEGMENT}/resend$`) },
  // The portal's live attempts (features/portal/stream.ts): its own tenant's endpoints only,
  // never the tenant's event stream (/v2/events/stream) or its tickets.
  { method: "GET", path: /^\/portal\/stream$/ },
];

/** True when a portal token may make this request. */
export function isPortalOperation(method: string, path: string): boolean {
  return PORTAL_OPERATIONS.some((op) => op.method === method && op.path.test(path));
}
