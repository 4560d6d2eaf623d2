// Local processes, from /proc (Linux only): which workerd processes a `wrangler dev` started,
// their current and peak resident set (and resetting that peak), CPU time per process and for
// the whole machine.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

/** Every process now running: its pid, parent's pid and command name (`comm`). */
function processTable() {
  const table = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ")".
    const close = stat.lastIndexOf(")");
    table.push({
      pid: Number(entry),
      ppid: Number(stat.slice(close + 2).split(" ")[1]),
      command: stat.slice(stat.indexOf("(") + 1, close),
    });
  }
  return table;
}

/** The pids of processes called `name` among the descendants of `rootPid` (e.g. wrangler's). */
export function descendantsNamed(rootPid, name) {
  const table = processTable();
  const parent = new Map(table.map(({ pid, ppid }) => [pid, ppid]));
  const descends = (pid) => {
    for (let p = parent.get(pid), hops = 0; p && hops < 64; p = parent.get(p), hops++) {
      if (p === rootPid) return true;
    }
    return false;
  };
  return table.filter((p) => p.command === name && descends(p.pid)).map((p) => p.pid);
}

/** The pids of every process called `name` (e.g. PostgreSQL's server processes, `postgres`). */
export function processesNamed(name) {
  return processTable()
    .filter((p) => p.command === name)
    .map((p) => p.pid);
}

/** VmRSS and VmHWM (peak) of a process, in bytes; zeros once it has exited. */
export function residentMemory(pid) {
  let status;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return { rss: 0, hwm: 0 };
  }
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
  return { rss: kib("VmRSS") * 1024, hwm: kib("VmHWM") * 1024 };
}

/**
 * Resets a process's VmHWM to its current RSS (`echo 5 > /proc/<pid>/clear_refs`, Linux >= 4.0),
 * so the next reading is the peak of what follows. False where that is not permitted.
 */
export function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/**
 * Samples the summed RSS of `pids` every `everyMs` until `stop()`, which returns the highest sum
 * seen, or the summed VmHWM when the peaks could be reset (nothing between samples is missed).
 */
export function watchPeak(pids, everyMs = 5) {
  const reset = pids.every(resetPeak);
  const sum = (field) => pids.reduce((total, pid) => total + residentMemory(pid)[field], 0);
  let highest = sum("rss");
  const timer = setInterval(() => {
    highest = Math.max(highest, sum("rss"));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      highest = Math.max(highest, sum("rss"));
      return { peak: reset ? Math.max(highest, sum("hwm")) : highest, exact: reset };
    },
  };
}

/**
 * CPU time (user + system) a process has used so far, in milliseconds; 0 once it has exited.
 * `withReapedChildren`: plus its children's that have exited (how a PostgreSQL server keeps the
 * time of the connections' backends once they are gone).
 */
export function cpuMilliseconds(pid, withReapedChildren = false) {
  let stat;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return 0;
  }
  // Fields after "(comm)": state is field 3, utime 14 and stime 15, in clock ticks (100 per s).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const own = Number(fields[11]) + Number(fields[12]);
  return (withReapedChildren ? own + Number(fields[13]) + Number(fields[14]) : own) * 10;
}

/** The whole machine's busy CPU time so far, in milliseconds (from /proc/stat). */
function machineBusyMilliseconds() {
  const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const values = ticks.map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already within user).
  const all = values.slice(0, 8).reduce((sum, v) => sum + v, 0);
  return (all - (values[3] ?? 0) - (values[4] ?? 0)) * 10;
}

/**
 * CPU over a window: `start()` reads the machine's busy time and each group's CPU time (`groups`:
 * name → milliseconds so far), and the function it returns reads them again and answers each
 * group's CPU milliseconds (`cpuMs`) and cores busy (`cores`: CPU per wall millisecond, 1 = one
 * core busy throughout; `machine` too).
 */
export function cpuMeter(groups) {
  const read = () => {
    const reading = { at: performance.now(), machine: machineBusyMilliseconds() };
    for (const [name, cpuMs] of Object.entries(groups)) reading[name] = cpuMs();
    return reading;
  };
  return {
    start() {
      const from = read();
      return () => {
        const to = read();
        const wall = to.at - from.at;
        const cpuMs = {};
        const cores = {};
        for (const name of Object.keys(to)) {
          if (name === "at") continue;
          cpuMs[name] = to[name] - from[name];
          cores[name] = Math.round((cpuMs[name] / wall) * 100) / 100;
        }
        return { cpuMs, cores };
      };
    },
  };
}
