const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";

/** Resource id prefixes from the API contract. */
export type IdPrefix =
  | "ten"
  | "key"
  | "book"
  | "ord"
  | "line"
  | "evt"
  | "whep"
  | "dlv"
  | "att"
  | "file"
  | "exp"
  | "aud"
  | "req";

/**
 * A prefixed, opaque id that sorts by creation time (48-bit milliseconds, then 80 random bits,
 * Crockford base32), so "newest first" and cursors can both order by id.
 */
export function newId(prefix: IdPrefix): string {
  let time = Date.now();
  const timePart = new Array<string>(10);
  for (let i = 9; i >= 0; i--) {
    timePart[i] = CROCKFORD[time % 32] as string;
    time = Math.floor(time / 32);
  }
  const random = crypto.getRandomValues(new Uint8Array(16));
  let randomPart = "";
  for (const byte of random) randomPart += CROCKFORD[byte % 32];
  return `${prefix}_${timePart.join("")}${randomPart}`;
}

/** True when `value` is shaped like an id with the given prefix (checked before any query). */
export function isId(prefix: IdPrefix, value: string): boolean {
  return new RegExp(`^${prefix}_[0-9a-hjkmnp-tv-z]{26}$`).test(value);
}
