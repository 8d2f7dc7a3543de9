// Exact outputs of test/guests/fixture_calls.wasm (documented in
// test/guests/README.md), shared by the CLI and the JS API tests.
export const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

export const FIXTURE_DEFAULT_OUTPUT = lines(
  'add_i32 2 3 = 5',
  'add_i32 2147483647 1 = -2147483648',
  'add_i64 9007199254740993 1 = 9007199254740994',
  'add_i64 -9223372036854775808 -1 = 9223372036854775807',
  'mul_f32 0.1 3 = 0.300000012',
  'mul_f64 0.1 3 = 0.30000000000000004',
  'divmod 17 5 = 3 2',
  'divmod -17 5 = -3 -2',
  'mixed 1 2 0.5 0.25 = 3.75',
  'mixed -1 4294967296 1.5 -0.5 = 4294967296',
  'get_option 128 = 0 written 0 ""',
  'get_option 2 = 0 written 0 ""',
  'option_summary = 41 "greeting= scale=0 verbose=0 ratio=0 tags="',
  'write_bytes 8 7 = 0',
  'bytes 7..16 = 0 7 7 0',
  'sum_bytes 64 = 56',
  'memory_pages = memory.size: yes',
  'grow_memory 1 = pages + 1: yes',
  'memory.size after grow = pages + 1: yes',
  'write_bytes new page = 0',
  'sum_bytes new page = 48',
  'grow_memory 65536 = -1',
);

export const FIXTURE_OOB_OUTPUT = lines(
  'write_bytes 0xfffffff0 32 = 1',
  'write_bytes buf 0xfffffff0 = 1',
  'write_bytes end-4 8 = 1',
  'write_bytes end 0 = 0',
  'write_bytes end+1 0 = 1',
  'sum_bytes 0xfffffff0 32 = -1',
  'sum_bytes buf 0xfffffff0 = -1',
  'sum_bytes end-4 8 = -1',
  'get_option 0xfffffff0 16 = 1',
  'get_option buf 0xfffffff0 = 1',
  'get_option written 0xfffffffe = 1',
  'get_option written end-2 = 1',
  'option_summary 0xfffffff0 16 = -1',
  'option_summary buf 0xfffffff0 = -1',
  'call_export 0xfffffff0 16 = -2',
  'call_export name 0xfffffff0 = -2',
);
