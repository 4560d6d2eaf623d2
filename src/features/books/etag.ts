/**
 * The book's entity tag: its id and version. Strong, but matched ignoring a `W/` prefix, because
 * intermediaries (Cloudflare's compression among them) weaken strong ETags on the way out.
 */
export function bookEtag(book: { id: string; version: number }): string {
  return `"${book.id}.v${book.version}"`;
}

/** True when an If-Match header value (`*` or a list of ETags) matches the current ETag. */
export function ifMatchSatisfied(header: string, current: string): boolean {
  const value = header.trim();
  if (value === "*") return true;
  return value
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .includes(current);
}
