import { describe, expect, it } from "vitest";
import { relayTenant } from "../../../src/platform/webhooks/relay";
import { withOwnerSql } from "../../helpers/db";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { typedClient } from "../../helpers/typed-client";
import { fetchSigned, runExportJob } from "../exports/fixtures";
import { pump, received, recordEvents, webhookEnv } from "./delivery-fixtures";
import { adminCall, endpointTo, fastTenant } from "./fixtures";

const harness = webhookEnv();
const URL_OK = "https://93.184.215.14/hook";
const TOKEN = `Bearer ${"k".repeat(36)}`; // 43 characters
const BOOK = { type: "book.created" as const, data: { id: "book_1", title: "Dune" } };

type Endpoint = { id: string; headers: Record<string, string>; ordering: string };

async function createEndpoint(key: string, fields: Record<string, unknown>) {
  return call(
    "/v2/webhook-endpoints",
    {
      method: "POST",
      headers: { ...bearer(key), "content-type": "application/json" },
      body: JSON.stringify({ url: URL_OK, ...fields }),
    },
    harness.bindings,
  );
}

async function patchEndpoint(key: string, id: string, fields: Record<string, unknown>) {
  return call(
    `/v2/webhook-endpoints/${id}`,
    {
      method: "PATCH",
      headers: { ...bearer(key), "content-type": "application/json" },
      body: JSON.stringify(fields),
    },
    harness.bindings,
  );
}

async function storedColumns(id: string) {
  const [row] = await withOwnerSql(
    (sql) =>
      sql`select custom_headers_ciphertext, custom_header_hints, ordering from webhook_endpoints where id = ${id}`,
  );
  return row as {
    custom_headers_ciphertext: string | null;
    custom_header_hints: Record<string, string> | null;
    ordering: string;
  };
}

