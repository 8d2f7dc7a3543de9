/*
 * ws: a WasmEdge-compatible C API for plug-ins hosted by Node.js.
 *
 * This header is written for the ws project. It is ABI-compatible with the
 * WasmEdge C API at plug-in API version 5 (WasmEdge 0.17 and the master branch
 * after 0.17.1): the same type names, struct layouts, enum values and function
 * signatures, so that a C plug-in compiled against WasmEdge's headers loads into
 * ws unchanged, and a plug-in compiled against this header loads into WasmEdge.
 *
 * Only the part of the API that a plug-in (or a C program driving plug-ins)
 * uses is declared here. The VM, loader, validator and AST APIs of WasmEdge are
 * not part of ws: guests run on Node's own WebAssembly engine.
 *
 * Layout facts (LP64): see docs/plugin-authoring.md and the tests in
 * native/host/capi/test/abi_layout_test.c.
 */
#ifndef WASMEDGE_C_API_H
#define WASMEDGE_C_API_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32) || defined(__CYGWIN__)
#if defined(WASMEDGE_COMPILE_LIBRARY)
#define WASMEDGE_CAPI_EXPORT __declspec(dllexport)
#else
#define WASMEDGE_CAPI_EXPORT __declspec(dllimport)
#endif
#if defined(WASMEDGE_PLUGIN)
#define WASMEDGE_CAPI_PLUGIN_EXPORT __declspec(dllexport)
#else
#define WASMEDGE_CAPI_PLUGIN_EXPORT
#endif
#else
#define WASMEDGE_CAPI_EXPORT __attribute__((visibility("default")))
#define WASMEDGE_CAPI_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

/* ---- Versions ---------------------------------------------------------- */

/* The WasmEdge release whose C API this header matches. */
#define WASMEDGE_VERSION "0.17.1"
#define WASMEDGE_VERSION_MAJOR 0
#define WASMEDGE_VERSION_MINOR 17
#define WASMEDGE_VERSION_PATCH 1

/* The plug-in API version a plug-in built against this header declares. */
#define WasmEdge_Plugin_CurrentAPIVersion 5

/* ---- 128-bit integers -------------------------------------------------- */

#if defined(__x86_64__) || defined(__aarch64__) ||                            \
    (defined(__riscv) && __riscv_xlen == 64) || defined(__s390x__)
typedef unsigned __int128 uint128_t;
typedef __int128 int128_t;
#else
typedef struct uint128_t {
  uint64_t Low;
  uint64_t High;
} uint128_t;
typedef struct int128_t {
  uint64_t Low;
  int64_t High;
} int128_t;
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Enumerations -------------------------------------------------------- */

/* Error categories of WasmEdge_Result. */
enum WasmEdge_ErrCategory {
  WasmEdge_ErrCategory_WASM = 0x00,
  WasmEdge_ErrCategory_UserLevelError = 0x01
};

/* Error codes of category WASM that host functions and hosts meet
 * (phase-based numbering of API versions 3 to 5). */
