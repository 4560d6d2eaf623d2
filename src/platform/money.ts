import { z } from "@hono/zod-openapi";
import { AppError } from "./errors";

// ISO 4217 minor-unit exponents that differ from 2; every other currency has 2 decimals.
const EXPONENTS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** Largest amount a price or total may hold (the database column is a 32-bit integer). */
export const MAX_AMOUNT = 2_147_483_647;

export const CurrencySchema = z
  .string()
  .length(3)
  .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code (3 uppercase letters)")
  .openapi({ example: "EUR" });

/** v2 money: integer minor units and an ISO 4217 currency. */
export const MoneySchema = z
  .strictObject({
    amount: z.number().int().min(0).max(MAX_AMOUNT).openapi({ example: 1250 }),
    currency: CurrencySchema,
  })
  .openapi("Money");

/** The number of decimals of a currency's minor unit (ISO 4217). */
export function currencyExponent(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}

/** Integer minor units → v1 decimal string ("12.50" for 1250 EUR, "1250" for 1250 JPY). */
export function toDecimalString(amount: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return String(amount);
  const padded = String(amount).padStart(exponent + 1, "0");
  return `${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

/**
 * v1 decimal string → integer minor units. More decimals than the currency has, or an amount
 * beyond MAX_AMOUNT, is a 400 on `path`.
 */
export function fromDecimalString(value: string, currency: string, path: string): number {
  const exponent = currencyExponent(currency);
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(value);
  const fraction = match?.[2] ?? "";
  if (!match || fraction.length > exponent) {
    throw new AppError("validation_failed", "The request is invalid.", {
      errors: [
        { path, message: `must be a decimal with at most ${exponent} decimals for ${currency}` },
      ],
    });
  }
  const amount = Number(match[1] + fraction.padEnd(exponent, "0"));
  if (amount > MAX_AMOUNT) {
    throw new AppError("validation_failed", "The request is invalid.", {
      errors: [{ path, message: "is too large" }],
    });
  }
  return amount;
}
