// loadImage: the TypeScript helper over the native load_image.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { disposeImageSessions, loadImage } from '../src/load-image.js';
import { fixturesDir, fnv1a, folderWith, loadThroughGuest, packageDir, upstreamRedJpg } from './helpers.js';
import { encode, expectedRgb, pattern } from './images.js';

afterAll(() => disposeImageSessions());

describe('loadImage', () => {
  it('works in a fresh process run outside the repository, without Plugin.loadWithDefaultPaths()', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-image-helper-'));
    const entry = pathToFileURL(join(packageDir, 'dist', 'index.js')).href;
    writeFileSync(
      join(dir, 'main.mjs'),
      `import { readFileSync } from 'node:fs';\nimport { loadImage } from ${JSON.stringify(entry)};\nconsole.log(loadImage(readFileSync(process.argv[2]), { width: 2, height: 1 }).join(','));\n`,
    );
    const env = { ...process.env };
    delete env.WS_IMAGE_LIBRARY;
    delete env.NODE_PATH; // pnpm's bin shims point it at the workspace's hoisted packages
    const result = spawnSync(process.execPath, ['main.mjs', join(fixturesDir, 'upstream-red-30x30.jpg')], { cwd: dir, encoding: 'utf8', env });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${loadImage(upstreamRedJpg, { width: 2, height: 1 }).join(',')}\n`);
    expect(result.stdout).toBe('254,0,0,254,0,0\n');
  });

  it('returns Uint8Array for u8 formats and Float32Array for f32 formats, width*height*3 samples', () => {
    const u8 = loadImage(upstreamRedJpg, { width: 5, height: 4 });
    expect(u8).toBeInstanceOf(Uint8Array);
    expect(u8.length).toBe(60);
    const f32 = loadImage(upstreamRedJpg, { width: 5, height: 4, format: 'bgr32f' });
    expect(f32).toBeInstanceOf(Float32Array);
    expect(f32.length).toBe(60);
    expect([f32[0], f32[1], f32[2]]).toEqual([0, 0, Math.fround(254 / 255)]);
  });

  it('gives exactly the bytes a guest gets from load_image', async () => {
    const png = await encode(pattern(64, 40, 3), 64, 40, 3).png().toBuffer();
    const guest = loadThroughGuest(folderWith({ 'p.png': png }), 'p.png', { width: 23, height: 17, type: 2 });
    expect(guest.fnv1a).toBe(fnv1a(new Uint8Array(loadImage(png, { width: 23, height: 17, format: 'rgb32f' }).buffer)));
  });

  it('grows its memory for a big input and output, then still serves small calls', async () => {
    const samples = pattern(600, 400, 3);
    const png = await encode(samples, 600, 400, 3).png({ compressionLevel: 1 }).toBuffer();
    expect(png.length).toBeGreaterThan(65536);
    const same = loadImage(png, { width: 600, height: 400 });
    expect(Buffer.compare(Buffer.from(same), Buffer.from(expectedRgb(samples, 3)))).toBe(0);
    const big = loadImage(png, { width: 1200, height: 800, format: 'rgb32f' });
    expect(big.length).toBe(1200 * 800 * 3);
    // Catmull-Rom overshoots next to the pattern's hard steps (255 -> 0), and
    // f32 outputs are not clamped: values slightly below 0 appear, none far off.
    let low = 0;
    let high = 0;
    for (const v of big) {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
    expect(low).toBeLessThan(0);
    expect(low).toBeGreaterThan(-0.25);
    expect(high).toBeLessThan(1.25);
    expect(loadImage(upstreamRedJpg, { width: 1, height: 1 })).toEqual(Uint8Array.from([254, 0, 0]));
  });

  it('returned arrays are copies: later calls do not change them', () => {
    const first = loadImage(upstreamRedJpg, { width: 2, height: 2 });
    loadImage(upstreamRedJpg, { width: 2, height: 2, format: 'bgr8' });
    expect([...first]).toEqual([254, 0, 0, 254, 0, 0, 254, 0, 0, 254, 0, 0]);
  });

  it('agrees with sharp on a JPEG decoded at its own size (within 1)', async () => {
    const jpeg = await encode(pattern(48, 32, 3), 48, 32, 3).jpeg({ quality: 92 }).toBuffer();
    const ours = loadImage(jpeg, { width: 48, height: 32 });
    const theirs = await sharp(jpeg).raw().toBuffer();
    let max = 0;
    for (let i = 0; i < ours.length; i++) max = Math.max(max, Math.abs(ours[i]! - theirs[i]!));
    expect(max).toBeLessThanOrEqual(1);
  });
});
