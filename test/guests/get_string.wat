;; The guest of WasmEdge's get-string plug-in example (spec §2.3), written for
;; ws. Its memory is deliberately NOT exported: the host must still give the
;; plug-in (and WASI) access to memory 0.
;;
;; Memory map: [16..24) one iovec {buf = 24, len = *written}, [24..88) buffer.
;; get_string stores the byte count at 20, which is exactly the iovec's len.
(module
  (import "module_wasm_name" "get_string" (func $get_string (param i32 i32 i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory 1 1)
  (func (export "_start")
    ;; buffer at 24, 64 bytes; bytes written -> 20 (the iovec length field)
    (call $get_string (i32.const 24) (i32.const 64) (i32.const 20))
    ;; iovec.buf = 24
    (i32.store (i32.const 16) (i32.const 24))
    ;; fd_write(stdout, iovs = 16, iovs_len = 1, nwritten -> 8)
    (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 8)))
    (call $proc_exit (i32.const 0))))
