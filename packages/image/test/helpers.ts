import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(packageDir, '..', '..');
export const cliMain = join(repoRoot, 'packages', 'core', 'dist', 'cli', 'main.js');
/** The plug-in of this checkout's native build, for `ws run --plugin-path`. */
export const imageLibrary = join(repoRoot, 'native', 'build', 'plugins', 'libwasmedgePluginWasmEdgeImage.so');
export const fixturesDir = join(packageDir, 'test', 'fixtures');

/** The 30x30 red images of WasmEdge's own tests (see fixtures/PROVENANCE.md). */
export const upstreamRedPng = readFileSync(join(fixturesDir, 'upstream-red-30x30.png'));
export const upstreamRedJpg = readFileSync(join(fixturesDir, 'upstream-red-30x30.jpg'));

export function guestPath(name: string): string {
  const path = join(packageDir, 'guests', 'build', `${name}.wasm`);
  if (!existsSync(path)) throw new Error(`${path} is missing: run pnpm --filter @ws/image build`);
  return path;
}

/** A fresh folder that guests see as /data. */
export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'ws-image-test-'));
}

/** Writes files into a folder and returns it. */
export function folderWith(files: Record<string, Uint8Array>): string {
  const dir = scratchDir();
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return dir;
}

export interface GuestRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs guests/build/<guest>.wasm through the `ws` CLI with the real plug-in; `dataDir` is /data. */
export function runGuest(guest: string, dataDir: string, guestArgs: string[], wsFlags: string[] = []): GuestRun {
  const result = spawnSync(
    process.execPath,
    [cliMain, 'run', '--plugin-path', imageLibrary, '--dir', `/data:${dataDir}`, ...wsFlags, guestPath(guest), ...guestArgs],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What load_file prints, parsed. */
export interface LoadResult {
  errno: number;
  guards: string;
  output: string;
  fnv1a?: string;
  mean?: number[];
  pixels: Record<string, number[]>;
}

export function parseLoadFile(stdout: string): LoadResult {
  const status = /errno=(\d+) guards=(\w+) output=(\w+)/.exec(stdout);
  if (!status) throw new Error(`load_file printed no status line:\n${stdout}`);
  const result: LoadResult = { errno: Number(status[1]), guards: status[2]!, output: status[3]!, pixels: {} };
  const hash = /fnv1a=([0-9a-f]{8})/.exec(stdout);
  if (hash) result.fnv1a = hash[1];
  const mean = /mean=([-\d.,]+)/.exec(stdout);
  if (mean) result.mean = mean[1]!.split(',').map(Number);
  for (const match of stdout.matchAll(/pixel\((\d+,\d+)\)=([-\d.,]+)/g)) result.pixels[match[1]!] = match[2]!.split(',').map(Number);
  return result;
}

/**
 * Runs the load_file guest: FUNCTION on /data/<file> into WIDTHxHEIGHT of TYPE
 * (0 RGB8, 1 BGR8, 2 RGB32F, 3 BGR32F), output buffer exact size + delta.
 */
export function loadThroughGuest(
  dataDir: string,
  file: string,
  call: { fn?: string; width: number; height: number; type?: number; delta?: number; pixels?: [number, number][] },
  wsFlags: string[] = [],
): LoadResult {
  const args = [call.fn ?? 'load_image', `/data/${file}`, String(call.width), String(call.height), String(call.type ?? 0), String(call.delta ?? 0)];
  for (const [x, y] of call.pixels ?? []) args.push(`${x},${y}`);
  const run = runGuest('load_file', dataDir, args, wsFlags);
  if (run.status !== 0) throw new Error(`load_file exited with ${run.status}:\n${run.stdout}\n${run.stderr}`);
  return parseLoadFile(run.stdout);
}

/** FNV-1a of bytes, as the guests print it. */
export function fnv1a(bytes: Uint8Array): string {
  let hash = 2166136261;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
  return hash.toString(16).padStart(8, '0');
}
