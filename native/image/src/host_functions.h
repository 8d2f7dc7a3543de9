/*
 * The host functions of module wasmedge_image.
 *
 * Current (WasmEdge >= 0.15) functions, (in_ptr, in_len, out_w, out_h,
 * out_type, out_ptr, out_len) -> errno:  load_jpg, load_png, load_image.
 * Legacy functions of the archived second-state/WasmEdge-image module,
 * (in_ptr, in_len, out_w, out_h, out_ptr) -> errno, the output type in the
 * name: wasmedge_image_load_{jpg,png}_to_{rgb8,bgr8,rgb32f,bgr32f}.
 *
 * Every function returns 0 or 1 and never traps; all formats are accepted by
 * all functions (as in WasmEdge >= 0.15).
 */
#ifndef WS_IMAGE_HOST_FUNCTIONS_H
#define WS_IMAGE_HOST_FUNCTIONS_H

#include <wasmedge/wasmedge.h>

#include "image.h"

#define WS_IMAGE_LEGACY_FUNCTION_COUNT 8

/* Host data of one module instance. Function instances point into it. */
typedef struct ws_image_module_state {
  ws_image_config Config;
  struct ws_image_legacy_binding {
    const ws_image_config *Config;
    enum ws_image_data_type Type;
  } Legacy[WS_IMAGE_LEGACY_FUNCTION_COUNT];
} ws_image_module_state;

/* Adds all functions to Module. Returns false if any could not be added. */
bool ws_image_add_functions(WasmEdge_ModuleInstanceContext *Module, ws_image_module_state *State);

#endif /* WS_IMAGE_HOST_FUNCTIONS_H */
