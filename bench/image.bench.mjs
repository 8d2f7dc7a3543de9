#!/usr/bin/env node
// wasmedge_image benchmark: decode a ~1 megapixel photograph and resize it to
// 224x224 RGB8,
//   (a) from a guest calling wasmedge_image.load_image (ws plug-in), run by
//       @ws/core's Runtime in this process, each call timed inside the guest;
//   (b) from JS through @ws/image's loadImage (the same host function, no guest);
//   (c) with sharp in this process: sharp(buffer).resize(224, 224, { fit: 'fill' }).raw().toBuffer(),
//       at sharp's default concurrency and at concurrency 1.
// JPEG (examples/image/fixtures/hubble-deep-field-1000x872.jpg) and the same
// pixels as PNG. Prints a table and replaces the "## wasmedge_image" section of
// bench/RESULTS.md. No assertions.
// Usage: node bench/image.bench.mjs [iterations=40] [rounds=3]
// Needs: node scripts/build-native.mjs; pnpm --filter @ws/core --filter @ws/image build
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineLine, root, writeSection } from './results.mjs';

const iterations = Number(process.argv[2] ?? 40);
const rounds = Number(process.argv[3] ?? 3);
const width = 224;
const height = 224;
const photo = join(root, 'examples', 'image', 'fixtures', 'hubble-deep-field-1000x872.jpg');
const guestPath = join(root, 'packages', 'image', 'guests', 'build', 'decode_loop.wasm');
const imagePackage = join(root, 'packages', 'image');
for (const [what, path] of [['photo', photo], ['guest', guestPath], ['@ws/image build', join(imagePackage, 'dist', 'index.js')]]) {
  if (!existsSync(path)) {
    console.error(`[ws:bench] ${what} missing: ${path}. Build it first (see the header of this script).`);
    process.exit(1);
  }
}
// sharp and @ws/core are dependencies of @ws/image: resolve them from there.
const requireFromImage = createRequire(join(imagePackage, 'package.json'));
const sharp = requireFromImage('sharp');
const { Runtime } = await import(requireFromImage.resolve('@ws/core'));
const { loadImage, resolveImageLibrary, loadImagePlugin } = await import(join(imagePackage, 'dist', 'index.js'));
loadImagePlugin();

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const dataDir = mkdtempSync(join(tmpdir(), 'ws-image-bench-'));
const jpeg = readFileSync(photo);
const metadata = await sharp(jpeg).metadata();
const png = await sharp(jpeg).png().toBuffer();
writeFileSync(join(dataDir, 'photo.jpg'), jpeg);
writeFileSync(join(dataDir, 'photo.png'), png);
const guestBytes = readFileSync(guestPath);
const guestModule = await WebAssembly.compile(guestBytes);

/** Runs the guest once: `count` timed load_image calls; returns ms per call. */
async function guestTimes(file, count) {
  const outputPath = join(dataDir, 'guest.out');
  const fd = openSync(outputPath, 'w');
  const runtime = new Runtime({ args: ['decode_loop', `/data/${file}`, String(count), String(width), String(height), '0'], preopens: { '/data': dataDir }, stdout: fd });
  const code = await runtime.run(guestModule);
  runtime.dispose();
  closeSync(fd);
  if (code !== 0) throw new Error(`decode_loop exited with ${code}`);
  return readFileSync(outputPath, 'utf8').trim().split('\n').filter((l) => /^\d+$/.test(l)).map((l) => Number(l) / 1e6);
}

function loadImageTimes(bytes, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    loadImage(bytes, { width, height });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times;
}

async function sharpTimes(bytes, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    await sharp(bytes).resize(width, height, { fit: 'fill' }).raw().toBuffer();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times;
}

const defaultConcurrency = sharp.concurrency();
const results = {};
for (const [format, bytes, file] of [['JPEG', jpeg, 'photo.jpg'], ['PNG', png, 'photo.png']]) {
  const collected = { guest: [], loadImage: [], sharp: [], sharp1: [] };
  // Warm up every path (page cache, dynamic loader, JIT, libvips caches).
  await guestTimes(file, 3);
  loadImageTimes(bytes, 3);
  await sharpTimes(bytes, 3);
  for (let round = 0; round < rounds; round++) {
    collected.guest.push(...(await guestTimes(file, iterations)));
    collected.loadImage.push(...loadImageTimes(bytes, iterations));
    sharp.concurrency(defaultConcurrency);
    collected.sharp.push(...(await sharpTimes(bytes, iterations)));
    sharp.concurrency(1);
    collected.sharp1.push(...(await sharpTimes(bytes, iterations)));
    sharp.concurrency(defaultConcurrency);
  }
  results[format] = Object.fromEntries(Object.entries(collected).map(([k, v]) => [k, median(v)]));
  results[format].bytes = bytes.length;
}

const f = (ms) => ms.toFixed(2);
const lines = [
  `Decode a ${metadata.width}×${metadata.height} (${((metadata.width * metadata.height) / 1e6).toFixed(2)} MP) photograph`,
  `(\`examples/image/fixtures/hubble-deep-field-1000x872.jpg\`, public domain; PNG = the same pixels re-encoded by sharp)`,
  `and resize it to ${width}×${height} RGB8, all in one Node process. Guest: \`packages/image/guests/decode_loop.c\` run by`,
  "`Runtime`, timing each `load_image` call with WASI's monotonic clock (input already in guest memory, as sharp gets a",
  'Buffer). loadImage: `@ws/image` from JS (copy in, host call, copy out). sharp 0.35.5 (libvips, shrink-on-load +',
  "lanczos3): `await sharp(buf).resize(224, 224, { fit: 'fill' }).raw().toBuffer()`, at its default concurrency",
  `(${defaultConcurrency}) and at 1. \`node bench/image.bench.mjs ${iterations} ${rounds}\`: ${rounds} alternating rounds of ${iterations}`,
  'calls per path after 3 warm-up calls, medians over all calls. The machine is shared with other jobs, so runs are noisy.',
  '',
  `- ${machineLine()}`,
  `- Plug-in: \`${resolveImageLibrary().replace(`${root}/`, '')}\` (libjpeg-turbo with DCT scaling, libpng; Mitchell/Catmull-Rom resize)`,
  '',
  '| input | bytes | guest ms | loadImage ms | sharp ms | sharp (concurrency 1) ms | ratio sharp / guest (target ≥ 1.00) |',
  '|---|---:|---:|---:|---:|---:|---:|',
];
for (const [format, r] of Object.entries(results)) {
  lines.push(`| ${format} | ${r.bytes} | ${f(r.guest)} | ${f(r.loadImage)} | ${f(r.sharp)} | ${f(r.sharp1)} | **${(r.sharp / r.guest).toFixed(2)}** |`);
}
const table = lines.join('\n');
console.log(table);
writeSection('wasmedge_image', table);
