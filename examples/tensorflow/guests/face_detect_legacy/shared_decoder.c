/* The anchor decoding and image-size code of examples/wasi-nn, and the report
 * of ../face_detect, compiled into this guest too (one copy in the tree). */
#include "../../../wasi-nn/guests/face_detect/detector.c"
#include "../../../wasi-nn/guests/face_detect/image_size.c"
#include "../face_detect/report.c"
