import { type Schema, Validator } from "@cfworker/json-schema";
import { typedClient } from "../../helpers/typed-client";

/** The served catalog (any role's key), typed by the route (typed client). */
export async function servedCatalog(key: string) {
  const response = await typedClient(key).v2["event-types"].$get();
  if (response.status !== 200) throw new Error(`event-types: ${response.status}`);
  return (await response.json()).data;
}

/** One entry of GET /v2/event-types. */
export type EventTypeEntry = Awaited<ReturnType<typeof servedCatalog>>[number];

/** Validators by event type, from the served JSON Schemas (an independent validator). */
export function validatorsOf(catalog: EventTypeEntry[]): Map<string, Validator> {
  return new Map(
    catalog.map((entry) => [entry.type, new Validator(entry.schema as Schema, "2020-12", false)]),
  );
}

/** The validation errors of one payload, as short lines ("" when valid). */
export function problemsOf(validator: Validator, payload: unknown): string {
  const result = validator.validate(payload);
  return result.valid
    ? ""
    : result.errors.map((e) => `${e.instanceLocation}: ${e.error}`).join("; ");
}
