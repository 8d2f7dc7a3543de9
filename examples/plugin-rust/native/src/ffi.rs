//! Hand-written declarations of the WasmEdge C API subset this plug-in uses
//! (plug-in API version 5). Layouts follow wasmedge/wasmedge.h; the asserts at
//! the bottom check the sizes the C header has on 64-bit targets.
#![allow(non_camel_case_types, non_snake_case, non_upper_case_globals, dead_code)]

use std::os::raw::{c_char, c_void};

#[repr(C)]
#[derive(Clone, Copy)]
pub struct WasmEdge_String {
    pub Length: u32,
    pub Buf: *const c_char,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct WasmEdge_Result {
    pub Code: u32,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct WasmEdge_ValType {
    pub Data: [u8; 8],
}

/// C: `struct { uint128_t Value; WasmEdge_ValType Type; }`, 16-byte aligned.
/// Older rustc gives u128 an alignment of 8, so the 128-bit number is spelt as
/// two u64 halves (little-endian: the low half holds i32/i64/f32/f64 values).
/// Values are read and written through these fields, never passed by value.
#[repr(C, align(16))]
#[derive(Clone, Copy)]
pub struct WasmEdge_Value {
    pub Low: u64,
    pub High: u64,
    pub Type: WasmEdge_ValType,
}

pub enum WasmEdge_ModuleInstanceContext {}
pub enum WasmEdge_FunctionTypeContext {}
pub enum WasmEdge_FunctionInstanceContext {}
pub enum WasmEdge_MemoryInstanceContext {}
pub enum WasmEdge_CallingFrameContext {}

pub type WasmEdge_HostFunc_t = unsafe extern "C" fn(
    Data: *mut c_void,
    Frame: *const WasmEdge_CallingFrameContext,
    Params: *const WasmEdge_Value,
    Returns: *mut WasmEdge_Value,
) -> WasmEdge_Result;

#[repr(C)]
pub struct WasmEdge_ModuleDescriptor {
    pub Name: *const c_char,
    pub Description: *const c_char,
    pub Create: unsafe extern "C" fn(*const WasmEdge_ModuleDescriptor) -> *mut WasmEdge_ModuleInstanceContext,
}

pub const WasmEdge_ProgramOptionType_String: u32 = 12;

#[repr(C)]
pub struct WasmEdge_ProgramOption {
    pub Name: *const c_char,
    pub Description: *const c_char,
    pub Type: u32,
    pub Storage: *mut c_void,
    pub DefaultValue: *const c_void,
}

#[repr(C)]
pub struct WasmEdge_PluginVersionData {
    pub Major: u32,
    pub Minor: u32,
    pub Patch: u32,
    pub Build: u32,
}

#[repr(C)]
pub struct WasmEdge_PluginDescriptor {
    pub Name: *const c_char,
    pub Description: *const c_char,
    pub APIVersion: u32,
    pub Version: WasmEdge_PluginVersionData,
    pub ModuleCount: u32,
    pub ProgramOptionCount: u32,
    pub ModuleDescriptions: *const WasmEdge_ModuleDescriptor,
    pub ProgramOptions: *const WasmEdge_ProgramOption,
}

pub const WasmEdge_Plugin_CurrentAPIVersion: u32 = 5;
pub const WasmEdge_ErrCategory_WASM: u32 = 0;
pub const WasmEdge_ErrCode_HostFuncError: u32 = 0x040E;
pub const WasmEdge_ErrCode_MemoryOutOfBounds: u32 = 0x0408;
pub const SUCCESS: WasmEdge_Result = WasmEdge_Result { Code: 0 };

extern "C" {
    pub fn WasmEdge_StringCreateByBuffer(Buf: *const c_char, Len: u32) -> WasmEdge_String;
    pub fn WasmEdge_StringDelete(Str: WasmEdge_String);
    pub fn WasmEdge_ResultGen(Category: u32, Code: u32) -> WasmEdge_Result;
    pub fn WasmEdge_ValTypeGenI32() -> WasmEdge_ValType;
    pub fn WasmEdge_FunctionTypeCreate(
        ParamList: *const WasmEdge_ValType,
        ParamLen: u32,
        ReturnList: *const WasmEdge_ValType,
        ReturnLen: u32,
    ) -> *mut WasmEdge_FunctionTypeContext;
    pub fn WasmEdge_FunctionTypeDelete(Cxt: *mut WasmEdge_FunctionTypeContext);
    pub fn WasmEdge_FunctionInstanceCreate(
        Type: *const WasmEdge_FunctionTypeContext,
        HostFunc: WasmEdge_HostFunc_t,
        Data: *mut c_void,
        Cost: u64,
    ) -> *mut WasmEdge_FunctionInstanceContext;
    pub fn WasmEdge_FunctionInstanceDelete(Cxt: *mut WasmEdge_FunctionInstanceContext);
    pub fn WasmEdge_ModuleInstanceCreateWithData(
        ModuleName: WasmEdge_String,
        HostData: *mut c_void,
        Finalizer: Option<unsafe extern "C" fn(*mut c_void)>,
    ) -> *mut WasmEdge_ModuleInstanceContext;
    pub fn WasmEdge_ModuleInstanceAddFunction(
        Cxt: *mut WasmEdge_ModuleInstanceContext,
        Name: WasmEdge_String,
        FuncCxt: *mut WasmEdge_FunctionInstanceContext,
    ) -> WasmEdge_Result;
    pub fn WasmEdge_ModuleInstanceDelete(Cxt: *mut WasmEdge_ModuleInstanceContext);
    pub fn WasmEdge_CallingFrameGetMemoryInstance(
        Cxt: *const WasmEdge_CallingFrameContext,
        Idx: u32,
    ) -> *mut WasmEdge_MemoryInstanceContext;
    pub fn WasmEdge_MemoryInstanceGetPointer(
        Cxt: *mut WasmEdge_MemoryInstanceContext,
        Offset: u64,
        Length: u64,
    ) -> *mut u8;
}

const _: () = assert!(std::mem::size_of::<WasmEdge_String>() == 16);
const _: () = assert!(std::mem::size_of::<WasmEdge_Value>() == 32);
const _: () = assert!(std::mem::align_of::<WasmEdge_Value>() == 16);
const _: () = assert!(std::mem::size_of::<WasmEdge_ModuleDescriptor>() == 24);
const _: () = assert!(std::mem::size_of::<WasmEdge_ProgramOption>() == 40);
const _: () = assert!(std::mem::size_of::<WasmEdge_PluginDescriptor>() == 64);
