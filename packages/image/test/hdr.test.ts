// Radiance HDR through stb_image: Debian's stb_image 2.27 spins forever on a
// run-length scanline that the file cuts short. Each run is a child process
// with a time limit, so a hang fails the test instead of freezing the runner.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliMain, folderWith, guestPath, imageLibrary, parseLoadFile } from './helpers.js';

const width = 16;
const height = 2;

/** A new-style run-length HDR: every pixel RGBE (100, 101, 102, 128). */
function rleHdr(): Buffer {
  const parts = [Buffer.from(`#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y ${height} +X ${width}\n`)];
  for (let y = 0; y < height; y++) {
    parts.push(Buffer.from([2, 2, width >> 8, width & 0xff]));
    for (const value of [100, 101, 102, 128]) parts.push(Buffer.from([128 + width, value])); // one run per channel
  }
  return Buffer.concat(parts);
}

function load(file: Buffer) {
  const dir = folderWith({ 'image.hdr': file });
  const args = ['load_image', '/data/image.hdr', String(width), String(height), '0', '0', '0,0', `${width - 1},${height - 1}`];
  const run = spawnSync(process.execPath, [cliMain, 'run', '--plugin-path', imageLibrary, '--dir', `/data:${dir}`, guestPath('load_file'), ...args], {
    encoding: 'utf8',
    timeout: 15000,
  });
  expect(run.signal, 'load_image did not return within 15 s').toBeNull();
  expect(run.status).toBe(0);
  return parseLoadFile(run.stdout);
}

describe('Radiance HDR (stb_image)', () => {
  it('a complete run-length file decodes: (v * 2^-8)^(1/2.2) * 255 per channel', () => {
    const result = load(rleHdr());
    expect(result).toMatchObject({ errno: 0, guards: 'intact' });
    expect(result.pixels['0,0']).toEqual([166, 167, 168]);
    expect(result.pixels[`${width - 1},${height - 1}`]).toEqual([166, 167, 168]);
  });

  it('cut anywhere inside its scanlines -> errno 1 at once, never a hang', () => {
    const file = rleHdr();
    const dataStart = file.indexOf('+X') + `+X ${width}\n`.length;
    for (const end of [dataStart + 4, dataStart + 5, dataStart + 7, file.length - 1]) {
      expect(load(file.subarray(0, end)), `cut at ${end} of ${file.length}`).toMatchObject({ errno: 1, guards: 'intact', output: 'untouched' });
    }
  });
});
