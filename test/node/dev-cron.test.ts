/**
 * `npm run dev` runs wrangler.toml's cron triggers itself (wrangler dev runs none): which
 * expression fires at which minute (UTC), what is refused, and the ticker that calls the Worker.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  cronsFromWranglerToml,
  describeCron,
  dueCrons,
  parseCron,
  scheduledUrl,
  startCronTicker,
  startDevCrons,
} from "../../scripts/lib/dev-cron.mjs";

const WRANGLER_CRONS = cronsFromWranglerToml(readFileSync("wrangler.toml", "utf8"));
const at = (iso: string) => new Date(iso);

/** A clock and timers under the test's control: `advance(ms)` runs what falls due. */
function fakeClock(startIso: string) {
  let now = Date.parse(startIso);
  let pending: { at: number; callback: () => void } | null = null;
  return {
    now: () => now,
    setTimer: (callback: () => void, ms: number) => {
      pending = { at: now + ms, callback };
      return pending;
    },
    clearTimer: () => {
      pending = null;
    },
    async advance(ms: number) {
      const end = now + ms;
      while (pending && pending.at <= end) {
        const due: { at: number; callback: () => void } = pending;
        pending = null;
        now = Math.max(now, due.at);
        due.callback();
        await new Promise((resolve) => setImmediate(resolve));
      }
      now = end;
    },
    /** The machine slept: time passes, no timer runs. */
    sleep(ms: number) {
      now += ms;
    },
    get scheduled() {
      return pending !== null;
    },
  };
}

describe("the crons of wrangler.toml", () => {
  it("are the three the dev scheduler supports", () => {
    expect(WRANGLER_CRONS).toEqual(["* * * * *", "0 * * * *", "30 3 * * *"]);
    expect(WRANGLER_CRONS.map((cron) => describeCron(parseCron(cron)))).toEqual([
      "every minute",
      "hourly at :00",
      "daily at 03:30 UTC",
    ]);
  });

  it("fire at the right minutes of a day (UTC): 1440, 24 and 1 times", () => {
    const parsed = WRANGLER_CRONS.map(parseCron);
    const counts = new Map<string, string[]>();
    const start = Date.parse("2026-11-29T00:00:00Z");
    for (let minute = 0; minute < 24 * 60; minute++) {
      const date = new Date(start + minute * 60_000);
      for (const cron of dueCrons(parsed, date)) {
        counts.set(cron, [...(counts.get(cron) ?? []), date.toISOString().slice(11, 16)]);
      }
    }
    expect(counts.get("* * * * *")).toHaveLength(1440);
    expect(counts.get("0 * * * *")).toEqual(
      Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2, "0")}:00`),
    );
    expect(counts.get("30 3 * * *")).toEqual(["03:30"]);
  });

  it("say which are due at a given minute", () => {
    const parsed = WRANGLER_CRONS.map(parseCron);
    expect(dueCrons(parsed, at("2026-11-29T14:07:00Z"))).toEqual(["* * * * *"]);
    expect(dueCrons(parsed, at("2026-11-29T14:00:00Z"))).toEqual(["* * * * *", "0 * * * *"]);
    expect(dueCrons(parsed, at("2026-11-29T03:30:00Z"))).toEqual(["* * * * *", "30 3 * * *"]);
    // 03:30 in another time zone is not 03:30 UTC.
    expect(dueCrons(parsed, at("2026-11-29T03:30:00+01:00"))).toEqual(["* * * * *"]);
  });
});

describe("parseCron", () => {
  it.each([
    ["*/5 * * * *", /"\*\/5" in the minute field/],
    ["0 9 * * 1", /"1" in the day of week field/],
    ["0 0 1 * *", /"1" in the day of month field/],
    ["0 9-17 * * *", /"9-17" in the hour field/],
    ["60 * * * *", /"60" in the minute field \(a number from 0 to 59\)/],
    ["0 24 * * *", /"24" in the hour field/],
    ["* * * *", /4 fields instead of 5/],
    ["@daily", /1 fields instead of 5/],
  ])("refuses %j with an error that names it", (cron, reason) => {
    expect(() => parseCron(cron)).toThrow(reason);
    expect(() => parseCron(cron)).toThrow(`cron "${cron}"`);
  });

  it("reads the crons of a [triggers] table written over several lines", () => {
    const toml = `[vars]\nA = "b"\n\n[triggers]\n# comment\ncrons = [\n  "5 * * * *", # hourly\n  "0 4 * * *",\n]\n\n[observability]\nenabled = true\n`;
    expect(cronsFromWranglerToml(toml)).toEqual(["5 * * * *", "0 4 * * *"]);
    expect(cronsFromWranglerToml('[vars]\nA = "b"\n')).toEqual([]);
  });
});

