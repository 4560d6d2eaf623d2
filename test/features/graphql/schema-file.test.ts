import { describe, expect, it } from "vitest";
import committed from "../../../docs/schema.graphql?raw";
import { call } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";

describe("GET /v2/graphql/schema.graphql", () => {
  it("serves the SDL, and the committed docs/schema.graphql is the same text", async () => {
    const tenant = await createTestTenant();
    const response = await call("/v2/graphql/schema.graphql", {
      headers: bearer(tenant.viewerKey),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const served = await response.text();
    expect(served).toContain("type Query {");
    // On a difference, write the served text to docs/schema.graphql (docs/graphql.md, "Schema").
    expect(served).toBe(committed);
  });
});
