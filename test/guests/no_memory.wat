;; A guest with no memory at all (not even an imported one) that calls into
;; ws_fixture. add_i32 needs no memory; write_bytes must report "out of range"
;; (1) instead of crashing the host. Exit code = 10 * (add_i32 2 3 == 5) +
;; write_bytes result, so a correct host exits with 11.
(module
  (import "ws_fixture" "add_i32" (func $add_i32 (param i32 i32) (result i32)))
  (import "ws_fixture" "write_bytes" (func $write_bytes (param i32 i32 i32) (result i32)))
  (import "ws_fixture" "memory_pages" (func $memory_pages (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (func (export "_start")
    (local $code i32)
    (local.set $code
      (i32.add
        (i32.mul (i32.const 10) (i32.eq (call $add_i32 (i32.const 2) (i32.const 3)) (i32.const 5)))
        (call $write_bytes (i32.const 0) (i32.const 1) (i32.const 255))))
    ;; memory_pages is -1 without a memory: +100 if it says anything else
    (if (i32.ne (call $memory_pages) (i32.const -1))
      (then (local.set $code (i32.add (local.get $code) (i32.const 100)))))
    (call $proc_exit (local.get $code))))
