// Peak memory and CPU time of a process tree, for the benchmarks: a build is a Node process and the
// processes it starts (Pagefind's Node API runs its own binary as a service), and Node's own maxRSS
// sees only the first. Linux only: it reads /proc.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";

const PROJECT = fileURLToPath(new URL("../../", import.meta.url));

export interface ProcessPeak {
  pid: number;
  /** Its name as the kernel has it (/proc/<pid>/comm, at most 15 characters): "node", "pagefind_extend". */
  name: string;
  /** The largest VmHWM (the kernel's own peak resident set) read while it ran, in bytes. */
  peakBytes: number;
  /** Its own user and system CPU time at the last sample, in milliseconds: short of the true one by at most an interval. */
  cpuMs: number;
}

export interface TreeUsage {
  /** The largest sum of VmRSS of the root and all its descendants at one sample, in bytes. */
  peakBytes: number;
  /**
   * User and system CPU time of every process seen, each as last sampled: short of the true total by
   * at most an interval a process. Read from /proc, because the CPU time the kernel adds up for a
   * parent (cutime) leaves out children it did not wait for, such as Pagefind's service.
   */
  cpuMs: number;
  /** Samples taken; a tree that lived shorter than the interval still has one. */
  samples: number;
  /** Every process seen in the tree, in the order first seen. */
  processes: ProcessPeak[];
}

/** The fields of /proc/<pid>/stat after the name, which may hold spaces and parentheses: [0] is field 3 of proc(5). */
const statFields = (stat: string) => stat.slice(stat.lastIndexOf(")") + 2).split(" ");

/** Ticks of CPU time a second (CLK_TCK): 100 on Linux unless getconf says otherwise. */
let ticksPerSecond: number | undefined;
function clockTicks(): number {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
}
const tickMs = () => 1000 / (ticksPerSecond ??= clockTicks());

/** Own user and system CPU time of a process (fields 14 and 15), in milliseconds; 0 once it has ended. */
function cpuOf(pid: number): number {
  try {
    const fields = statFields(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
    return (Number(fields[11]) + Number(fields[12])) * tickMs();
  } catch {
    return 0;
  }
}

/** Children of every process now running, by the parent in field 4 of /proc/<pid>/stat. */
function parents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone since the listing
    }
    const ppid = Number(statFields(stat)[1]);
    const list = children.get(ppid);
    if (list) list.push(Number(entry));
    else children.set(ppid, [Number(entry)]);
  }
  return children;
}

/** The root and its descendants now running. */
function treeOf(root: number): number[] {
  const children = parents();
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** VmRSS and VmHWM of a process in bytes; undefined once it has ended (a zombie has neither). */
function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return undefined;
  }
  const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
  const hwm = /^VmHWM:\s+(\d+) kB/m.exec(status);
  if (!rss) return undefined;
  return { rss: Number(rss[1]) * 1024, hwm: Number(hwm?.[1] ?? rss[1]) * 1024 };
}

function nameOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "?";
  }
}

/**
 * Samples the tree under `root` every `intervalMs` (one sample at once) until stop(), which takes a
 * last sample and returns the peak of the sum of VmRSS over the tree, and its CPU time. A process that starts and ends
 * between two samples is missed, and a peak shorter than the interval may be: sampling every 50 ms,
 * the peak is a lower bound on the true one. Pages shared by two processes count twice, as in any
 * sum of RSS.
 */
export function watchProcessTree(root: number, intervalMs = 50): { stop(): TreeUsage } {
  let peakBytes = 0;
  let samples = 0;
  const seen = new Map<number, ProcessPeak>();
  const sample = () => {
    let sum = 0;
    for (const pid of treeOf(root)) {
      const memory = memoryOf(pid);
      if (!memory) continue;
      sum += memory.rss;
      const cpuMs = cpuOf(pid);
      const known = seen.get(pid);
      if (known) {
        known.peakBytes = Math.max(known.peakBytes, memory.hwm);
        known.cpuMs = Math.max(known.cpuMs, cpuMs);
      } else seen.set(pid, { pid, name: nameOf(pid), peakBytes: memory.hwm, cpuMs });
    }
    peakBytes = Math.max(peakBytes, sum);
    samples++;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const processes = [...seen.values()];
      return { peakBytes, cpuMs: processes.reduce((sum, { cpuMs }) => sum + cpuMs, 0), samples, processes };
    },
  };
}

export interface ChildRun {
  wallMs: number;
  usage: TreeUsage;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to its end in the project folder, sampling the memory and CPU time of its process tree, and resolves to
 * its wall time (spawn to close) and those; a command that fails rejects with its stderr (or its
 * stdout when stderr is empty).
 */
export function runChild(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: PROJECT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const watch = child.pid === undefined ? undefined : watchProcessTree(child.pid);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.once("error", (error) => {
      watch?.stop();
      reject(new Error(`${label}: could not run ${command}: ${error.message}`));
    });
    child.once("close", (code, signal) => {
      const wallMs = performance.now() - started;
      const usage = watch?.stop() ?? { peakBytes: 0, cpuMs: 0, samples: 0, processes: [] };
      const out = Buffer.concat(stdout).toString("utf8");
      const err = Buffer.concat(stderr).toString("utf8");
      if (code !== 0) {
        const how = signal ? `killed by ${signal}` : `exit status ${code}`;
        reject(new Error(`${label} failed (${how}): ${[command, ...args].join(" ")}\n${(err.trim() || out.trim()).slice(-8000)}`));
        return;
      }
      resolve({ wallMs, usage, stdout: out, stderr: err });
    });
  });
}
