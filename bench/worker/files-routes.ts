import { Hono } from "hono";
import { meter } from "../../src/features/files/streaming";
import type { AppEnv } from "../../src/platform/context";
import { AppError } from "../../src/platform/errors";
import { benchOnly } from "./guard";

/**
 * /bench/files: bare R2 upload and download (no authentication, no database, no hashing), the
 * baseline the file benchmark compares /v2/files against. Development/test with BENCH_ROUTES only.
 */
export const fileBenchRoutes = new Hono<AppEnv>()
  .use("*", benchOnly())
  .put("/r2/:name", async (c) => {
    const name = c.req.param("name");
    if (!/^[a-z0-9-]{1,64}$/.test(name) || !c.req.raw.body) throw new AppError("not_found");
    const object = await c.env.FILES.put(`bench/${name}`, c.req.raw.body);
    return c.json({ size: object?.size ?? 0 }, 201);
  })
  // The same, through the product's byte counter and SHA-256 (no auth, no database).
  .put("/r2-metered/:name", async (c) => {
    const name = c.req.param("name");
    const length = Number(c.req.header("content-length"));
    if (!/^[a-z0-9-]{1,64}$/.test(name) || !c.req.raw.body) throw new AppError("not_found");
    const metered = meter(c.req.raw.body, length, length);
    const object = await c.env.FILES.put(`bench/${name}`, metered.readable);
    return c.json({ size: object?.size ?? 0, sha256: await metered.sha256() }, 201);
  })
  .get("/r2/:name", async (c) => {
    const object = await c.env.FILES.get(`bench/${c.req.param("name")}`);
    if (!object) throw new AppError("not_found");
    return new Response(object.body, {
      headers: {
        "content-length": String(object.size),
        "content-type": "application/octet-stream",
      },
    });
  });
