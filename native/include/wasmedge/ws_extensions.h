/*
 * ws extensions to the WasmEdge C plug-in API.
 *
 * WasmEdge's C API has no list-valued program option: only C++ plug-ins can
 * declare options such as `--allow-command CMD` (repeatable). ws adds one
 * option type for C plug-ins. WasmEdge itself does not know this type and
 * ignores the option, so a plug-in that declares it still loads there.
 */
#ifndef WS_WASMEDGE_EXTENSIONS_H
#define WS_WASMEDGE_EXTENSIONS_H

#include "wasmedge/wasmedge.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A repeatable string option: each `--name VALUE` appends one item.
 * `Storage` points to a WS_StringList that the host fills and owns. */
#define WS_ProgramOptionType_StringList ((enum WasmEdge_ProgramOptionType)0x100)

typedef struct WS_StringList {
  uint32_t Length;
  const WasmEdge_String *Items;
} WS_StringList;

#ifdef __cplusplus
}
#endif

#endif /* WS_WASMEDGE_EXTENSIONS_H */