describe("receiver authentication headers", () => {
  it("sends the configured headers with every delivery, next to the signature", async () => {
    const tenant = await fastTenant();
    const endpoint = await endpointTo(
      harness,
      tenant,
      { default: { status: 204 } },
      { headers: { Authorization: TOKEN, "X-Receiver-Key": "rk_live_123" } },
    );
    await recordEvents(tenant.id, [BOOK, BOOK]);
    expect(await relayTenant(harness.env, tenant.id)).toBe(2);
    await pump(harness);

    const got = await received(endpoint.name);
    expect(got).toHaveLength(2);
    for (const delivery of got) {
      expect(delivery.headers.authorization).toBe(TOKEN);
      expect(delivery.headers["x-receiver-key"]).toBe("rk_live_123");
      expect(delivery.headers["content-type"]).toBe("application/json");
      expect(delivery.verified).toEqual([true]);
    }
  });

  it("sends nothing extra once the headers are cleared, and the new set after a replace", async () => {
    const tenant = await fastTenant();
    const endpoint = await endpointTo(
      harness,
      tenant,
      { default: { status: 204 } },
      { headers: { Authorization: TOKEN } },
    );
    const replaced = await adminCall(
      harness,
      tenant,
      `/webhook-endpoints/${endpoint.id}`,
      "PATCH",
      {
        headers: { "X-Api-Key": "replacement-value-0001" },
      },
    );
    expect(replaced.status).toBe(200);
    expect(((await replaced.json()) as Endpoint).headers).toEqual({
      "X-Api-Key": "repl…(redacted, 22 chars)",
    });
    await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    await pump(harness);
    const [first] = await received(endpoint.name);
    expect(first?.headers["x-api-key"]).toBe("replacement-value-0001");
    expect(first?.headers).not.toHaveProperty("authorization");

    const cleared = await adminCall(harness, tenant, `/webhook-endpoints/${endpoint.id}`, "PATCH", {
      headers: null,
    });
    expect(((await cleared.json()) as Endpoint).headers).toEqual({});
    expect(await storedColumns(endpoint.id)).toMatchObject({
      custom_headers_ciphertext: null,
      custom_header_hints: null,
    });
    await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    await pump(harness);
    const second = (await received(endpoint.name))[1];
    expect(second?.headers).not.toHaveProperty("x-api-key");
  });

  it("stores the values only encrypted and shows only masked hints (create, get, list, audit)", async () => {
    const tenant = await createTestTenant();
    const created = await createEndpoint(tenant.adminKey, {
      headers: { Authorization: TOKEN, "X-Short": "s3cr3t" },
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as Endpoint;
    const hints = { Authorization: "Bear…(redacted, 43 chars)", "X-Short": "…(redacted, 6 chars)" };
    expect(body.headers).toEqual(hints);

    const got = await adminCall(harness, tenant, `/webhook-endpoints/${body.id}`);
    const listed = await adminCall(harness, tenant, "/webhook-endpoints");
    const audit = await call("/v2/audit-log", { headers: bearer(tenant.adminKey) });
    for (const response of [got, listed, audit]) {
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).not.toContain("k".repeat(36));
      expect(text).not.toContain("s3cr3t");
    }
    expect(
      (
        (await (
          await adminCall(harness, tenant, `/webhook-endpoints/${body.id}`)
        ).json()) as Endpoint
      ).headers,
    ).toEqual(hints);

    const stored = await storedColumns(body.id);
    expect(stored.custom_header_hints).toEqual(hints);
    expect(stored.custom_headers_ciphertext).toBeTruthy();
    expect(stored.custom_headers_ciphertext).not.toContain("Bearer");
    expect(atob(stored.custom_headers_ciphertext as string)).not.toContain("Authorization");
  });

  it("leaves the values out of the tenant's data export", async () => {
    const tenant = await createTestTenant();
    const created = await createEndpoint(tenant.adminKey, { headers: { Authorization: TOKEN } });
    expect(created.status).toBe(201);
    const client = typedClient(tenant.adminKey);
    const requested = await client.v2.tenant.export.$post();
    if (requested.status !== 202) throw new Error(`export answered ${requested.status}`);
    const { id } = await requested.json();
    await runExportJob(id);
    const read = await client.v2.tenant.exports[":id"].$get({ param: { id } });
    if (read.status !== 200) throw new Error(`export read answered ${read.status}`);
    const done = await read.json();
    expect(done.status).toBe("completed");
    let endpointsSeen = false;
    for (const file of done.files) {
      if (file.download_url === null) throw new Error(`${file.table}: no download_url`);
      const { text } = await fetchSigned(file.download_url);
      expect(text, file.table).not.toContain("k".repeat(36));
      expect(text, file.table).not.toContain("custom_headers_ciphertext");
      if (file.table === "webhook_endpoints") {
        endpointsSeen = true;
        expect(text).toContain("Bear…(redacted, 43 chars)");
      }
    }
    expect(endpointsSeen).toBe(true);
  });

  it("refuses reserved, hop-by-hop, malformed and repeated names, naming the header", async () => {
    const tenant = await createTestTenant();
    const refused: Array<[Record<string, string>, string]> = [
      [{ "webhook-signature": "v1,forged" }, "webhook-signature"],
      [{ "Webhook-Id": "x" }, "Webhook-Id"],
      [{ Host: "evil.example" }, "Host"],
      [{ "Content-Type": "text/plain" }, "Content-Type"],
      [{ "content-length": "1" }, "content-length"],
      [{ "Transfer-Encoding": "chunked" }, "Transfer-Encoding"],
      [{ Connection: "close" }, "Connection"],
      [{ "Keep-Alive": "timeout=5" }, "Keep-Alive"],
      [{ Upgrade: "websocket" }, "Upgrade"],
      [{ TE: "trailers" }, "TE"],
      [{ "Proxy-Authorization": "Basic x" }, "Proxy-Authorization"],
      [{ "User-Agent": "x" }, "User-Agent"],
      [{ "CF-Connecting-IP": "1.2.3.4" }, "CF-Connecting-IP"],
      [{ "Bad Name": "x" }, "Bad Name"],
      [{ "X-Key": "line\nbreak" }, "X-Key"],
      [{ "X-Key": " padded" }, "X-Key"],
      [{ "X-Key": "" }, "X-Key"],
      [{ "X-Key": "é" }, "X-Key"],
      [{ "X-Key": "a", "x-key": "b" }, "x-key"],
    ];
    for (const [headers, name] of refused) {
      const response = await createEndpoint(tenant.adminKey, { headers });
      expect(response.status, name).toBe(400);
      const problem = await readProblem(response);
      expect(problem.code).toBe("validation_failed");
      expect(
        problem.errors?.map((e) => e.path),
        name,
      ).toContain(`json.headers.${name}`);
      expect(problem.errors?.map((e) => e.message).join(" "), name).toContain(name);
    }
    const six = Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`X-H${i}`, "v"]));
    const tooBig = {
      "X-A": "a".repeat(1024),
      "X-B": "b".repeat(1024),
      "X-C": "c".repeat(1024),
      "X-D": "d".repeat(1024),
      "X-E": "e",
    };
    for (const headers of [six, tooBig, { "X-Long": "v".repeat(1025) }, { "X-N": 1 }, ["x"]]) {
      const response = await createEndpoint(tenant.adminKey, { headers });
      expect(response.status).toBe(400);
    }
    // Nothing was created by the refused requests.
    const listed = (await (await adminCall(harness, tenant, "/webhook-endpoints")).json()) as {
      data: unknown[];
    };
    expect(listed.data).toHaveLength(0);

    const ok = (await (await createEndpoint(tenant.adminKey, {})).json()) as Endpoint;
    const patched = await patchEndpoint(tenant.adminKey, ok.id, { headers: { Host: "x" } });
    expect(patched.status).toBe(400);
    expect(await storedColumns(ok.id)).toMatchObject({ custom_headers_ciphertext: null });
  });

  it("refuses a header named __proto__ (400) instead of dropping it, and a PATCH with it keeps the stored headers", async () => {
    const tenant = await createTestTenant();
    // Raw JSON: a `__proto__` key in a JS object literal would set the prototype, not a member.
    const raw = (method: string, path: string, json: string) =>
      call(
        `/v2/webhook-endpoints${path}`,
        {
          method,
          headers: { ...bearer(tenant.adminKey), "content-type": "application/json" },
          body: json,
        },
        harness.bindings,
      );
    const refusedCreate = await raw(
      "POST",
      "",
      `{"url":"${URL_OK}","headers":{"__proto__":"x","Authorization":"${TOKEN}"}}`,
    );
    expect(refusedCreate.status).toBe(400);
    const problem = await readProblem(refusedCreate);
    expect(problem.errors?.map((e) => e.path)).toContain("json.headers.__proto__");

    const created = await createEndpoint(tenant.adminKey, { headers: { Authorization: TOKEN } });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as Endpoint;
    const before = await storedColumns(id);
    const refusedPatch = await raw("PATCH", `/${id}`, '{"headers":{"__proto__":"Bearer x"}}');
    expect(refusedPatch.status).toBe(400);
    const after = await storedColumns(id);
    expect(after).toEqual(before);
    expect(Object.keys(after.custom_header_hints ?? {})).toEqual(["Authorization"]);
  });

  it("lets only an admin of the endpoint's own tenant set headers", async () => {
    const [tenant, other] = await Promise.all([createTestTenant(), createTestTenant()]);
    const created = (await (
      await createEndpoint(tenant.adminKey, { headers: { Authorization: TOKEN } })
    ).json()) as Endpoint;
    const asEditor = await createEndpoint(tenant.editorKey, { headers: { Authorization: TOKEN } });
    expect(asEditor.status).toBe(403);
    const noKey = await call(
      "/v2/webhook-endpoints",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ url: URL_OK, headers: { Authorization: TOKEN } }),
      },
      harness.bindings,
    );
    expect(noKey.status).toBe(401);
    const foreign = await patchEndpoint(other.adminKey, created.id, { headers: null });
    expect(foreign.status).toBe(404);
    expect(await storedColumns(created.id)).toMatchObject({
      custom_header_hints: { Authorization: "Bear…(redacted, 43 chars)" },
    });
  });
});

