// What a bugcheck parameter's value means: the one decoding module of the project. The site's
// tooltips and code pages, triage, the `bugcheck` command and the WinDbg script all read values
// through it. No BigInt: the WinDbg script runs it in an engine without one.
import { irqlName } from './data/irql.ts'
import { ntstatusFacility, ntstatusName, ntstatusSeverity, statusOf } from './data/ntstatus.ts'
import { bitSet, compareU64, fitsIn, isZero, parseU64, signedDecimal, toDecimal, toHex, toSafeNumber, type U64 } from './hex.ts'
import type { BugcheckParameter, BugcheckSubtype, ParameterDocs, ParameterIndex } from './model.ts'

export type Architecture = 'x64' | 'x86'

export interface DecodeOptions {
  arch: Architecture
  /** Names another bugcheck code, for `decode: bugcheck`. */
  bugcheckName?: ((code: number) => string | undefined) | undefined
}

const KERNEL_X64: U64 = { hi: 0xffff8000, lo: 0 }
const USER_X64_END: U64 = { hi: 0x00008000, lo: 0 }
// The first 64 KB are never mapped, so no valid pointer lies below this.
const LOWEST_ADDRESS = 0x10000

/** The value as an address on the target: NULL, too small, kernel, user or non-canonical. */
function readPointer(value: U64, arch: Architecture): string {
  if (isZero(value)) return 'NULL pointer'
  if (value.hi === 0 && value.lo < LOWEST_ADDRESS) return 'a small integer, not a valid address'
  if (arch === 'x86') {
    // 32-bit targets may print a sign-extended 64-bit form of a kernel address.
    const lo = value.hi === 0 || value.hi === 0xffffffff ? value.lo : undefined
    if (lo === undefined) return 'wider than 32 bits: not an address on a 32-bit target'
    return lo >= 0x80000000 ? 'kernel-mode address' : 'user-mode address'
  }
  if (compareU64(value, KERNEL_X64) >= 0) return 'kernel-mode address'
  if (compareU64(value, USER_X64_END) < 0) return 'user-mode address'
  return 'non-canonical address: invalid on x64'
}

/** Whether a value looks like a kernel address rather than a count. */
function looksLikeKernelAddress(value: U64, arch: Architecture): boolean {
  return readPointer(value, arch) === 'kernel-mode address'
}

function readStatus(value: U64): string {
  const status = statusOf(value)
  if (status === undefined) return 'wider than 32 bits: not an NTSTATUS'
  const known = ntstatusName(status)
  if (known) return `${known.name}: ${known.summary}`
  const severity = ntstatusSeverity(status)
  return `a${severity === 'error' || severity === 'informational' ? 'n' : ''} ${severity} status not named here (facility 0x${ntstatusFacility(status).toString(16)})`
}

function plural(count: string, unit: string): string {
  return `${count} ${unit}${count === '1' ? '' : 's'}`
}

/** `90` seconds → `90 seconds (1 min 30 s)`. */
function readDuration(value: U64, unit: string): string {
  const exact = toSafeNumber(value)
  const count = toDecimal(value)
  if (unit === 'ticks') return plural(count, 'clock tick')
  if (exact === undefined) return `${count} ${unit}`
  const seconds = unit === 'seconds' ? exact : unit === 'milliseconds' ? exact / 1e3 : unit === 'microseconds' ? exact / 1e6 : exact / 1e7
  const text = unit === '100ns' ? `${count} × 100 ns` : plural(count, unit.replace(/s$/, ''))
  if (seconds < 60) return unit === 'seconds' ? text : `${text} (${Number(seconds.toPrecision(3))} s)`
  const minutes = Math.floor(seconds / 60)
  const rest = Math.round(seconds - minutes * 60)
  return `${text} (${minutes} min${rest > 0 ? ` ${rest} s` : ''})`
}

function readFlags(value: U64, flags: NonNullable<BugcheckParameter['flags']>): string {
  const parts: string[] = []
  let documented = 0
  for (const flag of flags) {
    const set = bitSet(value, flag.bit)
    if (flag.bit < 32) documented += 2 ** flag.bit
    if (set) parts.push(`bit ${flag.bit} set: ${flag.set}`)
    else if (flag.clear) parts.push(`bit ${flag.bit} clear: ${flag.clear}`)
  }
  const undocumented = (value.lo & ~documented) >>> 0
  if (undocumented !== 0 || value.hi !== 0) parts.push(`undocumented bits set (0x${value.hi !== 0 ? toHex({ hi: value.hi, lo: undocumented }).slice(2) : undocumented.toString(16)})`)
  return parts.length > 0 ? parts.join('; ') : 'no documented bit set'
}

