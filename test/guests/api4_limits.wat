;; The guest of the api4_fixture plug-in (native/test-plugins/api4_fixture):
;; calls each of its functions, which run the five limit functions of plug-in
;; API 4 through their old signatures, and prints the line each one reports.
;;
;; Memory map: [0..8) one iovec, [8..12) fd_write's count, [100] the byte 42
;; ('*') read_byte must find, [1024..1280) the report buffer.
(module
  (import "ws_api4" "limit_is_equal" (func $limit_is_equal (param i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ws_api4" "memory_type" (func $memory_type (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ws_api4" "table_type" (func $table_type (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ws_api4" "read_byte" (func $read_byte (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 100) "*")

  ;; Writes [1024, 1024 + length) to stdout.
  (func $print (param $length i32)
    (i32.store (i32.const 0) (i32.const 1024))
    (i32.store (i32.const 4) (local.get $length))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func (export "_start")
    ;; LimitIsEqual(WasmEdge_Limit, WasmEdge_Limit): equal, other max, no max
    (call $print (call $limit_is_equal (i32.const 1) (i32.const 2) (i32.const 9) (i32.const 1) (i32.const 2) (i32.const 9) (i32.const 1024) (i32.const 256)))
    (call $print (call $limit_is_equal (i32.const 1) (i32.const 2) (i32.const 9) (i32.const 1) (i32.const 2) (i32.const 8) (i32.const 1024) (i32.const 256)))
    (call $print (call $limit_is_equal (i32.const 1) (i32.const 2) (i32.const 9) (i32.const 0) (i32.const 2) (i32.const 9) (i32.const 1024) (i32.const 256)))
    ;; MemoryTypeCreate(WasmEdge_Limit) + MemoryTypeGetLimit -> WasmEdge_Limit
    (call $print (call $memory_type (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 3) (i32.const 1024) (i32.const 256)))
    (call $print (call $memory_type (i32.const 0) (i32.const 0) (i32.const 4) (i32.const 0) (i32.const 1024) (i32.const 256)))
    (call $print (call $memory_type (i32.const 1) (i32.const 1) (i32.const 2) (i32.const 65536) (i32.const 1024) (i32.const 256)))
    ;; TableTypeCreate(ref type, WasmEdge_Limit) + TableTypeGetLimit; i32 is no reference type
    (call $print (call $table_type (i32.const 1) (i32.const 1) (i32.const 10) (i32.const 20) (i32.const 1024) (i32.const 256)))
    (call $print (call $table_type (i32.const 1) (i32.const 0) (i32.const 7) (i32.const 0) (i32.const 1024) (i32.const 256)))
    (call $print (call $table_type (i32.const 0) (i32.const 1) (i32.const 1) (i32.const 2) (i32.const 1024) (i32.const 256)))
    ;; GetPointer with garbage in the upper register halves
    (call $print (call $read_byte (i32.const 100) (i32.const 1024) (i32.const 256)))))
