// Gas counts of small WAT programs, each what the real wasmedge 0.17 prints as "Gas costs"
// (--enable-gas-measuring) for it: the meter's unit tests (gas-instrument.test.ts) check that ws
// counts the same, and test/cli/gas.test.ts that wasmedge still prints these, where it is present.

/** A module whose _start is `body`, with `extra` fields before it; it imports proc_exit only. */
export const gasProgram = (body: string, extra = ''): string => `(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  ${extra}
  (func (export "_start") ${body}))`;

/** A loop of `n` iterations: 9 gas each (loop and 8 body instructions), then 2 ends. */
export const loop = (n: number): string => `(local $i i32)
  (loop $l
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br_if $l (i32.lt_u (local.get $i) (i32.const ${n}))))`;

export interface GasCase {
  body: string;
  extra?: string;
  gas: bigint;
}

export const GAS_CASES: readonly GasCase[] = [
  { body: loop(1), gas: 11n },
  { body: loop(2), gas: 20n },
  { body: loop(5), gas: 47n },
  { body: loop(10), gas: 92n },
  { body: loop(1000), gas: 9002n },
  { body: '', gas: 1n },
  { body: 'nop', gas: 2n },
  { body: '(block nop)', gas: 4n },
  { body: '(block (br 0) nop)', gas: 4n },
  { body: '(block (block (br 1) nop) nop)', gas: 5n },
  { body: '(block (br_if 0 (i32.const 1)) nop)', gas: 5n },
  { body: '(block (br_if 0 (i32.const 0)) nop)', gas: 6n },
  { body: '(if (i32.const 1) (then nop) (else nop))', gas: 6n },
  { body: '(if (i32.const 0) (then nop) (else nop))', gas: 6n },
  { body: '(if (i32.const 1) (then nop))', gas: 5n },
  { body: '(if (i32.const 0) (then nop))', gas: 4n },
  { body: '(if (i32.const 1) (then) (else nop))', gas: 5n },
  { body: '(if (i32.const 0) (then) (else nop nop))', gas: 7n },
  { body: '(block (block (block (br_table 0 1 2 (i32.const 1)) nop) nop) nop)', gas: 9n },
  { body: '(block (block (block (br_table 0 1 2 (i32.const 7)) nop) nop) nop)', gas: 7n },
  { body: '(block (return) nop)', gas: 2n },
  { body: 'return', gas: 1n },
  { body: '(br 0)', gas: 2n },
  { body: '(br_if 0 (i32.const 1))', gas: 3n },
  { body: '(br_if 0 (i32.const 0)) nop', gas: 4n },
  { body: '(block (br 1))', gas: 3n },
  { body: '(loop nop)', gas: 4n },
  { body: '(drop (block (result i32) (br 0 (i32.const 1))))', gas: 6n },
  { body: '(drop (memory.grow (i32.const 1)))', gas: 4n },
  { body: '(call $exit (i32.const 0))', gas: 2n },
  { body: '(call $exit (i32.const 0)) nop nop', gas: 2n },
  { body: '(call $f)', extra: '(func $f)', gas: 3n },
  { body: '(call $f)', extra: '(func $f nop)', gas: 4n },
  { body: '(call $f)', extra: '(func $f (return))', gas: 3n },
  { body: '(return_call $f)', extra: '(func $f nop)', gas: 3n },
  { body: '(call_indirect (i32.const 0))', extra: '(table 1 funcref) (elem (i32.const 0) $f) (func $f)', gas: 8n },
  { body: '', extra: '(global i32 (i32.const 0))', gas: 3n },
  { body: '', extra: '(global i32 (i32.const 0)) (global i32 (i32.const 0))', gas: 5n },
  { body: '', extra: '(data (i32.const 0) "a")', gas: 3n },
  { body: '', extra: '(table 1 funcref) (elem (i32.const 0) $f) (func $f)', gas: 5n },
  { body: '', extra: '(table 3 funcref) (elem (i32.const 0) func $f $f $f) (func $f)', gas: 9n },
  { body: '', extra: '(table 3 funcref) (elem (i32.const 0) funcref (ref.func $f) (ref.func $f)) (func $f)', gas: 7n },
  { body: '', extra: '(table 3 funcref) (elem func $f $f) (func $f)', gas: 5n },
  { body: '', extra: '(func $s nop) (start $s)', gas: 3n },
];
