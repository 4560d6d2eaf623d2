/** Strips the separators people type into ISBNs (hyphens and spaces). */
export function normalizeIsbn(input: string): string {
  return input.replace(/[-\s]/g, "");
}

/**
 * True for an ISBN-13 (hyphens and spaces allowed) whose check digit is right: digits weighted
 * 1,3,1,3,… sum to a multiple of 10.
 */
export function isValidIsbn13(input: string): boolean {
  const digits = normalizeIsbn(input);
  if (!/^\d{13}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3);
  return sum % 10 === 0;
}
