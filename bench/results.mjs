// Shared helpers of the benchmarks: the machine line and RESULTS.md sections.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
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

/**
 * A compute-bound WASI guest: a xorshift loop of `iterations` steps with no
 * host call inside, then `ending` (WAT instructions with $x the result), then
 * `proc_exit`. Used by the gas and pool benchmarks.
 */
export async function xorshiftGuest(iterations, ending) {
  const wabt = await createRequire(join(root, 'package.json'))('wabt')();
  const wat = `(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_start") (local $i i32) (local $x i32)
    (local.set $x (i32.const 2463534242))
    (loop $next
      (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 13))))
      (local.set $x (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 17))))
      (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 5))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (i32.const ${iterations}))))
    ${ending}))`;
  return Buffer.from(wabt.parseWat('xorshift.wat', wat).toBinary({}).buffer);
}