enum WasmEdge_ErrCode {
  WasmEdge_ErrCode_Success = 0x0000,
  WasmEdge_ErrCode_Terminated = 0x0001,
  WasmEdge_ErrCode_RuntimeError = 0x0002,
  WasmEdge_ErrCode_CostLimitExceeded = 0x0003,
  WasmEdge_ErrCode_WrongVMWorkflow = 0x0004,
  WasmEdge_ErrCode_FuncNotFound = 0x0005,
  WasmEdge_ErrCode_AOTDisabled = 0x0006,
  WasmEdge_ErrCode_Interrupted = 0x0007,
  WasmEdge_ErrCode_NotValidated = 0x0008,
  WasmEdge_ErrCode_NonNullRequired = 0x0009,
  WasmEdge_ErrCode_SetValueToConst = 0x000A,
  WasmEdge_ErrCode_SetValueErrorType = 0x000B,
  WasmEdge_ErrCode_UserDefError = 0x000C,
  WasmEdge_ErrCode_IllegalPath = 0x0100,
  WasmEdge_ErrCode_ReadError = 0x0101,
  WasmEdge_ErrCode_UnexpectedEnd = 0x0102,
  WasmEdge_ErrCode_MalformedMagic = 0x0103,
  WasmEdge_ErrCode_ModuleNameConflict = 0x0300,
  WasmEdge_ErrCode_IncompatibleImportType = 0x0301,
  WasmEdge_ErrCode_UnknownImport = 0x0302,
  WasmEdge_ErrCode_DataSegDoesNotFit = 0x0303,
  WasmEdge_ErrCode_ElemSegDoesNotFit = 0x0304,
  WasmEdge_ErrCode_WrongInstanceAddress = 0x0400,
  WasmEdge_ErrCode_WrongInstanceIndex = 0x0401,
  WasmEdge_ErrCode_InstrTypeMismatch = 0x0402,
  WasmEdge_ErrCode_FuncSigMismatch = 0x0403,
  WasmEdge_ErrCode_DivideByZero = 0x0404,
  WasmEdge_ErrCode_IntegerOverflow = 0x0405,
  WasmEdge_ErrCode_InvalidConvToInt = 0x0406,
  WasmEdge_ErrCode_TableOutOfBounds = 0x0407,
  WasmEdge_ErrCode_MemoryOutOfBounds = 0x0408,
  WasmEdge_ErrCode_ArrayOutOfBounds = 0x0409,
  WasmEdge_ErrCode_Unreachable = 0x040A,
  WasmEdge_ErrCode_UninitializedElement = 0x040B,
  WasmEdge_ErrCode_UndefinedElement = 0x040C,
  WasmEdge_ErrCode_IndirectCallTypeMismatch = 0x040D,
  WasmEdge_ErrCode_HostFuncError = 0x040E,
  WasmEdge_ErrCode_RefTypeMismatch = 0x040F,
  WasmEdge_ErrCode_UnalignedAtomicAccess = 0x0410,
  WasmEdge_ErrCode_ExpectSharedMemory = 0x0411,
  WasmEdge_ErrCode_CastNullToNonNull = 0x0412,
  WasmEdge_ErrCode_AccessNullFunc = 0x0413,
  WasmEdge_ErrCode_AccessNullStruct = 0x0414,
  WasmEdge_ErrCode_AccessNullArray = 0x0415,
  WasmEdge_ErrCode_AccessNullI31 = 0x0416,
  WasmEdge_ErrCode_CastFailed = 0x0417,
  WasmEdge_ErrCode_UncaughtException = 0x0418
};

enum WasmEdge_Mutability { WasmEdge_Mutability_Const = 0x00, WasmEdge_Mutability_Var = 0x01 };

enum WasmEdge_ExternalType {
  WasmEdge_ExternalType_Function = 0x00,
  WasmEdge_ExternalType_Table = 0x01,
  WasmEdge_ExternalType_Memory = 0x02,
  WasmEdge_ExternalType_Global = 0x03,
  WasmEdge_ExternalType_Tag = 0x04
};

enum WasmEdge_LogLevel {
  WasmEdge_LogLevel_Trace = 0,
  WasmEdge_LogLevel_Debug = 1,
  WasmEdge_LogLevel_Info = 2,
  WasmEdge_LogLevel_Warn = 3,
  WasmEdge_LogLevel_Error = 4,
  WasmEdge_LogLevel_Critical = 5
};

/* Type codes found in byte 2 of WasmEdge_ValType.Data. */
enum WasmEdge_TypeCode {
  WasmEdge_TypeCode_I32 = 0x7F,
  WasmEdge_TypeCode_I64 = 0x7E,
  WasmEdge_TypeCode_F32 = 0x7D,
  WasmEdge_TypeCode_F64 = 0x7C,
  WasmEdge_TypeCode_V128 = 0x7B,
  WasmEdge_TypeCode_Ref = 0x64,
  WasmEdge_TypeCode_RefNull = 0x63
};

/* Heap type codes found in byte 3 of WasmEdge_ValType.Data. */
enum WasmEdge_HeapTypeCode {
  WasmEdge_HeapTypeCode_Epsilon = 0x40,
  WasmEdge_HeapTypeCode_Func = 0x70,
  WasmEdge_HeapTypeCode_Extern = 0x6F
};

/* ---- Basic types -------------------------------------------------------- */

/* A byte string, not necessarily NUL-terminated. */
typedef struct WasmEdge_String {
  uint32_t Length;
  const char *Buf;
} WasmEdge_String;

typedef struct WasmEdge_Bytes {
  uint32_t Length;
  const uint8_t *Buf;
} WasmEdge_Bytes;

/* (Category << 24) | Code. */
typedef struct WasmEdge_Result {
  uint32_t Code;
} WasmEdge_Result;

