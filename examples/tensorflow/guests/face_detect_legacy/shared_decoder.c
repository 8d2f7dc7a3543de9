/* The anchor decoding and image-size code of examples/wasi-nn, compiled into
 * this guest too (one copy in the tree; only the inference API differs). */
#include "../../../wasi-nn/guests/face_detect/detector.c"
#include "../../../wasi-nn/guests/face_detect/image_size.c"