function readAscii(value: U64): string | undefined {
  if (value.hi !== 0) return undefined
  let text = ''
  for (let shift = 0; shift < 32; shift += 8) {
    const byte = Math.floor(value.lo / 2 ** shift) % 256
    if (byte === 0 && shift > 0) break
    if (byte < 0x20 || byte > 0x7e) return undefined
    text += String.fromCharCode(byte)
  }
  return `“${text}” as ASCII characters`
}

/**
 * What a value reads as under its parameter's decoding: one phrase per reading, none where the
 * value says nothing beyond itself. A decoder says only what the value shows.
 *
 * @example
 *   decodeValue(parseU64('ffff')!, { decode: 'signed', bits: 16 }, { arch: 'x64' })
 *   // ['-1 as a signed 16-bit value']
 */
export function decodeValue(
  value: U64,
  parameter: Pick<BugcheckParameter, 'decode' | 'bits' | 'unit' | 'values' | 'flags'>,
  options: DecodeOptions,
): string[] {
  switch (parameter.decode) {
    case 'pointer':
      return [readPointer(value, options.arch)]
    case 'signed': {
      const signed = signedDecimal(value, parameter.bits)
      return [`${signed.text} as a signed ${signed.bits}-bit value`]
    }
    case 'irql': {
      const level = toSafeNumber(value)
      if (level === undefined || level > 31) return ['too large to be an IRQL']
      const name = irqlName(level, options.arch)
      return [name ? `IRQL ${level} (${name})` : `IRQL ${level}: above the highest level on ${options.arch}`]
    }
    case 'ntstatus':
      return [readStatus(value)]
    case 'decimal': {
      const count = toDecimal(value)
      const reading = parameter.unit ? `${count} ${parameter.unit}` : `${count} in decimal`
      return looksLikeKernelAddress(value, options.arch) ? [reading, 'looks like a kernel address, not a count'] : [reading]
    }
    case 'duration':
      return [readDuration(value, parameter.unit ?? 'ticks')]
    case 'enum': {
      const meaning = parameter.values?.[toHex(value)]
      return [meaning ?? 'not a documented value']
    }
    case 'flags':
      return parameter.flags ? [readFlags(value, parameter.flags)] : []
    case 'bugcheck': {
      const name = fitsIn(value, 32) ? options.bugcheckName?.(value.lo) : undefined
      return name ? [`bugcheck ${toHex(value)} ${name}`] : []
    }
    case 'ascii': {
      const text = readAscii(value)
      return text ? [text] : []
    }
    case 'hex':
      return []
  }
}

/** Whether a subtype applies to the four parameter values (normalised `0x3`, `''` where unknown). */
export function subtypeApplies(subtype: BugcheckSubtype, parameters: readonly string[]): boolean {
  const own = parameters[subtype.parameter - 1]
  if (!own || !subtype.values.includes(own)) return false
  return subtype.when.every((condition) => {
    const value = parameters[condition.parameter - 1]
    return value !== undefined && condition.values.includes(value)
  })
}

/**
 * The subtypes that apply to these values, most specific first (one with conditions on other
 * parameters before the case it refines: 0xA5 with Parameter 1 = 0x2 and Parameter 3 = 0x1 before
 * Parameter 1 = 0x2 alone). Where two documents describe the same case, the first one given wins.
 */
export function matchSubtypes(docs: ParameterDocs, parameters: readonly string[]): BugcheckSubtype[] {
  const seen = new Set<string>()
  const matches: BugcheckSubtype[] = []
  for (const subtype of docs.subtypes) {
    if (!subtypeApplies(subtype, parameters)) continue
    const own = parameters[subtype.parameter - 1] as string
    const key = `${subtype.parameter}=${own}|${subtype.when.map((condition) => `${condition.parameter}=${parameters[condition.parameter - 1]}`).join(',')}|${subtype.message ?? ''}`
    if (seen.has(key)) continue
    seen.add(key)
    matches.push(subtype)
  }
  return matches.sort((a, b) => b.when.length - a.when.length)
}

