export { toPluginOptions, imageOptionNames, defaultMaxPixels } from './options.js';
export type { ImageOptions, ImagePluginOptions } from './options.js';
export { ImageDataType, imageFormatDataType, sampleSize } from './data-type.js';
export type { ImageDataTypeValue, ImageFormat } from './data-type.js';
export { loadImagePlugin, createImageModule } from './image-module.js';
export { loadImage, disposeImageSessions, ImageLoadError } from './load-image.js';
export type { LoadImageRequest } from './load-image.js';
export { wasmedgeImageFunctionNames } from './types.js';
export type { WasmedgeImageFunctions } from './types.js';
