// Shared helpers of the benchmarks: the machine line and RESULTS.md sections.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsPath = join(root, 'bench', 'RESULTS.md');

/** "Machine: <cpu model>, N CPUs; Node vX; YYYY-MM-DD". */
export function machineLine() {
  let model = cpus()[0]?.model ?? 'unknown CPU';
  try {
    model = /Model name:\s*(.*)/.exec(execFileSync('lscpu', { encoding: 'utf8' }))?.[1]?.trim() ?? model;
  } catch {
    // lscpu is optional
  }
  return `Machine: ${model}, ${cpus().length} CPUs; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`;
}

/** Replaces (or appends) the `## <title>` section of bench/RESULTS.md. */
export function writeSection(title, body) {
  const text = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '# Benchmark results\n';
  const heading = `## ${title}`;
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = text.indexOf(`${heading}\n`);
  let next;
  if (start === -1) {
    next = `${text.trimEnd()}\n\n${section}`;
  } else {
    const after = text.indexOf('\n## ', start + heading.length);
    next = `${text.slice(0, start)}${section}${after === -1 ? '' : text.slice(after)}`;
  }
  writeFileSync(resultsPath, next.endsWith('\n') ? next : `${next}\n`);
}
