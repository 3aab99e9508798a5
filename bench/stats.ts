/** Small helpers shared by the benchmarks: command-line options, percentiles, ratios, the machine. */
import { spawnSync } from 'child_process';
import os from 'os';
import path from 'path';

/** The value of `--name value` on the command line, or the fallback. */
export function arg(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

/** The q-quantile (0..1) of the values by nearest rank. */
export function percentile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** "0.83×": how many times `value` is `baseline`. */
export const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(2)}×`;

/** "2 cores, load 1.52": on a shared machine the load says how far absolute numbers can be trusted. */
export const machine = () => `${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}`;

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same data. */
export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs the benchmark `file` again as a child on one database (its own process: a fresh heap and a
 * fresh Strapi) and returns what it printed as its `{"client"…}` line, or undefined after saying why.
 * `echo` sees the child's stderr first (diagnostics the caller asked for).
 */
export function runChild(
  file: string,
  client: string,
  args: string[],
  { heapMb = 4096, echo }: { heapMb?: number; echo?: (stderr: string) => void } = {},
): any {
  const run = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${heapMb}`, file, '--child', '--db', client, ...args], {
    cwd: path.resolve(__dirname, '..'),
    env: { ...process.env, DATABASE_CLIENT: client },
    encoding: 'utf8',
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('{"client"'));
  echo?.(run.stderr);
  if (line) return JSON.parse(line);
  console.error(`${client}: failed\n${run.stdout}\n${run.stderr}`);
  process.exitCode = 1;
}

/** Runs a benchmark's main: exits when it is done (a finished run leaves no handle open), 1 on failure. */
export function runBench(main: () => Promise<void>) {
  main().then(
    // A failed child run (runChild) has set the exit code.
    () => process.exit(process.exitCode ?? 0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
