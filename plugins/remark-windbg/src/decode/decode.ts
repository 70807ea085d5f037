import { irqlName } from '../data/irql.ts'
import { ntstatusName } from '../data/ntstatus.ts'
import type { BugcheckParameter, BugcheckSubtype, ParameterDecoding, ParameterDocs } from '../schema.ts'

export type Architecture = 'x64' | 'x86'

/** What a tooltip says about one bugcheck parameter value. */
export interface ParameterReading {
  /** `Arg2`, or `Bugcheck code` for the code itself. */
  label: string
  /** The parameter's name from the article, e.g. `APC disable count`. */
  name?: string
  /** What the parameter holds: from the article, else from the debugger's own description. */
  description?: string
  /** The value normalised, e.g. `0xffff`. */
  value: string
  /** What this value decodes to, one phrase each (`-1 as a signed 16-bit value`, `NULL pointer`). */
  decoded: string[]
  /** Where parameter 1 selects the meaning of the others: which case applies. */
  subtype?: string
  /** The article's note on this particular value. */
  note?: string
}

const WIDTHS = [8, 16, 32, 64] as const

function toBigInt(value: string): bigint | undefined {
  const digits = value.replace(/^0x/i, '').replace(/`/g, '')
  if (!/^[0-9a-fA-F]{1,16}$/.test(digits)) return undefined
  return BigInt(`0x${digits}`)
}

/** Two's complement reading at `bits`, or at the narrowest width that holds the value. */
export function signedValue(value: bigint, bits?: number): { bits: number; value: bigint } {
  const width = bits ?? WIDTHS.find((candidate) => value < 1n << BigInt(candidate)) ?? 64
  const masked = BigInt.asUintN(width, value)
  return { bits: width, value: BigInt.asIntN(width, masked) }
}

function isKernelAddress(value: bigint, arch: Architecture): boolean {
  return arch === 'x64' ? value >= 0xffff800000000000n : value >= 0x80000000n && value <= 0xffffffffn
}

/** One phrase saying what a value reads as under the given decoding. */
export function decodeValue(
  value: bigint,
  decoding: ParameterDecoding,
  options: { bits?: number; arch: Architecture; bugcheckName?: (code: number) => string | undefined },
): string | undefined {
  switch (decoding) {
    case 'pointer':
      if (value === 0n) return 'NULL pointer'
      return isKernelAddress(value, options.arch) ? 'kernel-mode address' : 'user-mode or invalid address'
    case 'signed': {
      const signed = signedValue(value, options.bits)
      return `${signed.value} as a signed ${signed.bits}-bit value`
    }
    case 'irql': {
      const name = value < 64n ? irqlName(Number(value), options.arch) : undefined
      return name ? `IRQL ${value} (${name})` : `IRQL ${value}`
    }
    case 'ntstatus': {
      const status = ntstatusName(BigInt.asUintN(32, value))
      return status ? `${status.name}: ${status.summary}` : undefined
    }
    case 'decimal':
      return `${value} in decimal`
    case 'bugcheck': {
      const name = value <= 0xffffffffn ? options.bugcheckName?.(Number(value)) : undefined
      return name ? `bugcheck 0x${value.toString(16)} ${name}` : undefined
    }
    case 'hex':
      return undefined
  }
}

/** The parameter definition that applies: a subtype's where parameter 1 selects one. */
export function parameterDefinition(
  docs: ParameterDocs,
  index: number,
  arg1: string | undefined,
): { definition?: BugcheckParameter; subtype?: BugcheckSubtype } {
  const subtype = arg1 === undefined ? undefined : docs.subtypes.find((entry) => entry.arg1 === arg1)
  const fromSubtype =
    index === 2 ? subtype?.arg2 : index === 3 ? subtype?.arg3 : index === 4 ? subtype?.arg4 : undefined
  const definition = fromSubtype ?? docs.parameters[index - 1]
  const result: { definition?: BugcheckParameter; subtype?: BugcheckSubtype } = {}
  if (definition) result.definition = definition
  if (subtype) result.subtype = subtype
  return result
}

export interface DescribeParameterInput {
  /** 1-4. */
  index: number
  /** The value as printed. */
  text: string
  docs: ParameterDocs
  /** Parameter 1's value, normalised (`0x3`), where known. */
  arg1?: string
  /** The description the debugger printed next to the value (`ArgN:` lines). */
  printedDescription?: string
  arch: Architecture
  bugcheckName?: (code: number) => string | undefined
}

/**
 * Reads one parameter value the way a tooltip presents it.
 *
 * @example
 *   describeParameter({ index: 2, text: '000000000000ffff', arch: 'x64',
 *     docs: { parameters: [p1, { name: 'APC disable count', decode: 'signed', bits: 16, … }], subtypes: [] } })
 *   // { label: 'Arg2', name: 'APC disable count', value: '0xffff', decoded: ['-1 as a signed 16-bit value'] }
 */
export function describeParameter(input: DescribeParameterInput): ParameterReading {
  const number = toBigInt(input.text)
  const value = number === undefined ? input.text : `0x${number.toString(16)}`
  const { definition, subtype } = parameterDefinition(input.docs, input.index, input.arg1)
  const reading: ParameterReading = { label: `Arg${input.index}`, value, decoded: [] }
  if (definition) reading.name = definition.name
  const description = definition?.description ?? input.printedDescription
  if (description) reading.description = description
  if (subtype && input.index > 1) reading.subtype = `Parameter 1 = ${subtype.arg1}: ${subtype.meaning}`
  if (subtype && input.index === 1) reading.subtype = subtype.meaning
  if (number === undefined) return reading
  const options: { bits?: number; arch: Architecture; bugcheckName?: (code: number) => string | undefined } = {
    arch: input.arch,
  }
  if (definition?.bits) options.bits = definition.bits
  if (input.bugcheckName) options.bugcheckName = input.bugcheckName
  const decoded = decodeValue(number, definition?.decode ?? 'hex', options)
  if (decoded) reading.decoded.push(decoded)
  const note = definition?.values?.[value]
  if (note) reading.note = note
  return reading
}

/** 32-bit targets print parameters with 8 digits, 64-bit targets with 16. */
export function guessArchitecture(widths: readonly number[]): Architecture {
  return widths.some((width) => width === 8) && !widths.some((width) => width > 8) ? 'x86' : 'x64'
}
