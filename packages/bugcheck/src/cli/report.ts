// One input's triage as the `bugcheck` command reports it: the JSON record, and the same facts
// laid out for a terminal. Pure functions: no I/O, so the tests and the fleet summary share them.
import { normaliseHex } from '../hex.ts'
import type { ReferenceIndex } from '../reference.ts'
import { knowledgeOf, readParameters, subtypesOf, triage, type FailureDetails, type TriagedBugcheck } from '../triage.ts'
import type { ApiCode } from '../api.ts'

export interface ParameterRecord {
  index: number
  /** `0x3`; null where the output did not show the parameter. */
  value: string | null
  name: string | null
  /** What the parameter holds. */
  meaning: string | null
  /** What the value decodes to, one phrase each. */
  decoded: string[]
}

export interface TriageRecord {
  file: string
  code: string
  name: string | null
  summary: string | null
  parameters: ParameterRecord[]
  /** The meaning of the case the values select, where the code has cases. */
  subtype: string | null
  module: string | null
  image: string | null
  bucket: string | null
  process: string | null
  symbol: string | null
  /** The code's page and its runbooks on the site. */
  page: string | null
  runbooks: string[]
  /** Set where the output holds several different codes: this is one of them. */
  ambiguous?: true
}

export interface ErrorRecord {
  file: string
  error: string
}

export interface ReportContext {
  index: ReferenceIndex
  /** The site's address, without a trailing slash (`https://example.org`). */
  site: string
}

function absolute(site: string, path: string): string {
  return `${site}${path}`
}

function record(file: string, bugcheck: TriagedBugcheck, details: FailureDetails, context: ReportContext): TriageRecord {
  const knowledge = knowledgeOf(context.index, bugcheck.code, (entry) => (entry as ApiCode).runbooks ?? [])
  const name = (code: number) => context.index.get(code)?.name
  const parameters = readParameters(bugcheck, knowledge.docs, name).map(({ index, reading }) => ({
    index,
    value: reading?.value ?? null,
    name: reading?.name ?? null,
    meaning: reading?.description ?? null,
    decoded: reading?.decoded ?? [],
  }))
  const cases = subtypesOf(bugcheck, knowledge.docs)
  return {
    file,
    code: bugcheck.hex,
    name: knowledge.entry?.name ?? null,
    summary: knowledge.entry?.summary ?? null,
    parameters,
    subtype: cases.length > 0 ? cases.map((subtype) => subtype.meaning).join(' ') : null,
    module: details.module ?? null,
    image: details.image ?? null,
    bucket: details.bucket ?? null,
    process: details.process ?? null,
    symbol: details.symbol ?? null,
    page: knowledge.entry ? absolute(context.site, knowledge.entry.url) : null,
    runbooks: knowledge.runbooks.map((runbook) => absolute(context.site, runbook.url)),
  }
}

/** The records of one input's text: one per bugcheck found, or one error saying why there is none. */
export function triageText(file: string, text: string, context: ReportContext): (TriageRecord | ErrorRecord)[] {
  const result = triage(text)
  if (result.kind === 'found') return [record(file, result.bugcheck, result.details, context)]
  if (result.kind === 'ambiguous') {
    return result.candidates.map((candidate) => ({ ...record(file, candidate.bugcheck, candidate.details, context), ambiguous: true as const }))
  }
  const why = result.empty ? 'empty' : 'no bugcheck code in any format the debugger prints (is this debugger output?)'
  return [{ file, error: why }]
}

export function isError(entry: TriageRecord | ErrorRecord): entry is ErrorRecord {
  return 'error' in entry
}

/** ANSI styles, or none when the output is not a terminal (or NO_COLOR is set). */
export interface Styles {
  bold(text: string): string
  dim(text: string): string
  red(text: string): string
}

export const plainStyles: Styles = { bold: (text) => text, dim: (text) => text, red: (text) => text }
export const ansiStyles: Styles = {
  bold: (text) => `\u001b[1m${text}\u001b[22m`,
  dim: (text) => `\u001b[2m${text}\u001b[22m`,
  red: (text) => `\u001b[31m${text}\u001b[39m`,
}

// eslint-disable-next-line no-control-regex
const RE_ANSI = /\u001b\[[0-9;]*m/g

function visibleLength(text: string): number {
  return text.replace(RE_ANSI, '').length
}

/** Columns padded to the widest cell (styles not counted), the last one left ragged. */
export function columns(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, visibleLength(cell))))
  return rows.map(
    (row) => indent + row.map((cell, index) => (index === row.length - 1 ? cell : cell + ' '.repeat((widths[index] ?? 0) - visibleLength(cell)))).join('  ').trimEnd(),
  )
}

/** A record for a person at a terminal. */
export function formatRecord(entry: TriageRecord | ErrorRecord, styles: Styles): string {
  if (isError(entry)) return `${entry.file}: ${styles.red(entry.error)}`
  const padded = `0x${entry.code.slice(2).toUpperCase()}`
  const lines = [`${styles.bold(entry.file)}  ${styles.bold(padded)} ${entry.name ?? '(not in the reference)'}${entry.ambiguous ? styles.dim('  (one of several codes in this output)') : ''}`]
  if (entry.summary) lines.push(`  ${entry.summary}`)
  if (entry.subtype) lines.push(`  ${styles.dim('Case')}  ${entry.subtype}`)
  const rows = [['#', 'Value', 'Name', 'Decoded'].map(styles.dim)]
  for (const parameter of entry.parameters) {
    rows.push([String(parameter.index), parameter.value ?? '—', parameter.name ?? '', parameter.decoded.join('; ') || (parameter.value === null ? 'not in the output' : '')])
  }
  lines.push(...columns(rows))
  const facts: [string, string | null][] = [
    ['Module', entry.module],
    ['Image', entry.image],
    ['Bucket', entry.bucket],
    ['Process', entry.process],
    ['Symbol', entry.symbol],
    ['Page', entry.page],
  ]
  const shown = facts.filter((fact): fact is [string, string] => fact[1] !== null).map(([label, value]) => [styles.dim(label), value])
  for (const runbook of entry.runbooks) shown.push([styles.dim('Runbook'), runbook])
  lines.push(...columns(shown))
  return lines.join('\n')
}

/** `9f` or `0x0000009F` as the reference writes it (`0x9f`); undefined for anything else. */
export function readCodeArgument(text: string): number | undefined {
  const trimmed = text.trim()
  if (!/^(?:0x)?[0-9a-f]{1,8}$/i.test(trimmed)) return undefined
  return Number.parseInt(normaliseHex(trimmed).slice(2), 16)
}
