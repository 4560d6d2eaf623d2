import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../../../src/platform/event-schemas";
import { call } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { problemsOf, servedCatalog, validatorsOf } from "./catalog";

type Schema = { properties?: Record<string, Schema>; $ref?: string; [key: string]: unknown };

describe("GET /v2/event-types", () => {
  it("lists every event type with a description, a JSON Schema and an example that satisfies it", async () => {
    const tenant = await createTestTenant();
    const catalog = await servedCatalog(tenant.viewerKey);
    expect(catalog.map((e) => e.type)).toEqual([...EVENT_TYPES]);
    const validators = validatorsOf(catalog);
    const validatorOf = (type: string) => {
      const validator = validators.get(type);
      if (!validator) throw new Error(`no validator for ${type}`);
      return validator;
    };
    for (const entry of catalog) {
      expect(entry.description.length, entry.type).toBeGreaterThan(10);
      expect(entry.example.type).toBe(entry.type);
      expect(problemsOf(validatorOf(entry.type), entry.example), entry.type).toBe("");
      // Strict: a member the catalog does not declare is refused, and another type's body too.
      const extra = { ...entry.example, data: { ...(entry.example.data as object), extra: 1 } };
      expect(problemsOf(validatorOf(entry.type), extra), entry.type).not.toBe("");
      const other = {
        ...entry.example,
        type: entry.type === "book.created" ? "book.updated" : "book.created",
      };
      expect(problemsOf(validatorOf(entry.type), other), entry.type).not.toBe("");
    }
  });

  it("answers every role the same, and holds no tenant data (no cross-tenant aspect)", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    const bodies = await Promise.all(
      [a.viewerKey, a.editorKey, a.adminKey, b.viewerKey].map(async (key) => {
        const response = await call("/v2/event-types", { headers: bearer(key) });
        expect(response.status).toBe(200);
        return response.text();
      }),
    );
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).not.toContain(a.id);
    expect(bodies[0]).not.toContain(b.id);
  });

  it("refuses a request without a valid credential (401)", async () => {
    const missing = await call("/v2/event-types");
    expect(missing.status).toBe(401);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    const wrong = await call("/v2/event-types", { headers: bearer("sk_test_not_a_real_key") });
    expect(wrong.status).toBe(401);
  });

  it("is what the OpenAPI document declares under webhooks, from the same schemas", async () => {
    const tenant = await createTestTenant();
    const catalog = await servedCatalog(tenant.viewerKey);
    const doc = (await (await call("/openapi.json")).json()) as {
      webhooks: Record<string, { post: Record<string, unknown> }>;
      components: { schemas: Record<string, Schema> };
    };
    expect(Object.keys(doc.webhooks).sort()).toEqual([...EVENT_TYPES].sort());
    const resolve = (schema: Schema): Schema => {
      const target = schema.$ref
        ? doc.components.schemas[schema.$ref.split("/").at(-1) ?? ""]
        : schema;
      if (!target) throw new Error(`unresolved ${schema.$ref}`);
      return target.$ref ? resolve(target) : target;
    };
    for (const entry of catalog) {
      const post = doc.webhooks[entry.type]?.post as {
        requestBody: { content: { "application/json": { schema: Schema } } };
        parameters: Array<{ name: string; in: string }>;
      };
      expect(post.parameters.map((p) => `${p.in}:${p.name}`).sort()).toEqual([
        "header:webhook-id",
        "header:webhook-signature",
        "header:webhook-timestamp",
      ]);
      const body = resolve(post.requestBody.content["application/json"].schema);
      const served = entry.schema as Schema;
      expect(Object.keys(body.properties ?? {})).toEqual(Object.keys(served.properties ?? {}));
      const dataOf = (s: Schema) => resolve(s.properties?.data as Schema);
      expect(Object.keys(dataOf(body).properties ?? {}), entry.type).toEqual(
        Object.keys(dataOf(served).properties ?? {}),
      );
      expect(dataOf(body).additionalProperties, entry.type).toBe(false);
    }
  });
});
