/**
 * Wraps a native function in an arrow of the same arity before it becomes a
 * Wasm import: V8 calls such arrows faster than native functions directly.
 * Each wrapper is compiled separately (new Function) so that its call site
 * stays monomorphic: one shared arrow literal for every host function made
 * V8 see a megamorphic call and cost ~2x per call (bench/core.bench.mjs).
 * The source carries a serial number: V8's eval cache hands functions built
 * from the same source one shared feedback cell, which made the wrappers of
 * one arity share (and pollute) the call site again.
 */
type AnyFunction = (...args: never[]) => unknown;

const factories = new Map<number, (fn: AnyFunction) => AnyFunction>();
let serial = 0;

function factory(arity: number): (fn: AnyFunction) => AnyFunction {
  const params = Array.from({ length: arity }, (_, i) => `a${i}`).join(', ');
  const source = `return (${params}) => fn(${params});`;
  return (fn) => new Function('fn', `${source} // wrapper ${serial++}`)(fn) as AnyFunction;
}

export function withArity(fn: AnyFunction, arity: number): AnyFunction {
  let make = factories.get(arity);
  if (!make) {
    make = factory(arity);
    factories.set(arity, make);
  }
  return make(fn);
}
