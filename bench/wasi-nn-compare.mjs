// Shared by the wasi_nn backend benchmarks (ONNX, PyTorch, GGML): input
// checks, medians and alternating guest/native rounds.
import { existsSync } from 'node:fs';

/** Exits with a message naming the first missing file of [what, path] pairs. */
export function requireFiles(pairs) {
  for (const [what, path] of pairs) {
    if (!existsSync(path)) {
      console.error(`[ws:bench] ${what} missing: ${path}. Build it first (see the header of this script).`);
      process.exit(1);
    }
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * For each thread count, alternates `rounds` guest and native rounds (each
 * returning an array of measurements) and returns
 * [{ threads, guest, native, ratio }] with the medians and guest / native.
 */
export async function compareRounds(threadCounts, rounds, guestRound, nativeRound) {
  const results = [];
  for (const threads of threadCounts) {
    const guest = [];
    const native = [];
    for (let round = 0; round < rounds; round++) {
      // Alternate which side goes first, so neither always runs on a warmer (or hotter) machine.
      if (round % 2 === 0) {
        guest.push(...(await guestRound(threads)));
        native.push(...(await nativeRound(threads)));
      } else {
        native.push(...(await nativeRound(threads)));
        guest.push(...(await guestRound(threads)));
      }
    }
    const result = { threads, guest: median(guest), native: median(native) };
    result.ratio = result.guest / result.native;
    console.log(`threads ${threads}: native ${result.native.toFixed(3)}, guest ${result.guest.toFixed(3)}, ratio ${result.ratio.toFixed(3)}`);
    results.push(result);
  }
  return results;
}
