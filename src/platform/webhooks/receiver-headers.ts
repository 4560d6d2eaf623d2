import { openSecret, sealSecret } from "../crypto/secret-box";

/** A receiver's authentication headers (name → value), as the tenant configured them. */
export type ReceiverHeaders = Readonly<Record<string, string>>;

/**
 * The additional data the headers' ciphertext is bound to: the endpoint id plus a purpose, so the
 * ciphertext neither decrypts on another endpoint nor in the signing secret's column.
 */
const contextOf = (endpointId: string) => `${endpointId}:receiver-headers`;

/** One ciphertext for the whole object (AES-256-GCM, the key of the signing secrets). */
export function sealReceiverHeaders(
  keyBase64: string,
  endpointId: string,
  headers: ReceiverHeaders,
): Promise<string> {
  return sealSecret(keyBase64, JSON.stringify(headers), contextOf(endpointId));
}

/** The headers sealed by `sealReceiverHeaders`; none when the endpoint has none. */
export async function openReceiverHeaders(
  keyBase64: string,
  endpointId: string,
  ciphertext: string | null,
): Promise<ReceiverHeaders> {
  if (!ciphertext) return {};
  return JSON.parse(await openSecret(keyBase64, ciphertext, contextOf(endpointId)));
}

/**
 * A batch's reader of receiver headers: each endpoint's are decrypted at most once, however many
 * of its messages (fresh and re-deliveries) the batch sends.
 */
export function receiverHeadersOfBatch(keyBase64: string) {
  const opened = new Map<string, Promise<ReceiverHeaders>>();
  return (endpoint: {
    id: string;
    customHeadersCiphertext: string | null;
  }): Promise<ReceiverHeaders> => {
    let headers = opened.get(endpoint.id);
    if (!headers) {
      headers = openReceiverHeaders(keyBase64, endpoint.id, endpoint.customHeadersCiphertext);
      opened.set(endpoint.id, headers);
    }
    return headers;
  };
}

/** Values this long show their first characters; shorter ones show nothing but their length. */
const SHOW_PREFIX_FROM = 16;
const PREFIX_LENGTH = 4;

/**
 * What the API shows of the headers: each name with a masked value, e.g.
 * `Bear…(redacted, 43 chars)`. Never the value: at most its first 4 characters (a scheme such as
 * `Bearer` or a key prefix), and only for values long enough that 4 characters give little away.
 */
export function receiverHeaderHints(headers: ReceiverHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      const prefix = value.length >= SHOW_PREFIX_FROM ? value.slice(0, PREFIX_LENGTH) : "";
      return [name, `${prefix}…(redacted, ${value.length} chars)`];
    }),
  );
}
