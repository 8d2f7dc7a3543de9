;; Logs through wasi:logging/logging (WasmEdge's built-in wasi_logging plug-in) as the
;; wasi-logging crate does: every level to stdout (empty context), "stdout" and "stderr"
;; contexts, a context naming a file (WasmEdge appends to that host file; ws prints it to stderr),
;; then, given the argument count 2 (`wasi_logging.wasm bad`), an unknown level 9 (a trap).
(module
  (import "wasi:logging/logging" "log" (func $log (param i32 i32 i32 i32 i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "stderr")
  (data (i32.const 8) "stdout")
  (data (i32.const 16) "app.log")
  (data (i32.const 32) "message at level ")
  (func $at (param $level i32) (param $context i32) (param $context_length i32)
    ;; "message at level N"
    (i32.store8 (i32.const 49) (i32.add (i32.const 48) (local.get $level)))
    (call $log (local.get $level) (local.get $context) (local.get $context_length) (i32.const 32) (i32.const 18)))
  (func (export "_start")
    (call $at (i32.const 0) (i32.const 0) (i32.const 0))
    (call $at (i32.const 1) (i32.const 0) (i32.const 0))
    (call $at (i32.const 2) (i32.const 0) (i32.const 0))
    (call $at (i32.const 3) (i32.const 8) (i32.const 6))
    (call $at (i32.const 4) (i32.const 0) (i32.const 6))
    (call $at (i32.const 5) (i32.const 0) (i32.const 6))
    (call $at (i32.const 2) (i32.const 16) (i32.const 7))
    (drop (call $args_sizes_get (i32.const 64) (i32.const 68)))
    (if (i32.eq (i32.load (i32.const 64)) (i32.const 2))
      (then (call $at (i32.const 9) (i32.const 0) (i32.const 0))))))
