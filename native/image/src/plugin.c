/*
 * Plug-in descriptor of wasmedge_image: one module, `wasmedge_image`, with
 * the identity WasmEdge gives it, plus two ws options.
 */
#include <stdlib.h>

#include <wasmedge/wasmedge.h>

#include "host_functions.h"
#include "image.h"

/* Option storage, written by the host when it parses the plug-in options and
 * read when a module instance is created. */
static bool F32GammaOption = false;
static uint64_t MaxPixelsOption = WS_IMAGE_DEFAULT_MAX_PIXELS;
/* `--image-max-pixels` given without a value keeps the default. */
static const uint64_t MaxPixelsImplicitValue = WS_IMAGE_DEFAULT_MAX_PIXELS;

static WasmEdge_ProgramOption Options[] = {
    {
        .Name = "image-f32-gamma",
        .Description = "f32 outputs become (v/255)^2.2, the rule of WasmEdge 0.15 and later, "
                       "instead of v/255 (WasmEdge up to 0.14, what most ML guests expect).",
        .Type = WasmEdge_ProgramOptionType_Toggle,
        .Storage = &F32GammaOption,
        .DefaultValue = NULL,
    },
    {
        .Name = "image-max-pixels",
        .Description = "Refuse images whose declared width*height exceeds this (default "
                       "100000000), checked before any pixel memory is allocated.",
        .Type = WasmEdge_ProgramOptionType_UInt64,
        .Storage = &MaxPixelsOption,
        .DefaultValue = &MaxPixelsImplicitValue,
    },
};

static void delete_state(void *State) { free(State); }

static WasmEdge_ModuleInstanceContext *create_module(const WasmEdge_ModuleDescriptor *Descriptor) {
  (void)Descriptor;
  ws_image_module_state *State = calloc(1, sizeof(*State));
  if (State == NULL) return NULL;
  State->Config.F32Gamma = F32GammaOption;
  State->Config.MaxPixels = MaxPixelsOption;
  WasmEdge_String Name = WasmEdge_StringCreateByCString("wasmedge_image");
  WasmEdge_ModuleInstanceContext *Module =
      WasmEdge_ModuleInstanceCreateWithData(Name, State, delete_state);
  WasmEdge_StringDelete(Name);
  if (Module == NULL) {
    free(State);
    return NULL;
  }
  if (!ws_image_add_functions(Module, State)) {
    WasmEdge_ModuleInstanceDelete(Module); /* runs delete_state */
    return NULL;
  }
  return Module;
}

static WasmEdge_ModuleDescriptor Modules[] = {
    {
        .Name = "wasmedge_image",
        .Description = "Image loading and resizing into tensors.",
        .Create = create_module,
    },
};

static const WasmEdge_PluginDescriptor Descriptor = {
    .Name = "wasmedge_image",
    .Description = "Image loading plug-in for WasmEdge.",
    .APIVersion = WasmEdge_Plugin_CurrentAPIVersion,
    .Version = {.Major = 0, .Minor = 13, .Patch = 0, .Build = 0},
    .ModuleCount = sizeof(Modules) / sizeof(Modules[0]),
    .ProgramOptionCount = sizeof(Options) / sizeof(Options[0]),
    .ModuleDescriptions = Modules,
    .ProgramOptions = Options,
};

WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) {
  return &Descriptor;
}
