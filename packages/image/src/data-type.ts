/** Output layouts of the host functions (`out_type`), WasmEdge's DataType values. */
export const ImageDataType = {
  /** u8 samples, R,G,B. */
  RGB8: 0,
  /** u8 samples, B,G,R. */
  BGR8: 1,
  /** little-endian f32 samples, R,G,B. */
  RGB32F: 2,
  /** little-endian f32 samples, B,G,R. */
  BGR32F: 3,
} as const;

export type ImageDataTypeValue = (typeof ImageDataType)[keyof typeof ImageDataType];

/** Output format names of {@link loadImage}. */
export type ImageFormat = 'rgb8' | 'bgr8' | 'rgb32f' | 'bgr32f';

export const imageFormatDataType: Readonly<Record<ImageFormat, ImageDataTypeValue>> = {
  rgb8: ImageDataType.RGB8,
  bgr8: ImageDataType.BGR8,
  rgb32f: ImageDataType.RGB32F,
  bgr32f: ImageDataType.BGR32F,
};

/** Bytes of one output sample. */
export function sampleSize(format: ImageFormat): 1 | 4 {
  return format === 'rgb8' || format === 'bgr8' ? 1 : 4;
}
