#include "host_functions.h"

#include <stdint.h>

#include "pipeline.h"

enum { WS_IMAGE_SUCCESS = 0, WS_IMAGE_FAIL = 1 };

static uint32_t param_u32(const WasmEdge_Value *Params, int Index) {
  return (uint32_t)WasmEdge_ValueGetI32(Params[Index]);
}

static WasmEdge_Result return_errno(WasmEdge_Value *Returns, uint32_t Errno) {
  Returns[0] = WasmEdge_ValueGenI32((int32_t)Errno);
  return WasmEdge_Result_Success;
}

/* Output sizes WasmEdge HEAD accepts: both sides non-zero, a row of samples
 * and the height within INT32_MAX. */
static bool output_size_valid(uint32_t Width, uint32_t Height, uint32_t SampleSize) {
  if (Width == 0 || Height == 0) return false;
  return Width <= INT32_MAX / (3 * SampleSize) && Height <= INT32_MAX;
}

/* load_jpg / load_png / load_image. Checks in WasmEdge HEAD's order, each
 * failing with errno 1. */
static WasmEdge_Result load_current(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                    const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  const ws_image_config *Config = Data;
  const uint32_t InPtr = param_u32(Params, 0), InLen = param_u32(Params, 1);
  const uint32_t Width = param_u32(Params, 2), Height = param_u32(Params, 3);
  const uint32_t Type = param_u32(Params, 4);
  const uint32_t OutPtr = param_u32(Params, 5), OutLen = param_u32(Params, 6);

  WasmEdge_MemoryInstanceContext *Memory = WasmEdge_CallingFrameGetMemoryInstance(Frame, 0);
  if (Memory == NULL) return return_errno(Returns, WS_IMAGE_FAIL);
  const uint8_t *Input = WasmEdge_MemoryInstanceGetPointerConst(Memory, InPtr, InLen);
  if (Input == NULL) return return_errno(Returns, WS_IMAGE_FAIL);
  uint8_t *Output = WasmEdge_MemoryInstanceGetPointer(Memory, OutPtr, OutLen);
  if (Output == NULL) return return_errno(Returns, WS_IMAGE_FAIL);
  const uint32_t SampleSize = ws_image_sample_size(Type);
  if (SampleSize == 0) return return_errno(Returns, WS_IMAGE_FAIL);
  if (InLen > INT32_MAX) return return_errno(Returns, WS_IMAGE_FAIL);
  if (!output_size_valid(Width, Height, SampleSize)) return return_errno(Returns, WS_IMAGE_FAIL);
  /* Before decoding: never write past the guest's buffer. */
  if ((uint64_t)Width * Height * 3 * SampleSize > OutLen) return return_errno(Returns, WS_IMAGE_FAIL);

  const ws_image_load_call Call = {
      .Input = Input,
      .InputLength = InLen,
      .Width = Width,
      .Height = Height,
      .Type = (enum ws_image_data_type)Type,
      .F32Gamma = Config->F32Gamma,
      .MaxPixels = Config->MaxPixels,
      .Output = Output,
  };
  return return_errno(Returns, ws_image_load(&Call) == WS_IMAGE_OK ? WS_IMAGE_SUCCESS : WS_IMAGE_FAIL);
}

/* wasmedge_image_load_*_to_*: no output length parameter, the buffer is
 * exactly out_w*out_h*3 samples. f32 outputs are always v/255, as they were. */
