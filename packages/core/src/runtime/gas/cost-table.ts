/**
 * Gas costs of instructions, as WasmEdge's statistics count them: its default
 * cost table gives every instruction a cost of 1 (checked against the real
 * `wasmedge` 0.17: `--enable-gas-measuring` prints the same number as
 * `--enable-instruction-count`), host functions cost 0.
 */

/**
 * An instruction as the cost table sees it: the opcode byte, or for prefixed
 * instructions (0xFC, 0xFD, 0xFE) `prefix << 16 | sub-opcode`.
 */
export type InstructionKey = number;

/** The cost of one instruction. */
export type CostTable = (instruction: InstructionKey) => number;

/** WasmEdge's default table: every instruction costs 1. */
export const defaultCostTable: CostTable = () => 1;

/** The key of a prefixed instruction, e.g. `prefixedKey(0xfc, 10)` for memory.copy. */
export function prefixedKey(prefix: number, subOpcode: number): InstructionKey {
  return prefix * 0x10000 + subOpcode;
}
