import { describe, expect, it } from "vitest";
import { documentObject } from "../../../src/platform/openapi";
import { call } from "../../helpers/http";

interface Index {
  name: string;
  version: string;
  links: Record<string, string>;
}

describe("GET /", () => {
  it("answers a small JSON index with links to the reference, the document and readiness", async () => {
    const response = await call("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json\b/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const body = (await response.json()) as Index;
    expect(body).toEqual({
      name: "Shelfwise Edge API",
      version: documentObject("").info.version,
      links: { docs: "/docs", openapi: "/openapi.json", readiness: "/health/ready" },
    });
  });

  it("links to pages that answer", async () => {
    const body = (await (await call("/")).json()) as Index;
    for (const path of Object.values(body.links)) {
      const response = await call(path);
      expect(response.status, path).toBe(200);
      await response.body?.cancel();
    }
  });

  it("needs no credential, and a bad one changes nothing", async () => {
    const response = await call("/", { headers: { authorization: "Bearer sk_test_not_a_key" } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Index).links.docs).toBe("/docs");
  });

  it("is in the OpenAPI document as a public operation", async () => {
    const spec = (await (await call("/openapi.json")).json()) as {
      paths: Record<string, Record<string, { security?: unknown[]; operationId?: string }>>;
    };
    expect(spec.paths["/"]?.get?.operationId).toBe("getApiIndex");
    expect(spec.paths["/"]?.get?.security).toEqual([]);
  });

  it("answers HEAD too, and still 404s for unknown paths", async () => {
    expect((await call("/", { method: "HEAD" })).status).toBe(200);
    expect((await call("/nothing-here")).status).toBe(404);
  });
});