#define WasmEdge_Result_Success ((WasmEdge_Result){.Code = 0x00})
#define WasmEdge_Result_Terminate ((WasmEdge_Result){.Code = 0x01})
#define WasmEdge_Result_Fail ((WasmEdge_Result){.Code = 0x02})

/* Value type: byte 2 = type code, byte 3 = heap type code, bytes 4..7 = type
 * index (little-endian). Bytes 0 and 1 are not compared. */
typedef struct WasmEdge_ValType {
  uint8_t Data[8];
} WasmEdge_ValType;

/* A value: the number in the low bits of Value (little-endian), and its type. */
typedef struct WasmEdge_Value {
  uint128_t Value;
  WasmEdge_ValType Type;
} WasmEdge_Value;

/* ---- Opaque contexts ---------------------------------------------------- */

typedef struct WasmEdge_LimitContext WasmEdge_LimitContext;
typedef struct WasmEdge_FunctionTypeContext WasmEdge_FunctionTypeContext;
typedef struct WasmEdge_MemoryTypeContext WasmEdge_MemoryTypeContext;
typedef struct WasmEdge_TableTypeContext WasmEdge_TableTypeContext;
typedef struct WasmEdge_GlobalTypeContext WasmEdge_GlobalTypeContext;
typedef struct WasmEdge_ModuleInstanceContext WasmEdge_ModuleInstanceContext;
typedef struct WasmEdge_FunctionInstanceContext WasmEdge_FunctionInstanceContext;
typedef struct WasmEdge_MemoryInstanceContext WasmEdge_MemoryInstanceContext;
typedef struct WasmEdge_TableInstanceContext WasmEdge_TableInstanceContext;
typedef struct WasmEdge_GlobalInstanceContext WasmEdge_GlobalInstanceContext;
typedef struct WasmEdge_CallingFrameContext WasmEdge_CallingFrameContext;
typedef struct WasmEdge_ExecutorContext WasmEdge_ExecutorContext;
typedef struct WasmEdge_PluginContext WasmEdge_PluginContext;

/* ---- Host functions ----------------------------------------------------- */

typedef WasmEdge_Result (*WasmEdge_HostFunc_t)(
    void *Data, const WasmEdge_CallingFrameContext *CallFrameCxt,
    const WasmEdge_Value *Params, WasmEdge_Value *Returns);

typedef WasmEdge_Result (*WasmEdge_WrapFunc_t)(
    void *This, void *Data, const WasmEdge_CallingFrameContext *CallFrameCxt,
    const WasmEdge_Value *Params, const uint32_t ParamLen,
    WasmEdge_Value *Returns, const uint32_t ReturnLen);

/* ---- Plug-in descriptors ------------------------------------------------ */

enum WasmEdge_ProgramOptionType {
  WasmEdge_ProgramOptionType_None = 0,
  WasmEdge_ProgramOptionType_Toggle = 1,
  WasmEdge_ProgramOptionType_Int8 = 2,
  WasmEdge_ProgramOptionType_Int16 = 3,
  WasmEdge_ProgramOptionType_Int32 = 4,
  WasmEdge_ProgramOptionType_Int64 = 5,
  WasmEdge_ProgramOptionType_UInt8 = 6,
  WasmEdge_ProgramOptionType_UInt16 = 7,
  WasmEdge_ProgramOptionType_UInt32 = 8,
  WasmEdge_ProgramOptionType_UInt64 = 9,
  WasmEdge_ProgramOptionType_Float = 10,
  WasmEdge_ProgramOptionType_Double = 11,
  WasmEdge_ProgramOptionType_String = 12
};

typedef struct WasmEdge_PluginVersionData {
  uint32_t Major;
  uint32_t Minor;
  uint32_t Patch;
  uint32_t Build;
} WasmEdge_PluginVersionData;

typedef struct WasmEdge_ModuleDescriptor {
  const char *Name;
  const char *Description;
  WasmEdge_ModuleInstanceContext *(*Create)(const struct WasmEdge_ModuleDescriptor *);
} WasmEdge_ModuleDescriptor;

typedef struct WasmEdge_ProgramOption {
  const char *Name;
  const char *Description;
  enum WasmEdge_ProgramOptionType Type;
  void *Storage;
  const void *DefaultValue;
} WasmEdge_ProgramOption;

