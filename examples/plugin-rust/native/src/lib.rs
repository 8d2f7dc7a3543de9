//! A Rust plug-in for ws (and WasmEdge): a `cdylib` speaking the WasmEdge C
//! plug-in API through hand-written FFI declarations (ffi.rs). No crates.
//!
//!   plug-in  example_rust
//!   module   descriptor greeter, import namespace greeter_rust
//!   greet(name_ptr: i32, name_len: i32, out_ptr: i32, out_cap: i32) -> i32
//!            writes "<greeting>, <name>!" to out (at most out_cap bytes) and
//!            returns its full length (call with out_cap 0 to ask for the size)
//!   calls() -> i32   how many times greet ran in this module instance
//!   option   --rust-greeting <text>   (default "Hello"; given without text: "Hi")
//!
//! Build: rustc --edition 2021 --crate-type cdylib -O -C panic=abort src/lib.rs
//! (panic=abort: a panic must never unwind into the host).
mod ffi;

use ffi::*;
use std::cell::UnsafeCell;
use std::os::raw::{c_char, c_void};
use std::ptr;

/// Statics the host reads or writes through raw pointers (descriptors, option
/// storage). The host touches them only while loading and creating modules.
#[repr(transparent)]
struct HostShared<T>(UnsafeCell<T>);
unsafe impl<T> Sync for HostShared<T> {}

static GREETING_OPTION: HostShared<WasmEdge_String> =
    HostShared(UnsafeCell::new(WasmEdge_String { Length: 0, Buf: ptr::null() }));
static GREETING_IMPLICIT: HostShared<WasmEdge_String> =
    HostShared(UnsafeCell::new(WasmEdge_String { Length: 2, Buf: b"Hi\0".as_ptr() as *const c_char }));

/// Per-instance state, boxed; the module's finalizer drops it.
struct Greeter {
    greeting: Vec<u8>,
    calls: i32,
}

fn trap(code: u32) -> WasmEdge_Result {
    unsafe { WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, code) }
}

/// `len` bytes of the caller's memory 0 at `offset`, or None when any byte is
/// outside it. The slice is valid only during this host call.
unsafe fn guest_bytes<'a>(frame: *const WasmEdge_CallingFrameContext, offset: u32, len: u32) -> Option<&'a mut [u8]> {
    let memory = WasmEdge_CallingFrameGetMemoryInstance(frame, 0);
    let p = WasmEdge_MemoryInstanceGetPointer(memory, offset as u64, len as u64);
    if p.is_null() {
        None
    } else if len == 0 {
        Some(&mut [])
    } else {
        Some(std::slice::from_raw_parts_mut(p, len as usize))
    }
}

fn i32_param(value: &WasmEdge_Value) -> u32 {
    value.Low as u32 // an i32 is the low 32 bits of the 128-bit value
}

unsafe extern "C" fn greet(
    data: *mut c_void,
    frame: *const WasmEdge_CallingFrameContext,
    params: *const WasmEdge_Value,
    returns: *mut WasmEdge_Value,
) -> WasmEdge_Result {
    let this = &mut *(data as *mut Greeter);
    let params = std::slice::from_raw_parts(params, 4);
    let (name_ptr, name_len) = (i32_param(&params[0]), i32_param(&params[1]));
    let (out_ptr, out_cap) = (i32_param(&params[2]), i32_param(&params[3]));
    // Check both ranges before writing; copy the name first (it may overlap out).
    let name = match guest_bytes(frame, name_ptr, name_len) {
        Some(bytes) => bytes.to_vec(),
        None => return trap(WasmEdge_ErrCode_MemoryOutOfBounds),
    };
    let out = match guest_bytes(frame, out_ptr, out_cap) {
        Some(bytes) => bytes,
        None => return trap(WasmEdge_ErrCode_MemoryOutOfBounds),
    };
    let mut text = this.greeting.clone();
    text.extend_from_slice(b", ");
    text.extend_from_slice(&name);
    text.push(b'!');
    let n = text.len().min(out.len());
    out[..n].copy_from_slice(&text[..n]);
    this.calls += 1;
    (*returns).Low = text.len() as u32 as u64;
    SUCCESS
}

unsafe extern "C" fn calls(
    data: *mut c_void,
    _frame: *const WasmEdge_CallingFrameContext,
    _params: *const WasmEdge_Value,
    returns: *mut WasmEdge_Value,
) -> WasmEdge_Result {
    (*returns).Low = (*(data as *const Greeter)).calls as u32 as u64;
    SUCCESS
}

