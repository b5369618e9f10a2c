import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../local-stack";

export type Verdict = "ok" | "over" | "info";

/** One line of the bench's table: a figure beside its baseline, and whether it meets its budget. */
export interface BenchRow {
  figure: string;
  value: number;
  baseline: number | null;
  unit: string;
  budget: string;
  verdict: Verdict;
}

export function row(
  figure: string,
  value: number,
  unit: string,
  baseline: number | null,
  budget: string,
  verdict: Verdict,
): BenchRow {
  return { figure, value, baseline, unit, budget, verdict };
}

const show = (n: number | null) =>
  n === null || !Number.isFinite(n) ? "—" : n >= 100 ? n.toFixed(0) : n.toFixed(1);

/** The machine the figures were taken on: on a shared one, ratios mean more than rates. */
export function machine() {
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: loadavg().map(l => Number(l.toFixed(1))),
  };
}

export function printTable(rows: readonly BenchRow[]): void {
  const lines = rows.map(r => [
    r.figure,
    `${show(r.value)} ${r.unit}`,
    r.baseline === null ? "—" : `${show(r.baseline)} ${r.unit}`,
    r.baseline ? `${(r.value / r.baseline).toFixed(2)}×` : "—",
    r.budget,
    r.verdict,
  ]);
  const header = ["figure", "value", "baseline", "ratio", "budget", "verdict"];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map(l => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(format(header));
  console.log(widths.map(w => "-".repeat(w)).join("  "));
  for (const line of lines) console.log(format(line));
}

/** Writes .local/bench/bench-<time>.json and latest.json (gitignored), for comparing runs. */
export function writeJson(report: object): string {
  const dir = join(REPO_ROOT, ".local", "bench");
  mkdirSync(dir, { recursive: true });
  const text = JSON.stringify(report, null, 2);
  const file = join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, text);
  writeFileSync(join(dir, "latest.json"), text);
  return file;
}