typedef struct WasmEdge_PluginDescriptor {
  const char *Name;
  const char *Description;
  uint32_t APIVersion;
  WasmEdge_PluginVersionData Version;
  uint32_t ModuleCount;
  uint32_t ProgramOptionCount;
  WasmEdge_ModuleDescriptor *ModuleDescriptions;
  WasmEdge_ProgramOption *ProgramOptions;
} WasmEdge_PluginDescriptor;

/* Implemented by the plug-in, called by the host after loading it. */
WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *
WasmEdge_Plugin_GetDescriptor(void);

/* ---- Strings, bytes, results, versions, logging ------------------------- */

WASMEDGE_CAPI_EXPORT extern WasmEdge_String WasmEdge_StringCreateByCString(const char *Str);
WASMEDGE_CAPI_EXPORT extern WasmEdge_String WasmEdge_StringCreateByBuffer(const char *Buf, const uint32_t Len);
WASMEDGE_CAPI_EXPORT extern WasmEdge_String WasmEdge_StringWrap(const char *Buf, const uint32_t Len);
WASMEDGE_CAPI_EXPORT extern bool WasmEdge_StringIsEqual(const WasmEdge_String Str1, const WasmEdge_String Str2);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_StringCopy(const WasmEdge_String Str, char *Buf, const uint32_t Len);
WASMEDGE_CAPI_EXPORT extern void WasmEdge_StringDelete(WasmEdge_String Str);

WASMEDGE_CAPI_EXPORT extern WasmEdge_Bytes WasmEdge_BytesCreate(const uint8_t *Buf, const uint32_t Len);
WASMEDGE_CAPI_EXPORT extern WasmEdge_Bytes WasmEdge_BytesWrap(const uint8_t *Buf, const uint32_t Len);
WASMEDGE_CAPI_EXPORT extern void WasmEdge_BytesDelete(WasmEdge_Bytes Bytes);

WASMEDGE_CAPI_EXPORT extern bool WasmEdge_ResultOK(const WasmEdge_Result Res);
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result WasmEdge_ResultGen(const enum WasmEdge_ErrCategory Category, const uint32_t Code);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_ResultGetCode(const WasmEdge_Result Res);
WASMEDGE_CAPI_EXPORT extern enum WasmEdge_ErrCategory WasmEdge_ResultGetCategory(const WasmEdge_Result Res);
WASMEDGE_CAPI_EXPORT extern const char *WasmEdge_ResultGetMessage(const WasmEdge_Result Res);

WASMEDGE_CAPI_EXPORT extern const char *WasmEdge_VersionGet(void);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_VersionGetMajor(void);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_VersionGetMinor(void);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_VersionGetPatch(void);

WASMEDGE_CAPI_EXPORT extern void WasmEdge_LogSetErrorLevel(void);
WASMEDGE_CAPI_EXPORT extern void WasmEdge_LogSetDebugLevel(void);
WASMEDGE_CAPI_EXPORT extern void WasmEdge_LogOff(void);
WASMEDGE_CAPI_EXPORT extern void WasmEdge_LogSetLevel(const enum WasmEdge_LogLevel Level);

/* ---- Value types and values --------------------------------------------- */

WASMEDGE_CAPI_EXPORT extern WasmEdge_ValType WasmEdge_ValTypeGenI32(void);
WASMEDGE_CAPI_EXPORT extern WasmEdge_ValType WasmEdge_ValTypeGenI64(void);
WASMEDGE_CAPI_EXPORT extern WasmEdge_ValType WasmEdge_ValTypeGenF32(void);
WASMEDGE_CAPI_EXPORT extern WasmEdge_ValType WasmEdge_ValTypeGenF64(void);
WASMEDGE_CAPI_EXPORT extern WasmEdge_ValType WasmEdge_ValTypeGenV128(void);
WASMEDGE_CAPI_EXPORT extern WasmEdge_ValType WasmEdge_ValTypeGenFuncRef(void);
WASMEDGE_CAPI_EXPORT extern WasmEdge_ValType WasmEdge_ValTypeGenExternRef(void);
WASMEDGE_CAPI_EXPORT extern bool WasmEdge_ValTypeIsEqual(const WasmEdge_ValType ValType1, const WasmEdge_ValType ValType2);
WASMEDGE_CAPI_EXPORT extern bool WasmEdge_ValTypeIsI32(const WasmEdge_ValType ValType);
WASMEDGE_CAPI_EXPORT extern bool WasmEdge_ValTypeIsI64(const WasmEdge_ValType ValType);
WASMEDGE_CAPI_EXPORT extern bool WasmEdge_ValTypeIsF32(const WasmEdge_ValType ValType);
WASMEDGE_CAPI_EXPORT extern bool WasmEdge_ValTypeIsF64(const WasmEdge_ValType ValType);
WASMEDGE_CAPI_EXPORT extern bool WasmEdge_ValTypeIsV128(const WasmEdge_ValType ValType);
WASMEDGE_CAPI_EXPORT extern bool WasmEdge_ValTypeIsFuncRef(const WasmEdge_ValType ValType);
WASMEDGE_CAPI_EXPORT extern bool WasmEdge_ValTypeIsExternRef(const WasmEdge_ValType ValType);
WASMEDGE_CAPI_EXPORT extern bool WasmEdge_ValTypeIsRef(const WasmEdge_ValType ValType);
WASMEDGE_CAPI_EXPORT extern bool WasmEdge_ValTypeIsRefNull(const WasmEdge_ValType ValType);

