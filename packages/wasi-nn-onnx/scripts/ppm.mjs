// Binary PPM (P6) images for tests and examples.

/** A W x H binary PPM filled by pixel(x, y) -> [r, g, b]. */
export function ppm(width, height, pixel) {
  const header = Buffer.from(`P6\n${width} ${height}\n255\n`, 'ascii');
  const body = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) body.set(pixel(x, y), (y * width + x) * 3);
  return Buffer.concat([header, body]);
}
