/**
 * Options of the wasmedge_image plug-in. The same values are CLI flags of
 * `ws run` and `pluginOptions` of `new Runtime(...)` in @ws/core; a module
 * copies them when it is created (WasmEdge's rule), so set them first.
 */
export interface ImageOptions {
  /**
   * How 8-bit samples become f32 outputs (`RGB32F`, `BGR32F`).
   * `false` (default): `v / 255`, the rule of WasmEdge up to 0.14 and what
   * most ML guests were written against. `true`: `(v / 255) ** 2.2`, the rule
   * of WasmEdge 0.15 and later (stb_image's LDR-to-HDR gamma). The legacy
   * `wasmedge_image_load_*_to_*` functions always use `v / 255`.
   * CLI: `--image-f32-gamma`.
   */
  f32Gamma?: boolean;
  /**
   * Images whose declared width × height exceeds this are refused (errno 1)
   * before any pixel memory is allocated: a defence against decompression
   * bombs. Default: 100000000 (100 megapixels, 300 MB of decoded RGB).
   * CLI: `--image-max-pixels N`.
   */
  maxPixels?: number;
}

/** Plug-in option values keyed by option name, as @ws/core takes them. */
export type ImagePluginOptions = Record<string, boolean | string>;

/** Option names declared by the plug-in. */
export const imageOptionNames = {
  f32Gamma: 'image-f32-gamma',
  maxPixels: 'image-max-pixels',
} as const;

/** Default of {@link ImageOptions.maxPixels}. */
export const defaultMaxPixels = 100_000_000;

/** Converts typed options into plug-in option values (`pluginOptions` of a Runtime). */
export function toPluginOptions(options: ImageOptions): ImagePluginOptions {
  const values: ImagePluginOptions = {};
  if (options.f32Gamma) values[imageOptionNames.f32Gamma] = true;
  if (options.maxPixels !== undefined) {
    const value = options.maxPixels;
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new RangeError(`[ws:image] maxPixels must be a positive integer, got ${value}. Pass a whole number of pixels such as ${defaultMaxPixels}.`);
    }
    values[imageOptionNames.maxPixels] = String(value);
  }
  return values;
}
