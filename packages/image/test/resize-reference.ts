// An independent, slow, double-precision implementation of the documented
// resize rule (README "Resizing"): separable; per axis a copy when the size is
// unchanged, Catmull-Rom when upscaling, Mitchell-Netravali (B = C = 1/3)
// widened by the scale factor when downscaling; pixel centres at +0.5; edge
// pixels repeated; weights normalised to sum 1.

function mitchell(x: number): number {
  x = Math.abs(x);
  if (x < 1) return (7 * x * x * x - 12 * x * x + 16 / 3) / 6;
  if (x < 2) return (-7 / 3 * x * x * x + 12 * x * x - 20 * x + 32 / 3) / 6;
  return 0;
}

function catmullRom(x: number): number {
  x = Math.abs(x);
  if (x < 1) return 1.5 * x * x * x - 2.5 * x * x + 1;
  if (x < 2) return -0.5 * x * x * x + 2.5 * x * x - 4 * x + 2;
  return 0;
}

/** For each output index: [source index, weight][] */
function axisWeights(inSize: number, outSize: number): [number, number][][] {
  if (inSize === outSize) return Array.from({ length: outSize }, (_, i) => [[i, 1]]);
  const ratio = inSize / outSize;
  const down = outSize < inSize;
  const scale = down ? ratio : 1;
  const kernel = down ? mitchell : catmullRom;
  return Array.from({ length: outSize }, (_, i) => {
    const center = (i + 0.5) * ratio;
    const taps = new Map<number, number>();
    let total = 0;
    for (let j = Math.ceil(center - 2 * scale - 0.5); j <= Math.floor(center + 2 * scale - 0.5); j++) {
      const weight = kernel((j + 0.5 - center) / scale);
      const index = Math.min(Math.max(j, 0), inSize - 1);
      taps.set(index, (taps.get(index) ?? 0) + weight);
      total += weight;
    }
    return [...taps].map(([index, weight]) => [index, weight / total] as [number, number]);
  });
}

/** Resizes 8-bit RGB; `toValue` maps a sample before filtering (v, v/255, ...). Returns unrounded values. */
export function referenceResize(rgb: Uint8Array, inWidth: number, inHeight: number, outWidth: number, outHeight: number, toValue: (v: number) => number = (v) => v): Float64Array {
  const horizontal = axisWeights(inWidth, outWidth);
  const vertical = axisWeights(inHeight, outHeight);
  const rows = new Float64Array(inHeight * outWidth * 3);
  for (let y = 0; y < inHeight; y++)
    for (let x = 0; x < outWidth; x++)
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (const [index, weight] of horizontal[x]!) sum += weight * toValue(rgb[(y * inWidth + index) * 3 + c]!);
        rows[(y * outWidth + x) * 3 + c] = sum;
      }
  const out = new Float64Array(outHeight * outWidth * 3);
  for (let y = 0; y < outHeight; y++)
    for (let x = 0; x < outWidth; x++)
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (const [index, weight] of vertical[y]!) sum += weight * rows[(index * outWidth + x) * 3 + c]!;
        out[(y * outWidth + x) * 3 + c] = sum;
      }
  return out;
}

/** Rounds and clamps like the u8 outputs. */
export function toU8(values: Float64Array): Uint8Array {
  return Uint8Array.from(values, (v) => (v <= 0 ? 0 : v >= 255 ? 255 : Math.floor(v + 0.5)));
}
