;; A guest without any memory calling a host function that needs the caller's
;; memory: WasmEdge traps with HostFuncError, and so must ws (never crash).
(module
  (import "wasmedge_process" "wasmedge_process_set_prog_name" (func $set_prog_name (param i32 i32)))
  (func (export "_start")
    (call $set_prog_name (i32.const 0) (i32.const 4))))