WASMEDGE_CAPI_EXPORT extern WasmEdge_Value WasmEdge_ValueGenI32(const int32_t Val);
WASMEDGE_CAPI_EXPORT extern WasmEdge_Value WasmEdge_ValueGenI64(const int64_t Val);
WASMEDGE_CAPI_EXPORT extern WasmEdge_Value WasmEdge_ValueGenF32(const float Val);
WASMEDGE_CAPI_EXPORT extern WasmEdge_Value WasmEdge_ValueGenF64(const double Val);
WASMEDGE_CAPI_EXPORT extern WasmEdge_Value WasmEdge_ValueGenV128(const int128_t Val);
WASMEDGE_CAPI_EXPORT extern WasmEdge_Value WasmEdge_ValueGenFuncRef(const WasmEdge_FunctionInstanceContext *Cxt);
WASMEDGE_CAPI_EXPORT extern WasmEdge_Value WasmEdge_ValueGenExternRef(void *Ref);
WASMEDGE_CAPI_EXPORT extern int32_t WasmEdge_ValueGetI32(const WasmEdge_Value Val);
WASMEDGE_CAPI_EXPORT extern int64_t WasmEdge_ValueGetI64(const WasmEdge_Value Val);
WASMEDGE_CAPI_EXPORT extern float WasmEdge_ValueGetF32(const WasmEdge_Value Val);
WASMEDGE_CAPI_EXPORT extern double WasmEdge_ValueGetF64(const WasmEdge_Value Val);
WASMEDGE_CAPI_EXPORT extern int128_t WasmEdge_ValueGetV128(const WasmEdge_Value Val);
WASMEDGE_CAPI_EXPORT extern bool WasmEdge_ValueIsNullRef(const WasmEdge_Value Val);
WASMEDGE_CAPI_EXPORT extern const WasmEdge_FunctionInstanceContext *WasmEdge_ValueGetFuncRef(const WasmEdge_Value Val);
WASMEDGE_CAPI_EXPORT extern void *WasmEdge_ValueGetExternRef(const WasmEdge_Value Val);

/* ---- Limits and types ------------------------------------------------------ */

WASMEDGE_CAPI_EXPORT extern WasmEdge_LimitContext *WasmEdge_LimitCreate(const uint64_t Min, const bool Is64Bit);
WASMEDGE_CAPI_EXPORT extern WasmEdge_LimitContext *WasmEdge_LimitCreateWithMax(const uint64_t Min, const uint64_t Max, const bool Is64Bit, const bool IsShared);
WASMEDGE_CAPI_EXPORT extern bool WasmEdge_LimitHasMax(const WasmEdge_LimitContext *Cxt);
WASMEDGE_CAPI_EXPORT extern bool WasmEdge_LimitIsShared(const WasmEdge_LimitContext *Cxt);
WASMEDGE_CAPI_EXPORT extern bool WasmEdge_LimitIs64Bit(const WasmEdge_LimitContext *Cxt);
WASMEDGE_CAPI_EXPORT extern uint64_t WasmEdge_LimitGetMin(const WasmEdge_LimitContext *Cxt);
WASMEDGE_CAPI_EXPORT extern uint64_t WasmEdge_LimitGetMax(const WasmEdge_LimitContext *Cxt);
WASMEDGE_CAPI_EXPORT extern bool WasmEdge_LimitIsEqual(const WasmEdge_LimitContext *Cxt1, const WasmEdge_LimitContext *Cxt2);
WASMEDGE_CAPI_EXPORT extern void WasmEdge_LimitDelete(WasmEdge_LimitContext *Cxt);

