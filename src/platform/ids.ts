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
  | "req"
  | "imp"
  | "imperr"
  | "ptok"
  | "jobfail";

let lastTime = 0;
const lastRandom = new Uint8Array(16);

/** Increments a base-32 digit array in place (each byte holds 0..31). */
function increment(digits: Uint8Array): void {
  for (let i = digits.length - 1; i >= 0; i--) {
    const next = (digits[i] as number) + 1;
    if (next < 32) {
      digits[i] = next;
      return;
    }
    digits[i] = 0;
  }
}

/**
 * A prefixed, opaque id that sorts by creation time (48-bit milliseconds, then 80 random bits,
 * Crockford base32), so "newest first" and cursors can both order by id. Within one isolate ids
 * are strictly increasing, even within the same millisecond (monotonic ULID).
 */
export function newId(prefix: IdPrefix): string {
  const now = Date.now();
  if (now > lastTime) {
    lastTime = now;
    const random = crypto.getRandomValues(new Uint8Array(16));
    for (let i = 0; i < 16; i++) lastRandom[i] = (random[i] as number) % 32;
  } else {
    increment(lastRandom);
  }
  let time = lastTime;
  const timePart = new Array<string>(10);
  for (let i = 9; i >= 0; i--) {
    timePart[i] = CROCKFORD[time % 32] as string;
    time = Math.floor(time / 32);
  }
  let randomPart = "";
  for (const digit of lastRandom) randomPart += CROCKFORD[digit];
  return `${prefix}_${timePart.join("")}${randomPart}`;
}

/** True when `value` is shaped like an id with the given prefix (checked before any query). */
export function isId(prefix: IdPrefix, value: string): boolean {
  return new RegExp(`^${prefix}_[0-9a-hjkmnp-tv-z]{26}$`).test(value);
}
