;; A guest without linear memory calling wasi_ephemeral_nn: WasmEdge traps
;; (HostFuncError) instead of returning an errno, and so does ws.
(module
  (import "wasi_ephemeral_nn" "load" (func $load (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "compute" (func $compute (param i32) (result i32)))
  (func (export "_start")
    (drop (call $load (i32.const 0) (i32.const 0) (i32.const 4) (i32.const 0) (i32.const 0)))))
