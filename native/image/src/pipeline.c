#include "pipeline.h"

#include <math.h>

#include "decode.h"
#include "resize.h"

uint32_t ws_image_sample_size(uint32_t Type) {
  switch (Type) {
  case WS_IMAGE_RGB8:
  case WS_IMAGE_BGR8:
    return 1;
  case WS_IMAGE_RGB32F:
  case WS_IMAGE_BGR32F:
    return 4;
  default:
    return 0;
  }
}

/* 8-bit sample -> value the resizer works on. u8 outputs keep 0..255; f32
 * outputs are v/255 (WasmEdge <= 0.14, what ML guests were written against)
 * or stb's LDR-to-HDR rule (v/255)^2.2 (WasmEdge >= 0.15). */
static void fill_sample_table(float *Table, bool Float, bool Gamma) {
  for (int V = 0; V < 256; ++V) {
    if (!Float)
      Table[V] = (float)V;
    else if (Gamma)
      Table[V] = (float)pow(V / 255.0, 2.2);
    else
      Table[V] = (float)V / 255.0f;
  }
}

ws_image_status ws_image_load(const ws_image_load_call *Call) {
  const ws_decode_request Request = {
      .Data = Call->Input,
      .Length = Call->InputLength,
      .MaxPixels = Call->MaxPixels,
      .MinWidth = Call->Width,
      .MinHeight = Call->Height,
  };
  ws_rgb8_image Picture;
  ws_image_status Status = ws_decode(&Request, &Picture);
  if (Status != WS_IMAGE_OK) return Status;

  const bool Float = Call->Type == WS_IMAGE_RGB32F || Call->Type == WS_IMAGE_BGR32F;
  float Table[256];
  fill_sample_table(Table, Float, Call->F32Gamma);
  const ws_resize_target Target = {
      .Destination = Call->Output,
      .Width = Call->Width,
      .Height = Call->Height,
      .Float = Float,
      .SwapRedBlue = Call->Type == WS_IMAGE_BGR8 || Call->Type == WS_IMAGE_BGR32F,
      .SampleTable = Table,
  };
  Status = ws_resize(&Picture, &Target);
  ws_rgb8_image_free(&Picture);
  return Status;
}