WASMEDGE_CAPI_EXPORT extern WasmEdge_FunctionTypeContext *WasmEdge_FunctionTypeCreate(
    const WasmEdge_ValType *ParamList, const uint32_t ParamLen,
    const WasmEdge_ValType *ReturnList, const uint32_t ReturnLen);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_FunctionTypeGetParametersLength(const WasmEdge_FunctionTypeContext *Cxt);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_FunctionTypeGetParameters(const WasmEdge_FunctionTypeContext *Cxt, WasmEdge_ValType *List, const uint32_t Len);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_FunctionTypeGetReturnsLength(const WasmEdge_FunctionTypeContext *Cxt);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_FunctionTypeGetReturns(const WasmEdge_FunctionTypeContext *Cxt, WasmEdge_ValType *List, const uint32_t Len);
WASMEDGE_CAPI_EXPORT extern void WasmEdge_FunctionTypeDelete(WasmEdge_FunctionTypeContext *Cxt);

WASMEDGE_CAPI_EXPORT extern WasmEdge_MemoryTypeContext *WasmEdge_MemoryTypeCreate(const WasmEdge_LimitContext *Limit);
WASMEDGE_CAPI_EXPORT extern const WasmEdge_LimitContext *WasmEdge_MemoryTypeGetLimit(const WasmEdge_MemoryTypeContext *Cxt);
WASMEDGE_CAPI_EXPORT extern void WasmEdge_MemoryTypeDelete(WasmEdge_MemoryTypeContext *Cxt);

WASMEDGE_CAPI_EXPORT extern WasmEdge_TableTypeContext *WasmEdge_TableTypeCreate(const WasmEdge_ValType RefType, const WasmEdge_LimitContext *Limit);
WASMEDGE_CAPI_EXPORT extern WasmEdge_ValType WasmEdge_TableTypeGetRefType(const WasmEdge_TableTypeContext *Cxt);
WASMEDGE_CAPI_EXPORT extern const WasmEdge_LimitContext *WasmEdge_TableTypeGetLimit(const WasmEdge_TableTypeContext *Cxt);
WASMEDGE_CAPI_EXPORT extern void WasmEdge_TableTypeDelete(WasmEdge_TableTypeContext *Cxt);

WASMEDGE_CAPI_EXPORT extern WasmEdge_GlobalTypeContext *WasmEdge_GlobalTypeCreate(const WasmEdge_ValType ValType, const enum WasmEdge_Mutability Mut);
WASMEDGE_CAPI_EXPORT extern WasmEdge_ValType WasmEdge_GlobalTypeGetValType(const WasmEdge_GlobalTypeContext *Cxt);
WASMEDGE_CAPI_EXPORT extern enum WasmEdge_Mutability WasmEdge_GlobalTypeGetMutability(const WasmEdge_GlobalTypeContext *Cxt);
WASMEDGE_CAPI_EXPORT extern void WasmEdge_GlobalTypeDelete(WasmEdge_GlobalTypeContext *Cxt);

/* ---- Module instances ----------------------------------------------------- */

WASMEDGE_CAPI_EXPORT extern WasmEdge_ModuleInstanceContext *WasmEdge_ModuleInstanceCreate(const WasmEdge_String ModuleName);
WASMEDGE_CAPI_EXPORT extern WasmEdge_ModuleInstanceContext *WasmEdge_ModuleInstanceCreateWithData(
    const WasmEdge_String ModuleName, void *HostData, void (*Finalizer)(void *));
