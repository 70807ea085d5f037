// 64-bit values as the debugger prints them, without BigInt: the WinDbg script runs this same
// code in an engine that has none. A value is kept as two unsigned 32-bit halves.

/** An unsigned 64-bit value as two unsigned 32-bit halves. */
export interface U64 {
  hi: number
  lo: number
}

const RE_DIGITS = /^[0-9a-f]{1,16}$/

/** `000000000000ffff` → `0xffff`; `fffff806``22c00000` → `0xfffff80622c00000`. */
export function normaliseHex(text: string): string {
  const digits = text.trim().replace(/^0x/i, '').replace(/`/g, '').toLowerCase().replace(/^0+(?=.)/, '')
  return `0x${digits}`
}

/** Digits as printed, without `0x` and backticks: 8 on 32-bit targets, 16 on 64-bit ones. */
export function hexDigits(text: string): number {
  return text.replace(/^0x/i, '').replace(/`/g, '').length
}

/** Reads `0xffff`, `ffff`, `fffff806``22c00000`; undefined for anything else or over 64 bits. */
export function parseU64(text: string): U64 | undefined {
  const digits = text.trim().replace(/^0x/i, '').replace(/`/g, '').toLowerCase().replace(/^0+(?=.)/, '')
  if (!RE_DIGITS.test(digits)) return undefined
  const lo = digits.slice(-8)
  const hi = digits.length > 8 ? digits.slice(0, -8) : '0'
  return { hi: Number.parseInt(hi, 16), lo: Number.parseInt(lo, 16) }
}

export function toHex(value: U64): string {
  if (value.hi === 0) return `0x${value.lo.toString(16)}`
  return `0x${value.hi.toString(16)}${value.lo.toString(16).padStart(8, '0')}`
}

export function isZero(value: U64): boolean {
  return value.hi === 0 && value.lo === 0
}

/** Whether the value fits in `bits` bits. */
export function fitsIn(value: U64, bits: number): boolean {
  if (bits >= 64) return true
  if (bits > 32) return value.hi < 2 ** (bits - 32)
  return value.hi === 0 && value.lo < 2 ** bits
}

/** Whether bit `bit` (0 = least significant) is set. */
export function bitSet(value: U64, bit: number): boolean {
  const word = bit >= 32 ? value.hi : value.lo
  return Math.floor(word / 2 ** (bit % 32)) % 2 === 1
}

/** The value as a JavaScript number where that is exact (below 2^53), else undefined. */
export function toSafeNumber(value: U64): number | undefined {
  if (value.hi >= 2 ** 21) return undefined
  return value.hi * 2 ** 32 + value.lo
}

/** Compares two values: negative, zero or positive. */
export function compareU64(a: U64, b: U64): number {
  return a.hi !== b.hi ? a.hi - b.hi : a.lo - b.lo
}

/** Unsigned decimal digits of a 64-bit value, exact at every size. */
export function toDecimal(value: U64): string {
  const exact = toSafeNumber(value)
  if (exact !== undefined) return String(exact)
  // Long division of the value, as four 16-bit limbs, by 10.
  const limbs = [Math.floor(value.hi / 0x10000), value.hi % 0x10000, Math.floor(value.lo / 0x10000), value.lo % 0x10000]
  let digits = ''
  while (limbs.some((limb) => limb !== 0)) {
    let remainder = 0
    for (let index = 0; index < limbs.length; index++) {
      const current = remainder * 0x10000 + (limbs[index] as number)
      limbs[index] = Math.floor(current / 10)
      remainder = current % 10
    }
    digits = String(remainder) + digits
  }
  return digits || '0'
}

/** Two's complement negation within 64 bits. */
function negate(value: U64): U64 {
  const lo = (~value.lo >>> 0) + 1
  const carry = lo > 0xffffffff ? 1 : 0
  return { hi: ((~value.hi >>> 0) + carry) >>> 0, lo: lo >>> 0 }
}

const WIDTHS = [8, 16, 32, 64] as const

/**
 * The value read as a two's complement integer of `bits` bits (or of the narrowest width that
 * holds it), in decimal: `0xffff` at 16 bits → `-1`. Bits above the width are ignored.
 */
export function signedDecimal(value: U64, bits?: number): { bits: number; text: string } {
  const width = bits ?? WIDTHS.find((candidate) => fitsIn(value, candidate)) ?? 64
  if (width <= 32) {
    const masked = width === 32 ? value.lo : value.lo % 2 ** width
    const signed = masked >= 2 ** (width - 1) ? masked - 2 ** width : masked
    return { bits: width, text: String(signed) }
  }
  if (value.hi < 0x80000000) return { bits: width, text: toDecimal(value) }
  return { bits: width, text: `-${toDecimal(negate(value))}` }
}
