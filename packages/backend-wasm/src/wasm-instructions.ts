/**
 * Opcodes, value types and small instruction builders shared by the hand-written WebAssembly SIMD
 * modules of this package (`simd-*.ts`); each module spells out only its own instruction sequence.
 */
import { leb, sleb } from './wasm-encoding';

/** Value type `i32`. */
export const I32 = 0x7f;
/** Value type `f32`. */
export const F32 = 0x7d;
/** Value type `v128`. */
export const V128 = 0x7b;

/** `block` opcode. */
export const BLOCK = 0x02;
/** `loop` opcode. */
export const LOOP = 0x03;
/** `br` opcode. */
export const BR = 0x0c;
/** `br_if` opcode. */
export const BR_IF = 0x0d;
/** `end` opcode, closing a block, a loop or a function body. */
export const END = 0x0b;
/** The empty block type. */
export const EMPTY = 0x40;
/** `select` opcode. */
export const SELECT = 0x1b;
/** `i32.const` opcode; its operand is signed LEB128 (see `constant`). */
export const I32_CONST = 0x41;
/** `f32.const` opcode; its operand is four little-endian bytes. */
export const F32_CONST = 0x43;
/** `i32.lt_s` opcode. */
export const I32_LT_S = 0x48;
/** `i32.ge_s` opcode. */
export const I32_GE_S = 0x4e;
/** `i32.add` opcode. */
export const I32_ADD = 0x6a;
/** `i32.mul` opcode. */
export const I32_MUL = 0x6c;
/** `i32.shl` opcode. */
export const I32_SHL = 0x74;

/** A SIMD instruction: the `0xfd` prefix, then its opcode in LEB128. */
export const simd = (op: number): number[] => [0xfd, ...leb(op)];
/** `v128.load` with alignment hint 0 and offset 0. */
export const V128_LOAD = [...simd(0x00), 0, 0];
/** `v128.store` with alignment hint 0 and offset 0. */
export const V128_STORE = [...simd(0x0b), 0, 0];
/** `i8x16.shuffle` with its 16 lane indices. */
export const shuffle = (lanes: number[]): number[] => [...simd(0x0d), ...lanes];
/** `f32x4.splat`. */
export const F32X4_SPLAT = simd(0x13);
/** `f32x4.sqrt`. */
export const F32X4_SQRT = simd(0xe3);
/** `f32x4.add`. */
export const F32X4_ADD = simd(0xe4);
/** `f32x4.sub`. */
export const F32X4_SUB = simd(0xe5);
/** `f32x4.mul`. */
export const F32X4_MUL = simd(0xe6);
/** `f32x4.div`. */
export const F32X4_DIV = simd(0xe7);
/** `f32x4.min`. */
export const F32X4_MIN = simd(0xe8);
/** `f32x4.max`. */
export const F32X4_MAX = simd(0xe9);

/** `local.get i`. */
export const get = (i: number): number[] => [0x20, i];
/** `local.set i`. */
export const set = (i: number): number[] => [0x21, i];
/** `local.tee i`. */
export const tee = (i: number): number[] => [0x22, i];
/** `i32.const v`. */
export const constant = (v: number): number[] => [I32_CONST, ...sleb(v)];
/** A block around a loop; `body` exits with `br_if 1` and the loop continues with the `br 0` at its end. */
export const loop = (body: number[]): number[] => [BLOCK, EMPTY, LOOP, EMPTY, ...body, BR, 0, END, END];
