/**
 * The local rate limiting bindings count in fixed 60 s windows aligned to the wall clock: start a
 * sequence early in one, so its counts are not split by a window's end.
 */
export async function startOfWindow(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 15_000) await new Promise((resolve) => setTimeout(resolve, left + 200));
}