WASMEDGE_CAPI_EXPORT extern WasmEdge_String WasmEdge_ModuleInstanceGetModuleName(const WasmEdge_ModuleInstanceContext *Cxt);
WASMEDGE_CAPI_EXPORT extern void *WasmEdge_ModuleInstanceGetHostData(const WasmEdge_ModuleInstanceContext *Cxt);
WASMEDGE_CAPI_EXPORT extern WasmEdge_FunctionInstanceContext *WasmEdge_ModuleInstanceFindFunction(const WasmEdge_ModuleInstanceContext *Cxt, const WasmEdge_String Name);
WASMEDGE_CAPI_EXPORT extern WasmEdge_MemoryInstanceContext *WasmEdge_ModuleInstanceFindMemory(const WasmEdge_ModuleInstanceContext *Cxt, const WasmEdge_String Name);
WASMEDGE_CAPI_EXPORT extern WasmEdge_GlobalInstanceContext *WasmEdge_ModuleInstanceFindGlobal(const WasmEdge_ModuleInstanceContext *Cxt, const WasmEdge_String Name);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_ModuleInstanceListFunctionLength(const WasmEdge_ModuleInstanceContext *Cxt);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_ModuleInstanceListFunction(const WasmEdge_ModuleInstanceContext *Cxt, WasmEdge_String *Names, const uint32_t Len);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_ModuleInstanceListMemoryLength(const WasmEdge_ModuleInstanceContext *Cxt);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_ModuleInstanceListMemory(const WasmEdge_ModuleInstanceContext *Cxt, WasmEdge_String *Names, const uint32_t Len);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_ModuleInstanceListGlobalLength(const WasmEdge_ModuleInstanceContext *Cxt);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_ModuleInstanceListGlobal(const WasmEdge_ModuleInstanceContext *Cxt, WasmEdge_String *Names, const uint32_t Len);
/* Since the master branch after 0.17.1 these return a result (symbol version
 * WASMEDGE_0.18); the older void-returning symbols are kept at WASMEDGE_0.17. */
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result WasmEdge_ModuleInstanceAddFunction(WasmEdge_ModuleInstanceContext *Cxt, const WasmEdge_String Name, WasmEdge_FunctionInstanceContext *FuncCxt);
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result WasmEdge_ModuleInstanceAddTable(WasmEdge_ModuleInstanceContext *Cxt, const WasmEdge_String Name, WasmEdge_TableInstanceContext *TableCxt);
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result WasmEdge_ModuleInstanceAddMemory(WasmEdge_ModuleInstanceContext *Cxt, const WasmEdge_String Name, WasmEdge_MemoryInstanceContext *MemoryCxt);
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result WasmEdge_ModuleInstanceAddGlobal(WasmEdge_ModuleInstanceContext *Cxt, const WasmEdge_String Name, WasmEdge_GlobalInstanceContext *GlobalCxt);
WASMEDGE_CAPI_EXPORT extern void WasmEdge_ModuleInstanceDelete(WasmEdge_ModuleInstanceContext *Cxt);

/* ---- Function instances --------------------------------------------------- */

WASMEDGE_CAPI_EXPORT extern WasmEdge_FunctionInstanceContext *WasmEdge_FunctionInstanceCreate(
    const WasmEdge_FunctionTypeContext *Type, WasmEdge_HostFunc_t HostFunc, void *Data, const uint64_t Cost);
WASMEDGE_CAPI_EXPORT extern WasmEdge_FunctionInstanceContext *WasmEdge_FunctionInstanceCreateBinding(
    const WasmEdge_FunctionTypeContext *Type, WasmEdge_WrapFunc_t WrapFunc, void *Binding, void *Data, const uint64_t Cost);
WASMEDGE_CAPI_EXPORT extern const WasmEdge_FunctionTypeContext *WasmEdge_FunctionInstanceGetFunctionType(const WasmEdge_FunctionInstanceContext *Cxt);
WASMEDGE_CAPI_EXPORT extern const void *WasmEdge_FunctionInstanceGetData(const WasmEdge_FunctionInstanceContext *Cxt);
WASMEDGE_CAPI_EXPORT extern void WasmEdge_FunctionInstanceDelete(WasmEdge_FunctionInstanceContext *Cxt);

/* ---- Memory instances ----------------------------------------------------- */

WASMEDGE_CAPI_EXPORT extern WasmEdge_MemoryInstanceContext *WasmEdge_MemoryInstanceCreate(const WasmEdge_MemoryTypeContext *MemType);
WASMEDGE_CAPI_EXPORT extern const WasmEdge_MemoryTypeContext *WasmEdge_MemoryInstanceGetMemoryType(const WasmEdge_MemoryInstanceContext *Cxt);
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result WasmEdge_MemoryInstanceGetData(const WasmEdge_MemoryInstanceContext *Cxt, uint8_t *Data, const uint64_t Offset, const uint64_t Length);
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result WasmEdge_MemoryInstanceSetData(WasmEdge_MemoryInstanceContext *Cxt, const uint8_t *Data, const uint64_t Offset, const uint64_t Length);
WASMEDGE_CAPI_EXPORT extern uint8_t *WasmEdge_MemoryInstanceGetPointer(WasmEdge_MemoryInstanceContext *Cxt, const uint64_t Offset, const uint64_t Length);
WASMEDGE_CAPI_EXPORT extern const uint8_t *WasmEdge_MemoryInstanceGetPointerConst(const WasmEdge_MemoryInstanceContext *Cxt, const uint64_t Offset, const uint64_t Length);
WASMEDGE_CAPI_EXPORT extern uint64_t WasmEdge_MemoryInstanceGetPageSize(const WasmEdge_MemoryInstanceContext *Cxt);
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result WasmEdge_MemoryInstanceGrowPage(WasmEdge_MemoryInstanceContext *Cxt, const uint64_t Page);
WASMEDGE_CAPI_EXPORT extern void WasmEdge_MemoryInstanceDelete(WasmEdge_MemoryInstanceContext *Cxt);

