/*
 * Decoders. Each one checks the declared dimensions against the pixel limit
 * before allocating pixels, forces three 8-bit channels (grey replicated,
 * alpha dropped without compositing, palette expanded, 16-bit samples reduced
 * to their high byte, as stb_image does for WasmEdge >= 0.15) and ignores
 * EXIF orientation and gamma chunks.
 */
#ifndef WS_IMAGE_DECODE_H
#define WS_IMAGE_DECODE_H

#include "image.h"

/* Picks the decoder from the file signature. */
ws_image_status ws_decode(const ws_decode_request *Request, ws_rgb8_image *Out);

ws_image_status ws_decode_jpeg(const ws_decode_request *Request, ws_rgb8_image *Out);
ws_image_status ws_decode_png(const ws_decode_request *Request, ws_rgb8_image *Out);
/* BMP, GIF (first frame), TGA, PSD (composite), HDR, PIC, PNM through
 * stb_image; WS_IMAGE_UNKNOWN_FORMAT when built without it. */
ws_image_status ws_decode_stb(const ws_decode_request *Request, ws_rgb8_image *Out);

#endif /* WS_IMAGE_DECODE_H */
