import { type Schema, Validator } from "@cfworker/json-schema";
import { call } from "../../helpers/http";
import { bearer } from "../../helpers/tenant";

/** One entry of GET /v2/event-types. */
export interface EventTypeEntry {
  type: string;
  description: string;
  schema: Schema;
  example: { type: string; timestamp: string; data: unknown };
}

/** The served catalog (any role's key). */
export async function servedCatalog(key: string): Promise<EventTypeEntry[]> {
  const response = await call("/v2/event-types", { headers: bearer(key) });
  if (response.status !== 200) throw new Error(`event-types: ${response.status}`);
  return ((await response.json()) as { data: EventTypeEntry[] }).data;
}

/** Validators by event type, from the served JSON Schemas (an independent validator). */
export function validatorsOf(catalog: EventTypeEntry[]): Map<string, Validator> {
  return new Map(
    catalog.map((entry) => [entry.type, new Validator(entry.schema, "2020-12", false)]),
  );
}

/** The validation errors of one payload, as short lines ("" when valid). */
export function problemsOf(validator: Validator, payload: unknown): string {
  const result = validator.validate(payload);
  return result.valid
    ? ""
    : result.errors.map((e) => `${e.instanceLocation}: ${e.error}`).join("; ");
}
