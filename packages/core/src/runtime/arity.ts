/**
 * Wraps a native function in an arrow of the same arity before it becomes a
 * Wasm import: V8 calls such arrows faster than native functions directly
 * (measured: see bench/RESULTS.md), and a fixed arity avoids rest arguments.
 */
type AnyFunction = (...args: never[]) => unknown;

export function withArity(fn: AnyFunction, arity: number): AnyFunction {
  const f = fn as (...args: unknown[]) => unknown;
  switch (arity) {
    case 0: return () => f();
    case 1: return (a: unknown) => f(a);
    case 2: return (a: unknown, b: unknown) => f(a, b);
    case 3: return (a: unknown, b: unknown, c: unknown) => f(a, b, c);
    case 4: return (a: unknown, b: unknown, c: unknown, d: unknown) => f(a, b, c, d);
    case 5: return (a: unknown, b: unknown, c: unknown, d: unknown, e: unknown) => f(a, b, c, d, e);
    case 6: return (a: unknown, b: unknown, c: unknown, d: unknown, e: unknown, g: unknown) => f(a, b, c, d, e, g);
    case 7: return (a: unknown, b: unknown, c: unknown, d: unknown, e: unknown, g: unknown, h: unknown) => f(a, b, c, d, e, g, h);
    case 8: return (a: unknown, b: unknown, c: unknown, d: unknown, e: unknown, g: unknown, h: unknown, i: unknown) => f(a, b, c, d, e, g, h, i);
    default: return (...args: unknown[]) => f(...args);
  }
}
