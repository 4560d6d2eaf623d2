import { z } from "@hono/zod-openapi";

/**
 * Building blocks for request schemas whose bounds are the database's bounds, so that every
 * refusal is a 400 `validation_failed` naming the field, never a Postgres data exception (500).
 * Rules (docs/input-validation.md): every string a client sends is storable and bounded; every
 * integer is bounded by its column type.
 */

// A UTF-16 surrogate without its partner: not encodable as UTF-8, refused by jsonb, and silently
// replaced by U+FFFD in text columns.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_TEXT_MESSAGE = "must not contain NUL characters or unpaired surrogates";

/** True for text Postgres can store as is: no NUL (text cannot hold it), no lone surrogate. */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

/** Any string a client may send (path, query, header or body): at most `max` characters, storable. */
export const storableString = (max: number) =>
  z.string().max(max).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

/** Client text such as a name or title: trimmed, 1 to `max` characters, storable. */
export const safeText = (max: number) =>
  z.string().trim().min(1).max(max).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

/** Optional free text that may be empty after trimming (descriptions): at most `max`, storable. */
export const optionalText = (max: number) =>
  z.string().trim().max(max).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

/** A resource id in a path or a reference: an unknown or malformed id is the service's 404. */
export const idString = () => storableString(64);

/** Bounds of Postgres `integer` (int4) and of the integers JavaScript holds exactly (`bigint` columns). */
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;
export const INT8_SAFE_MAX = Number.MAX_SAFE_INTEGER;

/** A timestamp the API answers with: RFC 3339 in UTC (documentation only, never validated). */
export const timestamp = () =>
  z.string().openapi({ format: "date-time", example: "2026-11-29T10:15:30.000Z" });

/**
 * A client-named map (`z.record`) that refuses, with a 400 naming it, a key no plain object can
 * hold: JSON gives `"__proto__"` as an own key, but every object built from it (zod's parse
 * included) treats it as the prototype, so the entry would vanish silently (and a PATCH that
 * replaces the map would wipe what was stored).
 */
export function storableRecord<T extends z.ZodType>(record: T) {
  return z.preprocess((value, ctx) => {
    if (value !== null && typeof value === "object" && Object.hasOwn(value, "__proto__")) {
      ctx.addIssue({
        code: "custom",
        path: ["__proto__"],
        message: '"__proto__" cannot be used as a name',
      });
      return z.NEVER;
    }
    return value;
  }, record);
}