static WasmEdge_Result load_legacy(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                   const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  const struct ws_image_legacy_binding *Binding = Data;
  const uint32_t InPtr = param_u32(Params, 0), InLen = param_u32(Params, 1);
  const uint32_t Width = param_u32(Params, 2), Height = param_u32(Params, 3);
  const uint32_t OutPtr = param_u32(Params, 4);
  const uint32_t SampleSize = ws_image_sample_size(Binding->Type);

  WasmEdge_MemoryInstanceContext *Memory = WasmEdge_CallingFrameGetMemoryInstance(Frame, 0);
  if (Memory == NULL) return return_errno(Returns, WS_IMAGE_FAIL);
  const uint8_t *Input = WasmEdge_MemoryInstanceGetPointerConst(Memory, InPtr, InLen);
  if (Input == NULL || InLen > INT32_MAX) return return_errno(Returns, WS_IMAGE_FAIL);
  if (!output_size_valid(Width, Height, SampleSize)) return return_errno(Returns, WS_IMAGE_FAIL);
  const uint64_t OutLen = (uint64_t)Width * Height * 3 * SampleSize;
  uint8_t *Output = WasmEdge_MemoryInstanceGetPointer(Memory, OutPtr, OutLen);
  if (Output == NULL) return return_errno(Returns, WS_IMAGE_FAIL);

  const ws_image_load_call Call = {
      .Input = Input,
      .InputLength = InLen,
      .Width = Width,
      .Height = Height,
      .Type = Binding->Type,
      .F32Gamma = false,
      .MaxPixels = Binding->Config->MaxPixels,
      .Output = Output,
  };
  return return_errno(Returns, ws_image_load(&Call) == WS_IMAGE_OK ? WS_IMAGE_SUCCESS : WS_IMAGE_FAIL);
}

static bool add_function(WasmEdge_ModuleInstanceContext *Module, const char *Name,
                         uint32_t ParamCount, WasmEdge_HostFunc_t Function, void *Data) {
  WasmEdge_ValType Params[7];
  for (uint32_t I = 0; I < ParamCount; ++I) Params[I] = WasmEdge_ValTypeGenI32();
  WasmEdge_ValType Result = WasmEdge_ValTypeGenI32();
  WasmEdge_FunctionTypeContext *Type = WasmEdge_FunctionTypeCreate(Params, ParamCount, &Result, 1);
  if (Type == NULL) return false;
  WasmEdge_FunctionInstanceContext *Instance = WasmEdge_FunctionInstanceCreate(Type, Function, Data, 0);
  WasmEdge_FunctionTypeDelete(Type);
  if (Instance == NULL) return false;
  WasmEdge_String FunctionName = WasmEdge_StringCreateByCString(Name);
  WasmEdge_Result Added = WasmEdge_ModuleInstanceAddFunction(Module, FunctionName, Instance);
  WasmEdge_StringDelete(FunctionName);
  return WasmEdge_ResultOK(Added);
}

bool ws_image_add_functions(WasmEdge_ModuleInstanceContext *Module, ws_image_module_state *State) {
  static const char *const Current[] = {"load_jpg", "load_png", "load_image"};
  static const struct {
    const char *Name;
    enum ws_image_data_type Type;
  } Legacy[WS_IMAGE_LEGACY_FUNCTION_COUNT] = {
      {"wasmedge_image_load_jpg_to_rgb8", WS_IMAGE_RGB8},
      {"wasmedge_image_load_jpg_to_bgr8", WS_IMAGE_BGR8},
      {"wasmedge_image_load_jpg_to_rgb32f", WS_IMAGE_RGB32F},
      {"wasmedge_image_load_jpg_to_bgr32f", WS_IMAGE_BGR32F},
      {"wasmedge_image_load_png_to_rgb8", WS_IMAGE_RGB8},
      {"wasmedge_image_load_png_to_bgr8", WS_IMAGE_BGR8},
      {"wasmedge_image_load_png_to_rgb32f", WS_IMAGE_RGB32F},
      {"wasmedge_image_load_png_to_bgr32f", WS_IMAGE_BGR32F},
  };
  for (size_t I = 0; I < sizeof(Current) / sizeof(Current[0]); ++I)
    if (!add_function(Module, Current[I], 7, load_current, &State->Config)) return false;
  for (size_t I = 0; I < WS_IMAGE_LEGACY_FUNCTION_COUNT; ++I) {
    State->Legacy[I].Config = &State->Config;
    State->Legacy[I].Type = Legacy[I].Type;
    if (!add_function(Module, Legacy[I].Name, 5, load_legacy, &State->Legacy[I])) return false;
  }
  return true;
}