/* ---- Global instances ----------------------------------------------------- */

WASMEDGE_CAPI_EXPORT extern WasmEdge_GlobalInstanceContext *WasmEdge_GlobalInstanceCreate(const WasmEdge_GlobalTypeContext *GlobType, const WasmEdge_Value Value);
WASMEDGE_CAPI_EXPORT extern const WasmEdge_GlobalTypeContext *WasmEdge_GlobalInstanceGetGlobalType(const WasmEdge_GlobalInstanceContext *Cxt);
WASMEDGE_CAPI_EXPORT extern WasmEdge_Value WasmEdge_GlobalInstanceGetValue(const WasmEdge_GlobalInstanceContext *Cxt);
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result WasmEdge_GlobalInstanceSetValue(WasmEdge_GlobalInstanceContext *Cxt, const WasmEdge_Value Value);
WASMEDGE_CAPI_EXPORT extern void WasmEdge_GlobalInstanceDelete(WasmEdge_GlobalInstanceContext *Cxt);

/* ---- Calling frame and executor ------------------------------------------ */

WASMEDGE_CAPI_EXPORT extern WasmEdge_ExecutorContext *WasmEdge_CallingFrameGetExecutor(const WasmEdge_CallingFrameContext *Cxt);
WASMEDGE_CAPI_EXPORT extern const WasmEdge_ModuleInstanceContext *WasmEdge_CallingFrameGetModuleInstance(const WasmEdge_CallingFrameContext *Cxt);
WASMEDGE_CAPI_EXPORT extern WasmEdge_MemoryInstanceContext *WasmEdge_CallingFrameGetMemoryInstance(const WasmEdge_CallingFrameContext *Cxt, const uint32_t Idx);
WASMEDGE_CAPI_EXPORT extern WasmEdge_Result WasmEdge_ExecutorInvoke(
    WasmEdge_ExecutorContext *Cxt, const WasmEdge_FunctionInstanceContext *FuncCxt,
    const WasmEdge_Value *Params, const uint32_t ParamLen,
    WasmEdge_Value *Returns, const uint32_t ReturnLen);

/* ---- Plug-ins ------------------------------------------------------------- */

WASMEDGE_CAPI_EXPORT extern void WasmEdge_PluginLoadWithDefaultPaths(void);
WASMEDGE_CAPI_EXPORT extern void WasmEdge_PluginLoadFromPath(const char *Path);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_PluginListPluginsLength(void);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_PluginListPlugins(WasmEdge_String *Names, const uint32_t Len);
WASMEDGE_CAPI_EXPORT extern const WasmEdge_PluginContext *WasmEdge_PluginFind(const WasmEdge_String Name);
WASMEDGE_CAPI_EXPORT extern WasmEdge_String WasmEdge_PluginGetPluginName(const WasmEdge_PluginContext *Cxt);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_PluginListModuleLength(const WasmEdge_PluginContext *Cxt);
WASMEDGE_CAPI_EXPORT extern uint32_t WasmEdge_PluginListModule(const WasmEdge_PluginContext *Cxt, WasmEdge_String *Names, const uint32_t Len);
WASMEDGE_CAPI_EXPORT extern WasmEdge_ModuleInstanceContext *WasmEdge_PluginCreateModule(const WasmEdge_PluginContext *Cxt, const WasmEdge_String ModuleName);
WASMEDGE_CAPI_EXPORT extern void WasmEdge_PluginInitWASINN(const char *const *NNPreloads, const uint32_t PreloadsLen);
WASMEDGE_CAPI_EXPORT extern void WasmEdge_ModuleInstanceInitWasmEdgeProcess(const char *const *AllowedCmds, const uint32_t CmdsLen, const bool AllowAll);

#ifdef __cplusplus
}
#endif

#endif /* WASMEDGE_C_API_H */
