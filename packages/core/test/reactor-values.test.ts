// How ws run --reactor reads arguments and prints results (WasmEdge 0.17's rules, checked against
// its binary in test/cli/wasmedge-run-parity.test.ts): unit tests, no guest.
import { describe, expect, it } from 'vitest';
import { formatResult, invokeArguments, parseArgument } from '../src/runtime/reactor.js';

describe('parseArgument', () => {
  it.each([
    ['42', 'i32', 42],
    ['  -7xyz', 'i32', -7],
    ['+3', 'i32', 3],
    ['2147483648', 'i32', -2147483648],
    ['0x10', 'i32', 0],
    ['010', 'i32', 10],
    ['1.9', 'i32', 1],
  ] as const)('%j as %s is %j', (text, type, value) => {
    expect(parseArgument(text, type, 1)).toBe(value);
  });

  it('i64 keeps every bit; numbers and bigints are taken as they are', () => {
    expect(parseArgument('-9223372036854775808', 'i64', 1)).toBe(-(2n ** 63n));
    expect(parseArgument(2n ** 64n - 1n, 'i64', 1)).toBe(-1n);
    expect(parseArgument(2 ** 32 + 5, 'i32', 1)).toBe(5);
    expect(parseArgument(0.1, 'f32', 1)).toBe(0.1);
  });

  it.each([
    ['0.1', 'f32', Math.fround(0.1)],
    ['0x1p3', 'f64', 8],
    ['0x.8', 'f64', 0.5],
    ['-inf', 'f64', -Infinity],
    ['INFINITY', 'f32', Infinity],
    ['1e3abc', 'f64', 1000],
    ['.5', 'f64', 0.5],
  ] as const)('%j as %s is %j', (text, type, value) => {
    expect(parseArgument(text, type, 1)).toBe(value);
  });

  it('NaN parses', () => {
    expect(parseArgument('nan', 'f64', 1)).toBeNaN();
  });

  it.each([
    ['', 'i32', "Invalid argument '' for parameter 2: expected i32. Give a whole number in decimal."],
    ['-x', 'i64', "Invalid argument '-x' for parameter 2: expected i64. Give a whole number in decimal."],
    ['9223372036854775808', 'i64', "Argument '9223372036854775808' for parameter 2: i64 out of range. Give a number from -9223372036854775808 to 9223372036854775807."],
    ['abc', 'f32', "Invalid argument 'abc' for parameter 2: expected f32. Give a number (1.5, 1e-3, 0x1p3, inf, nan)."],
    ['1e39', 'f32', "Argument '1e39' for parameter 2: f32 out of range. Give a number the type can hold."],
    ['1e-40', 'f32', "Argument '1e-40' for parameter 2: f32 out of range. Give a number the type can hold."],
    ['1e400', 'f64', "Argument '1e400' for parameter 2: f64 out of range. Give a number the type can hold."],
  ] as const)('%j as %s is refused', (text, type, message) => {
    expect(() => parseArgument(text, type, 2)).toThrow(message);
  });
});

describe('formatResult', () => {
  it.each([
    [-1, 'i32', '-1'],
    [-(2n ** 63n), 'i64', '-9223372036854775808'],
    [0.1, 'f64', '0.1'],
    [Math.fround(0.1), 'f32', '0.1'],
    [Math.fround(123456789), 'f32', '123456790'],
    [Math.fround(16777217), 'f32', '16777216'],
    [1e15, 'f64', '1000000000000000'],
    [1e16, 'f64', '1e+16'],
    [1.5e-7, 'f64', '1.5e-07'],
    [0.0001, 'f64', '0.0001'],
    [123.456, 'f64', '123.456'],
    [-2.5, 'f32', '-2.5'],
    [5e-324, 'f64', '5e-324'],
    [-0, 'f64', '-0'],
    [0, 'f32', '0'],
    [NaN, 'f32', 'nan'],
    [-Infinity, 'f64', '-inf'],
  ] as const)('%s (%s) prints %j', (value, type, text) => {
    expect(formatResult(value, type)).toBe(text);
  });
});

describe('invokeArguments', () => {
  it('needs one argument per parameter', () => {
    expect(invokeArguments('f', { params: ['i32', 'f64'], results: [] }, ['1', '2.5'])).toEqual([1, 2.5]);
    expect(() => invokeArguments('f', { params: ['i32'], results: [] }, [])).toThrow('The function f takes 1 argument (i32), got 0. Give one argument for each parameter.');
    expect(() => invokeArguments('g', { params: [], results: [] }, ['1'])).toThrow('The function g takes 0 arguments (none), got 1. Give one argument for each parameter.');
  });
});
