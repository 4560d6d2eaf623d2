import { describe, expect, it } from "vitest";
import * as v2 from "../../src/features/books/routes";
import { BookIdParamSchema, IfMatchHeaderSchema } from "../../src/features/books/schemas";
import { V1BookSchema, V1UpdateBookSchema } from "../../src/features/books/v1-schemas";
import {
  errorResponses,
  idempotencyKeyParameter,
  jsonResponse,
  problemFor,
  tenantSecurity,
} from "../../src/platform/openapi";
import { v1Twin } from "../../src/platform/v1-twin";

const keyed = { keyed: true } as const;

describe("v1Twin: a v1 declaration from its v2 twin", () => {
  it("keeps method, path, security, request and middleware, and marks the operation deprecated", () => {
    const v1 = v1Twin(v2.update, {
      operationId: "updateBookV1",
      summary: "Update a book (editor). Deprecated: use PATCH /v2/books/{id}",
      body: V1UpdateBookSchema,
      responses: { 200: jsonResponse("v1", "Updated", V1BookSchema, keyed) },
    });
    expect(v1.method).toBe("patch");
    expect(v1.path).toBe("/{id}");
    expect(v1.getRoutingPath()).toBe("/:id");
    expect(v1.security).toBe(tenantSecurity);
    expect(v1.middleware).toBe(v2.update.middleware);
    expect(v1.tags).toEqual(["v1 (deprecated)"]);
    expect(v1.deprecated).toBe(true);
    expect(v1.operationId).toBe("updateBookV1");
    expect(v1.description).toBe(v2.update.description);
    expect(v1.parameters).toEqual(idempotencyKeyParameter);
    expect(v1.request.params).toBe(BookIdParamSchema);
    expect(v1.request.headers).toBe(IfMatchHeaderSchema);
    expect(v1.request.body.content["application/json"].schema).toBe(V1UpdateBookSchema);
    expect(v1.request.body.required).toBe(true);
    expect(v2.update.request.body.content["application/json"].schema).not.toBe(V1UpdateBookSchema);
  });

  it("answers v2's problems with v1's headers, and the delta's successes as given", () => {
    const success = jsonResponse("v1", "Updated", V1BookSchema, keyed);
    const v1 = v1Twin(v2.update, {
      operationId: "updateBookV1",
      summary: "Update a book (editor). Deprecated: use PATCH /v2/books/{id}",
      responses: { 200: success },
    });
    expect(v1.responses[200]).toBe(success);
    expect(JSON.stringify(v1.responses)).toBe(
      JSON.stringify({
        200: success,
        404: problemFor("v1", "No such book in this tenant (not_found)", keyed),
        412: problemFor("v1", v2.update.responses[412].description, keyed),
        ...errorResponses("v1", { ...keyed, body: "json" }),
        409: problemFor("v1", v2.update.responses[409].description, { ...keyed, retryAfter: true }),
      }),
    );
    // The v2 declaration is left as it was.
    expect(Object.keys(v2.update.responses[404].headers)).not.toContain("Deprecation");
  });

  it("drops the conditional GET (If-None-Match, 304) v1 never had", () => {
    const v1 = v1Twin(v2.get, {
      operationId: "getBookV1",
      summary: "Get a book (viewer). Deprecated: use GET /v2/books/{id}",
      description: "One book in the v1 representation.",
      responses: { 200: jsonResponse("v1", "The book", V1BookSchema, { headers: ["ETag"] }) },
    });
    expect(v1).not.toHaveProperty("parameters");
    expect(Object.keys(v1.responses)).not.toContain("304");
    expect(v1.description).toBe("One book in the v1 representation.");
    expect(v1.responses[404]).toEqual(problemFor("v1", "No such book in this tenant (not_found)"));
  });
});