/** What a tooltip, triage or `!runbook` says about one parameter value. */
export interface ParameterReading {
  index: ParameterIndex
  /** `Arg2`. */
  label: string
  /** The parameter's name, e.g. `APC disable count`. */
  name?: string
  /** What the parameter holds: from the documentation, else the debugger's own words. */
  description?: string
  /** The value normalised, e.g. `0xffff`. */
  value: string
  /** What this value decodes to, one phrase each (`-1 as a signed 16-bit value`, `NULL pointer`). */
  decoded: string[]
  /** The case that applies, where a parameter selects one: `Parameter 1 = 0x3: …`. */
  subtype?: string
  /** The documentation's note on this particular value (not an `enum`). */
  note?: string
  /** The documentation marks the parameter reserved. */
  reserved?: boolean
}

export interface DescribeInput {
  index: ParameterIndex
  /** The value as printed (`000000000000ffff`). */
  text: string
  /** The four parameters normalised (`0x3`), `''` where unknown: subtypes are chosen by them. */
  parameters: readonly string[]
  docs: ParameterDocs
  /** The description the debugger printed next to the value (`ArgN:` lines). */
  printedDescription?: string | undefined
  arch: Architecture
  bugcheckName?: ((code: number) => string | undefined) | undefined
}

function subtypeLine(subtype: BugcheckSubtype, parameters: readonly string[]): string {
  const conditions = [subtype.parameter, ...subtype.when.map((condition) => condition.parameter)]
    .sort((a, b) => a - b)
    .map((index) => `Parameter ${index} = ${parameters[index - 1]}`)
  return `${conditions.join(', ')}: ${subtype.meaning}`
}

/**
 * Reads one parameter value: which parameter it is (the matching subtype's definition first, then
 * the code's), what it holds, what the value decodes to, and which case applies.
 *
 * @example
 *   describeParameter({ index: 2, text: '000000000000ffff', parameters: ['0x0', '0xffff', '0x0', '0x1'],
 *     arch: 'x64', docs: reference0x20 })
 *   // { label: 'Arg2', name: 'APC disable count', value: '0xffff', decoded: ['-1 as a signed 16-bit value'], … }
 */
export function describeParameter(input: DescribeInput): ParameterReading {
  const number = parseU64(input.text)
  const value = number === undefined ? input.text.trim() : toHex(number)
  const reading: ParameterReading = { index: input.index, label: `Arg${input.index}`, value, decoded: [] }
  const matches = matchSubtypes(input.docs, input.parameters)
  // This parameter selects a case (Parameter 1 of 0x9F): its meaning is the case's.
  const selected = matches.filter((subtype) => subtype.parameter === input.index)
  const selectors = input.docs.subtypes.filter(
    (subtype) => subtype.parameter === input.index && subtype.when.every((condition) => condition.values.includes(input.parameters[condition.parameter - 1] ?? '')),
  )
  const definition =
    matches.map((subtype) => subtype.parameters.find((parameter) => parameter.index === input.index)).find((found) => found !== undefined) ??
    input.docs.parameters.find((parameter) => parameter.index === input.index)
  if (definition) {
    reading.name = definition.name
    if (definition.reserved) reading.reserved = true
  }
  const description = definition?.description ?? input.printedDescription
  if (description) reading.description = description
  const others = matches.filter((subtype) => subtype.parameter !== input.index)
  if (selected.length > 0) reading.subtype = selected.map((subtype) => subtype.meaning).join(' Or: ')
  else if (others.length > 0) reading.subtype = others.map((subtype) => subtypeLine(subtype, input.parameters)).join(' ')
  if (number === undefined) return reading
  if (selected.length === 0 && selectors.length > 0 && !selectors.some((subtype) => subtype.message !== undefined && subtype.values.length === 0)) {
    reading.decoded.push('not a documented value')
  }
  if (definition) {
    reading.decoded.push(...decodeValue(number, definition, { arch: input.arch, bugcheckName: input.bugcheckName }))
    const note = definition.decode === 'enum' ? undefined : definition.values?.[value]
    if (note) reading.note = note
  }
  return reading
}

/** 32-bit targets print parameters with 8 digits, 64-bit targets with 16. */
export function guessArchitecture(widths: readonly number[]): Architecture {
  return widths.some((width) => width === 8) && !widths.some((width) => width > 8) ? 'x86' : 'x64'
}
