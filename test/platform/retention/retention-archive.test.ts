import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { archiveKey } from "../../../src/platform/retention/audit-archive";
import { runRetention } from "../../../src/platform/retention/job";
import { insertTenant, withOwnerSql } from "../../helpers/db";
import {
  archivesOf,
  brokenBucket,
  database,
  periods,
  present,
  seedAudit,
  sha256Hex,
  useRequestDatabase,
} from "./retention-fixtures";

useRequestDatabase();

describe("audit log archive", () => {
  it("writes pruned rows to R2 as NDJSON equal to the rows, before deleting them", async () => {
    const tricky = JSON.stringify({
      title: 'Ünïcödé — 書名 \u2028 "quoted" \\ back',
      nested: { list: [1, null, true, { deep: "x" }], empty: {} },
    }).replace(/}$/, ', "big": 123456789012345678901234567890, "exact": 0.10}');
    const seeded = await withOwnerSql(async (sql) => {
      const tenants = [await insertTenant(sql), await insertTenant(sql)];
      const ids: Record<string, string[]> = {};
      for (const t of tenants) {
        ids[t] = [
          await seedAudit(sql, t, { ageDays: 8, extraMicros: 123_457, beforeJson: tricky }),
          await seedAudit(sql, t, { ageDays: 8, extraMicros: 1, after: { price: 1250 } }),
          await seedAudit(sql, t, { ageDays: 7, requestId: "req_abc", before: [], after: "s" }),
        ];
      }
      const young = await seedAudit(sql, tenants[0] as string, { ageDays: 5 });
      // The rows exactly as Postgres holds them: jsonb as its text, created_at in microseconds.
      const all = Object.values(ids).flat();
      const rows = await sql`select id, tenant_id, actor_type, actor_id, action, target_type,
          target_id, request_id, before::text as before, after::text as after,
          (extract(epoch from created_at) * 1000000)::bigint::text as micros
        from audit_log where id in ${sql(all)}`;
      return { tenants, ids, young, rows };
    });

    // Each object is written while its rows are still in Postgres.
    const stillThereAtWrite: boolean[] = [];
    const watched = new Proxy(env.FILES, {
      get(target, prop) {
        if (prop === "put") {
          return async (key: string, body: Uint8Array, options: R2PutOptions) => {
            const lineIds = new TextDecoder()
              .decode(body)
              .trim()
              .split("\n")
              .map((l) => (JSON.parse(l) as { id: string }).id);
            stillThereAtWrite.push((await present("audit_log", lineIds)).length === lineIds.length);
            return target.put(key, body, options);
          };
        }
        const value = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const report = await runRetention(database, watched, periods);

    expect(stillThereAtWrite.length).toBeGreaterThanOrEqual(4);
    expect(stillThereAtWrite.every(Boolean)).toBe(true);
    expect(await present("audit_log", Object.values(seeded.ids).flat())).toEqual([]);
    expect(await present("audit_log", [seeded.young])).toEqual([seeded.young]);
    expect(report.tables.audit_log.deleted).toBeGreaterThanOrEqual(6);
    expect(report.tables.audit_log.complete).toBe(true);

    for (const tenant of seeded.tenants) {
      const objects = await archivesOf(env.FILES, tenant);
      // Two UTC days (the 8- and 7-day-old rows), one object each, keyed by id range.
      expect(objects).toHaveLength(2);
      const archived = new Map<string, Record<string, unknown>>();
      for (const object of objects) {
        expect(object.body.endsWith("\n")).toBe(true);
        const lines = object.body.trimEnd().split("\n");
        const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
        const first = records[0] as Record<string, string>;
        const last = records[records.length - 1] as Record<string, string>;
        const day = (first.created_at as string).slice(0, 10).replaceAll("-", "/");
        expect(object.key).toBe(archiveKey(tenant, day, String(first.id), String(last.id)));
        expect(object.metadata.sha256).toBe(await sha256Hex(object.body));
        expect(object.metadata.rows).toBe(String(records.length));
        records.forEach((r, i) => {
          archived.set(r.id as string, r);
          // Nested jsonb is archived as Postgres's own text: no digit of a big number lost.
          const row = seeded.rows.find((x) => x.id === r.id);
          if (row?.before) expect(lines[i]).toContain(`"before": ${row.before}`);
        });
      }
      for (const row of seeded.rows.filter((r) => r.tenant_id === tenant)) {
        const record = archived.get(row.id as string);
        expect(record, row.id as string).toBeDefined();
        expect(Object.keys(record ?? {}).sort()).toEqual(
          [
            "action",
            "actor_id",
            "actor_type",
            "after",
            "before",
            "created_at",
            "id",
            "request_id",
            "target_id",
            "target_type",
            "tenant_id",
          ].sort(),
        );
        for (const field of [
          "id",
          "tenant_id",
          "actor_type",
          "actor_id",
          "action",
          "target_type",
          "target_id",
          "request_id",
        ]) {
          expect(record?.[field], field).toBe(row[field]);
        }
        const parse = (text: string | null) => (text === null ? null : JSON.parse(text));
        expect(record?.before).toEqual(parse(row.before as string | null));
        expect(record?.after).toEqual(parse(row.after as string | null));
        const createdAt = record?.created_at as string;
        expect(createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
        const micros =
          BigInt(Date.parse(`${createdAt.slice(0, 23)}Z`)) * 1000n +
          BigInt(createdAt.slice(23, 26));
        expect(micros.toString()).toBe(row.micros);
      }
    }
  });

  it("deletes nothing when an archive write fails or cannot be read back, and archives on the next run", async () => {
    const { tenant, ids } = await withOwnerSql(async (sql) => {
      const t = await insertTenant(sql);
      return {
        tenant: t,
        ids: [
          await seedAudit(sql, t, { ageDays: 10, after: { n: 1 } }),
          await seedAudit(sql, t, { ageDays: 10, after: { n: 2 } }),
        ],
      };
    });
    await expect(runRetention(database, brokenBucket("throws"), periods)).rejects.toThrow(
      /R2 put failed/,
    );
    expect(await present("audit_log", ids)).toEqual([...ids].sort());
    await expect(runRetention(database, brokenBucket("drops"), periods)).rejects.toThrow(
      /not verified: missing after write/,
    );
    expect(await present("audit_log", ids)).toEqual([...ids].sort());
    expect(await archivesOf(env.FILES, tenant)).toEqual([]);

    await runRetention(database, env.FILES, periods);
    expect(await present("audit_log", ids)).toEqual([]);
    const [object] = await archivesOf(env.FILES, tenant);
    expect(
      object?.body
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l).id),
    ).toEqual(ids);
  });

  it("never replaces an archive object with other content at the same key", async () => {
    const { tenant, id, key } = await withOwnerSql(async (sql) => {
      const t = await insertTenant(sql);
      const row = await seedAudit(sql, t, { ageDays: 9 });
      const [day] = await sql`select to_char(created_at at time zone 'UTC', 'YYYY/MM/DD') as d
        from audit_log where id = ${row}`;
      return { tenant: t, id: row, key: archiveKey(t, day?.d as string, row, row) };
    });
    await env.FILES.put(key, "something else\n", { customMetadata: { sha256: "0".repeat(64) } });
    await expect(runRetention(database, env.FILES, periods)).rejects.toThrow(
      /other content is at this key/,
    );
    expect(await present("audit_log", [id])).toEqual([id]);
    expect((await archivesOf(env.FILES, tenant))[0]?.body).toBe("something else\n");
    await env.FILES.delete(key);
    await runRetention(database, env.FILES, periods);
    expect(await present("audit_log", [id])).toEqual([]);
  });

  it("keeps the object of a run that stopped after its write, and deletes the rows next time", async () => {
    const { tenant, ids } = await withOwnerSql(async (sql) => {
      const t = await insertTenant(sql);
      return { tenant: t, ids: [await seedAudit(sql, t, { ageDays: 9, before: { a: 1 } })] };
    });
    // A crash between the write and the delete: the object exists, the rows too.
    const crashing = new Proxy(env.FILES, {
      get(target, prop) {
        if (prop === "put") {
          return async (...args: Parameters<R2Bucket["put"]>) => {
            await target.put(...args);
            throw new Error("worker evicted (simulated)");
          };
        }
        const value = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    await expect(runRetention(database, crashing, periods)).rejects.toThrow(/evicted/);
    const [written] = await archivesOf(env.FILES, tenant);
    expect(await present("audit_log", ids)).toEqual(ids);

    // The next run finds the same bytes at the same key: nothing to write (a bucket lock would
    // refuse an overwrite), the rows go.
    const puts: string[] = [];
    const watched = new Proxy(env.FILES, {
      get(target, prop) {
        if (prop === "put") {
          return async (...args: Parameters<R2Bucket["put"]>) => {
            puts.push(args[0]);
            return target.put(...args);
          };
        }
        const value = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    await runRetention(database, watched, periods);
    expect(puts).toEqual([]);
    const after = await archivesOf(env.FILES, tenant);
    expect(after).toEqual([written]);
    expect(await present("audit_log", ids)).toEqual([]);
  });

  it("writes at most the object cap per run and reports the rest as left for the next run", async () => {
    const { tenant, ids } = await withOwnerSql(async (sql) => {
      const t = await insertTenant(sql);
      return {
        tenant: t,
        ids: [
          await seedAudit(sql, t, { ageDays: 12 }),
          await seedAudit(sql, t, { ageDays: 11 }),
          await seedAudit(sql, t, { ageDays: 10 }),
        ],
      };
    });
    const first = await runRetention(database, env.FILES, periods, { maxArchiveObjects: 2 });
    expect(first.tables.audit_log).toMatchObject({
      deleted: 2,
      archive_objects: 2,
      complete: false,
    });
    expect(await present("audit_log", ids)).toEqual([ids[2]]);
    const second = await runRetention(database, env.FILES, periods, { maxArchiveObjects: 2 });
    expect(second.tables.audit_log).toMatchObject({ deleted: 1, complete: true });
    expect(await archivesOf(env.FILES, tenant)).toHaveLength(3);
  });
});
