import { newId } from "../ids";

const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Keeps a well-formed inbound X-Request-Id (so traces join up), otherwise makes a new one. */
export function resolveRequestId(inbound: string | undefined): string {
  return inbound && VALID_REQUEST_ID.test(inbound) ? inbound : newId("req");
}