unsafe extern "C" fn drop_greeter(data: *mut c_void) {
    drop(Box::from_raw(data as *mut Greeter));
}

unsafe fn add_function(
    module: *mut WasmEdge_ModuleInstanceContext,
    name: &str,
    params: &[WasmEdge_ValType],
    results: &[WasmEdge_ValType],
    body: WasmEdge_HostFunc_t,
    data: *mut c_void,
) -> bool {
    let ty = WasmEdge_FunctionTypeCreate(params.as_ptr(), params.len() as u32, results.as_ptr(), results.len() as u32);
    if ty.is_null() {
        return false;
    }
    let function = WasmEdge_FunctionInstanceCreate(ty, body, data, 0);
    WasmEdge_FunctionTypeDelete(ty); // the instance keeps its own copy
    if function.is_null() {
        return false;
    }
    let name = WasmEdge_StringCreateByBuffer(name.as_ptr() as *const c_char, name.len() as u32);
    // The module owns `function` now. The result is ignored on purpose: it is
    // void in WasmEdge 0.17.x (reading it there would read garbage), and the
    // call fails only for NULL arguments.
    WasmEdge_ModuleInstanceAddFunction(module, name, function);
    WasmEdge_StringDelete(name);
    true
}

unsafe extern "C" fn create_greeter(_descriptor: *const WasmEdge_ModuleDescriptor) -> *mut WasmEdge_ModuleInstanceContext {
    let option = *GREETING_OPTION.0.get();
    let greeting = if option.Buf.is_null() {
        b"Hello".to_vec()
    } else {
        std::slice::from_raw_parts(option.Buf as *const u8, option.Length as usize).to_vec()
    };
    let state = Box::into_raw(Box::new(Greeter { greeting, calls: 0 })) as *mut c_void;
    let name = WasmEdge_StringCreateByBuffer(b"greeter_rust".as_ptr() as *const c_char, 12);
    let module = WasmEdge_ModuleInstanceCreateWithData(name, state, Some(drop_greeter));
    WasmEdge_StringDelete(name);
    if module.is_null() {
        drop_greeter(state);
        return ptr::null_mut();
    }
    let i32 = WasmEdge_ValTypeGenI32();
    let ok = add_function(module, "greet", &[i32, i32, i32, i32], &[i32], greet, state)
        && add_function(module, "calls", &[], &[i32], calls, state);
    if !ok {
        WasmEdge_ModuleInstanceDelete(module); // runs drop_greeter
        return ptr::null_mut();
    }
    module
}

static MODULES: HostShared<[WasmEdge_ModuleDescriptor; 1]> = HostShared(UnsafeCell::new([WasmEdge_ModuleDescriptor {
    Name: b"greeter\0".as_ptr() as *const c_char,
    Description: b"Greets a name (Rust example)\0".as_ptr() as *const c_char,
    Create: create_greeter,
}]));

static OPTIONS: HostShared<[WasmEdge_ProgramOption; 1]> = HostShared(UnsafeCell::new([WasmEdge_ProgramOption {
    Name: b"rust-greeting\0".as_ptr() as *const c_char,
    Description: b"Greeting word of greeter_rust.greet (default Hello).\0".as_ptr() as *const c_char,
    Type: WasmEdge_ProgramOptionType_String,
    Storage: GREETING_OPTION.0.get() as *mut c_void,
    DefaultValue: GREETING_IMPLICIT.0.get() as *const c_void,
}]));

static DESCRIPTOR: HostShared<WasmEdge_PluginDescriptor> = HostShared(UnsafeCell::new(WasmEdge_PluginDescriptor {
    Name: b"example_rust\0".as_ptr() as *const c_char,
    Description: b"ws example plug-in written in Rust\0".as_ptr() as *const c_char,
    APIVersion: WasmEdge_Plugin_CurrentAPIVersion,
    Version: WasmEdge_PluginVersionData { Major: 0, Minor: 1, Patch: 0, Build: 0 },
    ModuleCount: 1,
    ProgramOptionCount: 1,
    ModuleDescriptions: MODULES.0.get() as *const WasmEdge_ModuleDescriptor,
    ProgramOptions: OPTIONS.0.get() as *const WasmEdge_ProgramOption,
}));

#[no_mangle]
pub extern "C" fn WasmEdge_Plugin_GetDescriptor() -> *const WasmEdge_PluginDescriptor {
    DESCRIPTOR.0.get()
}
