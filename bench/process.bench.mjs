#!/usr/bin/env node
// wasmedge_process benchmark: median time to run /bin/true
//   (a) from a guest through the plug-in (guest-measured around set_prog_name + run), vs
//   (b) child_process.spawnSync('/bin/true') from Node.
// Prints a table and replaces the "## wasmedge_process" section of bench/RESULTS.md.
// No assertions. Usage: node bench/process.bench.mjs [runs=300]
// Needs: node scripts/build-native.mjs, pnpm --filter @ws/core build,
//        node scripts/build-guests.mjs packages/process
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { machineLine, root, writeSection } from './results.mjs';

const runs = Number(process.argv[2] ?? 300);
const program = '/bin/true';
const cli = join(root, 'packages', 'core', 'dist', 'cli', 'main.js');
const library = process.env.WS_PROCESS_LIBRARY ?? join(root, 'native', 'build', 'plugins', 'libwasmedgePluginWasmEdgeProcess.so');
const guest = join(root, 'packages', 'process', 'guests', 'build', 'bench_true.wasm');
for (const [what, path] of [['ws CLI', cli], ['plug-in', library], ['guest', guest]]) {
  if (!existsSync(path)) {
    console.error(`[ws:bench] ${what} missing: ${path}. Build it first (see the header of this script).`);
    process.exit(1);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function pluginTimesMs() {
  const result = spawnSync(process.execPath, [cli, 'run', '--plugin-path', library, '--allow-command', program, guest, String(runs), program], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) {
    console.error(`[ws:bench] guest failed (${result.status}): ${result.stderr}`);
    process.exit(1);
  }
  return result.stdout.trim().split('\n').map((line) => Number(line) / 1e6);
}

function spawnSyncTimesMs() {
  const times = [];
  for (let i = 0; i < runs; ++i) {
    const started = process.hrtime.bigint();
    const result = spawnSync(program);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0) throw new Error(`${program} exited with ${result.status}`);
  }
  return times;
}


// Warm up both paths once (page cache, dynamic loader).
spawnSync(program);
const plugin = pluginTimesMs();
const node = spawnSyncTimesMs();
const rows = [
  ['guest → wasmedge_process_run (ws plug-in)', plugin],
  ["Node child_process.spawnSync('/bin/true')", node],
];
const ratio = median(node) / median(plugin);
const format = (ms) => ms.toFixed(3);

console.log(`wasmedge_process: ${program}, ${runs} runs each`);
console.log('| path | median ms | p10 ms | p90 ms |');
console.log('|---|---:|---:|---:|');
for (const [name, times] of rows) console.log(`| ${name} | ${format(median(times))} | ${format(percentile(times, 10))} | ${format(percentile(times, 90))} |`);
console.log(`spawnSync median / plug-in median = ${ratio.toFixed(2)} (> 1: the plug-in is faster)`);

writeSection(
  'wasmedge_process',
  [
    `Running \`${program}\` from a guest through the plug-in vs \`child_process.spawnSync('${program}')\` from Node`,
    `(\`node bench/process.bench.mjs ${runs}\`; ${runs} runs each, measured once). The guest runs in a \`ws run\` child process and`,
    'times `set_prog_name` + `run` itself: allow-list check, PATH lookup, posix_spawn, poll loop, reaping. spawnSync is timed',
    'in the bench process. The machine is shared with other jobs, so single runs are noisy.',
    '',
    `- ${machineLine()}`,
    '',
    '| path | median ms | p10 ms | p90 ms |',
    '|---|---:|---:|---:|',
    ...rows.map(([name, times]) => `| ${name} | ${format(median(times))} | ${format(percentile(times, 10))} | ${format(percentile(times, 90))} |`),
    '',
    `Ratio spawnSync median / plug-in median: **${ratio.toFixed(2)}** (target ≥ 1.00: the plug-in at least as fast).`,
  ].join('\n'),
);
console.log('updated bench/RESULTS.md');