describe("endpoint ordering field", () => {
  it("defaults to unordered, accepts per_resource at creation and update, and refuses others", async () => {
    const tenant = await createTestTenant();
    const plain = (await (await createEndpoint(tenant.adminKey, {})).json()) as Endpoint;
    expect(plain.ordering).toBe("unordered");
    const ordered = await createEndpoint(tenant.adminKey, { ordering: "per_resource" });
    expect(ordered.status).toBe(201);
    const orderedBody = (await ordered.json()) as Endpoint;
    expect(orderedBody.ordering).toBe("per_resource");
    expect((await storedColumns(orderedBody.id)).ordering).toBe("per_resource");

    const patched = await patchEndpoint(tenant.adminKey, plain.id, { ordering: "per_resource" });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as Endpoint).ordering).toBe("per_resource");
    const back = await patchEndpoint(tenant.adminKey, plain.id, { ordering: "unordered" });
    expect(((await back.json()) as Endpoint).ordering).toBe("unordered");
    const shown = (await (
      await adminCall(harness, tenant, `/webhook-endpoints/${orderedBody.id}`)
    ).json()) as Endpoint;
    expect(shown.ordering).toBe("per_resource");

    for (const ordering of ["fifo", "", null, 1]) {
      const refused = await createEndpoint(tenant.adminKey, { ordering });
      expect(refused.status).toBe(400);
      expect((await readProblem(refused)).errors?.[0]?.path).toBe("json.ordering");
      const refusedPatch = await patchEndpoint(tenant.adminKey, plain.id, { ordering });
      expect(refusedPatch.status).toBe(400);
    }
    expect((await storedColumns(plain.id)).ordering).toBe("unordered");
  });
});
