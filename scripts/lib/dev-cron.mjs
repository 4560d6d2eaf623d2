// Cron triggers for `npm run dev`: wrangler dev runs none by itself, so the dev server reads
// wrangler.toml's `[triggers] crons` and, at each minute, calls wrangler's /__scheduled?cron=…
// (exposed by `--test-scheduled`) for every expression due. Like Cloudflare, minutes are in UTC.
//
// Only the forms wrangler.toml uses are understood: a minute and an hour that are each `*` or a
// number, and `*` for day of month, month and day of week ("* * * * *", "0 * * * *",
// "30 3 * * *"). Anything else is refused with an error naming the expression, rather than run
// at the wrong times.

const FIELDS = ["minute", "hour", "day of month", "month", "day of week"];
const RANGES = { minute: [0, 59], hour: [0, 23] };
const MINUTE_MS = 60_000;

/**
 * Parses a cron expression into `{ cron, minute, hour }` (a number, or null for `*`); throws on
 * any form the dev scheduler does not support.
 */
export function parseCron(cron) {
  const fields = String(cron).trim().split(/\s+/);
  const unsupported = (why) =>
    new Error(
      `cron "${cron}": ${why}. The dev scheduler (scripts/lib/dev-cron.mjs) understands a minute ` +
        `and an hour that are "*" or a number, and "*" for the other three fields ` +
        `(e.g. "* * * * *", "0 * * * *", "30 3 * * *"); extend it to run this trigger locally`,
    );
  if (fields.length !== 5) throw unsupported(`${fields.length} fields instead of 5`);
  const parsed = { cron: String(cron).trim(), minute: null, hour: null };
  fields.forEach((value, i) => {
    const name = FIELDS[i];
    if (value === "*") return;
    const range = RANGES[name];
    if (!range) throw unsupported(`"${value}" in the ${name} field`);
    const number = /^\d{1,2}$/.test(value) ? Number(value) : Number.NaN;
    if (!(number >= range[0] && number <= range[1])) {
      throw unsupported(
        `"${value}" in the ${name} field (a number from ${range[0]} to ${range[1]})`,
      );
    }
    parsed[name] = number;
  });
  return parsed;
}

/** True when the parsed expression fires at `date`'s minute (UTC). */
export function cronMatches(parsed, date) {
  return (
    (parsed.minute === null || parsed.minute === date.getUTCMinutes()) &&
    (parsed.hour === null || parsed.hour === date.getUTCHours())
  );
}

/** The expressions among `parsed` that fire at `date`'s minute, in their given order. */
export function dueCrons(parsed, date) {
  return parsed.filter((p) => cronMatches(p, date)).map((p) => p.cron);
}

const pad = (n) => String(n).padStart(2, "0");

/** How often an expression fires, in words: "every minute", "hourly at :00", "daily at 03:30 UTC". */
export function describeCron(parsed) {
  if (parsed.minute === null && parsed.hour === null) return "every minute";
  if (parsed.hour === null) return `hourly at :${pad(parsed.minute)}`;
  if (parsed.minute === null) return `every minute of ${pad(parsed.hour)}:xx UTC`;
  return `daily at ${pad(parsed.hour)}:${pad(parsed.minute)} UTC`;
}

/**
 * The `crons` of wrangler.toml's top-level `[triggers]` table (the environments inherit it), as
 * written: `crons = ["* * * * *", …]`, on one line or several. An empty list when there is none.
 */
export function cronsFromWranglerToml(text) {
  const triggers = /^\[triggers\][ \t]*(?:#.*)?$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(text);
  if (!triggers) return [];
  const list = /^[ \t]*crons[ \t]*=[ \t]*\[([\s\S]*?)\]/m.exec(triggers[1]);
  if (!list) return [];
  const body = list[1].replace(/#.*$/gm, "");
  return [...body.matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2]);
}

/** The start of the minute after the one `ms` falls in. */
export function nextMinute(ms) {
  return (Math.floor(ms / MINUTE_MS) + 1) * MINUTE_MS;
}

/**
 * Calls `fire(cron, minute)` for every expression due, at the start of each minute (UTC), until
 * `stop()`. A trigger still running when it is due again is skipped (`onSkip(cron)`): a slow
 * local database must not pile up runs. Minutes missed while the machine slept are not replayed.
 * Timers are unref'd: the ticker never keeps the process alive. `now` and the timer functions
 * can be replaced (tests).
 */
export function startCronTicker({
  crons,
  fire,
  onSkip = () => {},
  now = Date.now,
  setTimer = setTimeout,
  clearTimer = clearTimeout,
}) {
  const parsed = crons.map(parseCron);
  const running = new Set();
  let due = nextMinute(now());
  let timer = null;
  let stopped = false;

  const schedule = () => {
    timer = setTimer(tick, Math.max(due - now(), 0));
    timer?.unref?.();
  };

  function tick() {
    if (stopped) return;
    const minute = new Date(due);
    const late = now() - due >= MINUTE_MS; // the machine slept through that minute
    due = Math.max(due + MINUTE_MS, nextMinute(now()));
    for (const cron of late ? [] : dueCrons(parsed, minute)) {
      if (running.has(cron)) {
        onSkip(cron);
        continue;
      }
      running.add(cron);
      Promise.resolve()
        .then(() => fire(cron, minute))
        .catch(() => {})
        .finally(() => running.delete(cron));
    }
    schedule();
  }

  schedule();
  return {
    crons: parsed,
    stop() {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}

/** wrangler dev's endpoint (with --test-scheduled) that runs the scheduled handler for `cron`. */
export function scheduledUrl(baseUrl, cron) {
  return `${baseUrl}/__scheduled?cron=${encodeURIComponent(cron)}`;
}

/** Longest a local trigger may run before the dev server gives up waiting for its answer. */
const FIRE_TIMEOUT_MS = 5 * MINUTE_MS;

/**
 * Runs `crons` against the dev Worker at `baseUrl` on their schedule. A failure is reported once
 * until the trigger succeeds again (a broken edit must not print a line a minute); `stop()` ends
 * the ticker and aborts a call in flight.
 */
export function startDevCrons({ baseUrl, crons, warn, say, fetchImpl = fetch, ...clock }) {
  const stopping = new AbortController();
  const failing = new Map();
  const ticker = startCronTicker({
    ...clock,
    crons,
    onSkip: (cron) => warn(`cron "${cron}" is still running from the last minute; skipped`),
    fire: async (cron) => {
      let problem = null;
      try {
        const response = await fetchImpl(scheduledUrl(baseUrl, cron), {
          signal: AbortSignal.any([stopping.signal, AbortSignal.timeout(FIRE_TIMEOUT_MS)]),
        });
        await response.body?.cancel();
        if (!response.ok) problem = `HTTP ${response.status} (the Worker's log says why)`;
      } catch (error) {
        if (stopping.signal.aborted) return;
        problem = error.cause?.code ?? error.message;
      }
      if (problem === null) {
        if (failing.delete(cron)) say(`cron "${cron}" ran again`);
      } else if (failing.get(cron) !== problem) {
        failing.set(cron, problem);
        warn(`cron "${cron}" failed: ${problem}`);
      }
    },
  });
  return {
    crons: ticker.crons,
    stop() {
      ticker.stop();
      stopping.abort();
    },
  };
}