describe("the cron ticker", () => {
  it("fires each due expression at the start of its minute, and nothing after stop()", async () => {
    const clock = fakeClock("2026-11-29T12:58:30.250Z");
    const fired: string[] = [];
    const ticker = startCronTicker({
      crons: WRANGLER_CRONS,
      fire: (cron, minute) => {
        fired.push(`${minute.toISOString().slice(11, 16)} ${cron} @${clock.now() % 60_000}`);
      },
      ...clock,
    });
    await clock.advance(29_000); // 12:58:59.25: nothing yet
    expect(fired).toEqual([]);
    await clock.advance(2 * 60_000); // through 13:00:59.25
    expect(fired).toEqual(["12:59 * * * * * @0", "13:00 * * * * * @0", "13:00 0 * * * * @0"]);
    ticker.stop();
    expect(clock.scheduled).toBe(false);
    await clock.advance(10 * 60_000);
    expect(fired).toHaveLength(3);
  });

  it("skips a trigger still running from the previous minute, and does not replay missed minutes", async () => {
    const clock = fakeClock("2026-11-29T12:00:30Z");
    const fired: string[] = [];
    const skipped: string[] = [];
    let finish: () => void = () => {};
    const ticker = startCronTicker({
      crons: ["* * * * *"],
      fire: (_cron, minute) => {
        fired.push(minute.toISOString().slice(11, 16));
        return new Promise<void>((resolve) => {
          finish = resolve;
        });
      },
      onSkip: (cron) => skipped.push(cron),
      ...clock,
    });
    await clock.advance(60_000); // 12:01 starts and hangs
    await clock.advance(60_000); // 12:02: still running
    expect(fired).toEqual(["12:01"]);
    expect(skipped).toEqual(["* * * * *"]);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    await clock.advance(60_000);
    expect(fired).toEqual(["12:01", "12:03"]);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    clock.sleep(10 * 60_000); // 12:13:30: the machine slept through 12:04..12:13
    await clock.advance(0);
    await clock.advance(60_000);
    expect(fired).toEqual(["12:01", "12:03", "12:14"]);
    ticker.stop();
  });
});

describe("the dev server's cron calls", () => {
  it("call /__scheduled?cron=… on the Worker, and report a failure once until it recovers", async () => {
    const clock = fakeClock("2026-11-29T12:00:59Z");
    const urls: string[] = [];
    const statuses = [500, 500, 200];
    const lines: string[] = [];
    const crons = startDevCrons({
      baseUrl: "http://127.0.0.1:8830",
      crons: ["* * * * *"],
      say: (line) => lines.push(`say ${line}`),
      warn: (line) => lines.push(`warn ${line}`),
      fetchImpl: async (url) => {
        urls.push(String(url));
        return new Response("Ran scheduled event", { status: statuses.shift() ?? 200 });
      },
      ...clock,
    });
    await clock.advance(3 * 60_000);
    crons.stop();
    expect(urls).toEqual(Array(3).fill("http://127.0.0.1:8830/__scheduled?cron=*%20*%20*%20*%20*"));
    expect(scheduledUrl("http://127.0.0.1:8830", "30 3 * * *")).toBe(
      "http://127.0.0.1:8830/__scheduled?cron=30%203%20*%20*%20*",
    );
    expect(lines).toEqual([
      'warn cron "* * * * *" failed: HTTP 500 (the Worker\'s log says why)',
      'say cron "* * * * *" ran again',
    ]);
  });
});
