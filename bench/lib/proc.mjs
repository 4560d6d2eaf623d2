// Resident memory of local processes, from /proc (Linux only): which workerd processes a
// `wrangler dev` started, their current and peak resident set, and resetting that peak.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

/** The pids of processes called `name` among the descendants of `rootPid` (e.g. wrangler's). */
export function descendantsNamed(rootPid, name) {
  const parent = new Map();
  const command = new Map();
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
    const pid = Number(entry);
    parent.set(pid, Number(stat.slice(close + 2).split(" ")[1]));
    command.set(pid, stat.slice(stat.indexOf("(") + 1, close));
  }
  const descends = (pid) => {
    for (let p = parent.get(pid), hops = 0; p && hops < 64; p = parent.get(p), hops++) {
      if (p === rootPid) return true;
    }
    return false;
  };
  return [...command].filter(([pid, c]) => c === name && descends(pid)).map(([pid]) => pid);
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
