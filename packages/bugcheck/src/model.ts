// The reference as its consumers read it (the site, remark-windbg, the `bugcheck` command, the
// WinDbg script): one plain JSON-able object per code, compiled from the files of
// content/bugchecks/ and published as /api/bugchecks.json.
import type { DecodeKind, ParameterEntry, ReferenceFile, SubtypeEntry } from './schema.ts'

export type ParameterIndex = 1 | 2 | 3 | 4

/** One bugcheck parameter, as documented for a code or for one of its subtypes. */
export interface BugcheckParameter {
  index: ParameterIndex
  /** A short noun phrase: `APC disable count`. */
  name: string
  description: string
  decode: DecodeKind
  bits?: number
  unit?: string
  /** Meanings of particular values, keyed `0x3`. */
  values?: Record<string, string>
  flags?: { bit: number; set: string; clear?: string }[]
  /** Microsoft's reference marks it reserved. */
  reserved?: true
}

/** A condition on one parameter: it holds one of `values`. */
export interface ParameterCondition {
  parameter: ParameterIndex
  values: string[]
}

/** A case selected by a parameter's value (0x9F with Parameter 1 = 0x3). */
export interface BugcheckSubtype {
  /** The selecting parameter. */
  parameter: ParameterIndex
  /** The first value that selects it (`0x3`), as the API's `value`; null for a case told apart by its `message` only. */
  value: string | null
  /** Every value that selects it (`0x13` and `0x14` share a row). */
  values: string[]
  /** Further conditions on other parameters. */
  when: ParameterCondition[]
  meaning: string
  /** The debugger's message for this case, where cases are told apart by it. */
  message?: string
  parameters: BugcheckParameter[]
}

/** Everything the project knows about one bugcheck code. */
export interface BugcheckReference {
  /** Lower-case short form, the site's canonical spelling: `0x9f`. */
  code: string
  /** The number, for lookups. */
  number: number
  name: string
  summary: string
  /** The code's page on the site, relative: `/bugchecks/0x9f/`. */
  url: string
  learnUrl: string
  /** The windows-driver-docs page the facts come from. */
  source?: string
  /** The code whose parameters this `_M` variant shares (`0x7e`), or null. */
  sameAs: string | null
  /** 0-4, or null where Microsoft's reference does not say. */
  parameterCount: number | null
  parameters: BugcheckParameter[]
  subtypes: BugcheckSubtype[]
  notes: string[]
}

/** What one article, or the reference for one code, says about the parameters. */
export interface ParameterDocs {
  parameters: BugcheckParameter[]
  subtypes: BugcheckSubtype[]
}

export const EMPTY_DOCS: ParameterDocs = { parameters: [], subtypes: [] }

/** `0x0000009F` → `0x9f`. */
export function shortCode(padded: string): string {
  return `0x${Number.parseInt(padded.slice(2), 16).toString(16)}`
}

export const RESERVED_DESCRIPTION = 'Microsoft’s reference marks this parameter as reserved.'
export const ZERO_DESCRIPTION = 'Microsoft’s reference gives the value 0 for this parameter here.'

/** A parameter entry of the data files or frontmatter (`reserved`, `zero`, or in full) in full. */
export function expandParameter(index: ParameterIndex, entry: ParameterEntry): BugcheckParameter {
  if (entry === 'reserved') return { index, name: 'Reserved', description: RESERVED_DESCRIPTION, decode: 'hex', reserved: true }
  if (entry === 'zero') return { index, name: 'Zero', description: ZERO_DESCRIPTION, decode: 'hex' }
  const parameter: BugcheckParameter = { index, name: entry.name, description: entry.description, decode: entry.decode }
  if (entry.bits !== undefined) parameter.bits = entry.bits
  if (entry.unit !== undefined) parameter.unit = entry.unit
  if (entry.values !== undefined) parameter.values = entry.values
  if (entry.flags !== undefined) {
    parameter.flags = entry.flags.map((flag) => (flag.clear === undefined ? { bit: flag.bit, set: flag.set } : { bit: flag.bit, set: flag.set, clear: flag.clear }))
  }
  return parameter
}

/** `{ 2: …, 4: reserved }` → parameters in order of their number. */
export function expandParameters(map: Record<string, ParameterEntry> | undefined): BugcheckParameter[] {
  return Object.entries(map ?? {})
    .map(([key, entry]) => expandParameter(Number(key) as ParameterIndex, entry))
    .sort((a, b) => a.index - b.index)
}

export function expandSubtype(entry: SubtypeEntry): BugcheckSubtype {
  const subtype: BugcheckSubtype = {
    parameter: entry.parameter as ParameterIndex,
    value: entry.value?.[0] ?? null,
    values: entry.value ?? [],
    when: Object.entries(entry.when ?? {})
      .map(([key, values]) => ({ parameter: Number(key) as ParameterIndex, values }))
      .sort((a, b) => a.parameter - b.parameter),
    meaning: entry.meaning,
    parameters: expandParameters(entry.parameters),
  }
  if (entry.message !== undefined) subtype.message = entry.message
  return subtype
}

/** A validated data file as its consumers read it. */
export function compileReference(file: ReferenceFile): BugcheckReference {
  const number = Number.parseInt(file.code.slice(2), 16)
  const code = shortCode(file.code)
  const reference: BugcheckReference = {
    code,
    number,
    name: file.name,
    summary: file.summary,
    url: `/bugchecks/${code}/`,
    learnUrl: file.learnUrl,
    sameAs: file.sameAs ? shortCode(file.sameAs) : null,
    parameterCount: file.parameterCount,
    parameters: file.parameters === 'none' ? [] : expandParameters(file.parameters),
    subtypes: (file.subtypes ?? []).map(expandSubtype),
    notes: file.notes ?? [],
  }
  if (file.source !== undefined) reference.source = file.source
  return reference
}
