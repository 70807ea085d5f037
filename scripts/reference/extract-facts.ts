// Extracts the checkable facts of Microsoft's bug check parameter tables (../shared/reference/
// ms-bugcheck-parameters.json, windows-driver-docs, CC BY 4.0) into
// tests/fixtures/reference/ms-facts.json: for each code, which parameters are described or
// reserved, and every value that selects a subtype or that a value table lists. No sentence of
// Microsoft's is kept: the coverage test holds content/bugchecks/ against these facts.
//
//   node scripts/reference/extract-facts.ts [path to ms-bugcheck-parameters.json]
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { normaliseHex } from '../../packages/bugcheck/src/hex.ts'
import type { CellKind, CodeFacts, RowFact } from './facts.ts'
import { shingleHashes } from './wording.ts'

interface Table {
  line: number
  header: string[]
  rows: string[][]
}
interface MsCode {
  code: string
  name: string
  page: string
  line: number
  summary?: string
  plain: Table[]
  subtypes: Table[]
  otherTables: Table[]
  notes: string[]
}
interface Catalog {
  code: string
  name: string
  learnUrl: string
  paramCount: number | null
  paramsSameAs?: string
}

/** One row of a table keyed by a parameter's value. */
function cellKind(cell: string): CellKind | undefined {
  const text = cell.replace(/\*/g, '').trim()
  if (text === '') return undefined
  if (/^reserved\b/i.test(text)) return 'reserved'
  if (/^0(?:x0+)?\.?$/i.test(text)) return 'zero'
  return 'described'
}

/** The kinds of the row's parameter cells other than the selecting one(s). */
function rowCells(table: Table, row: string[], skip: readonly number[]): Record<string, CellKind> | undefined {
  const cells: Record<string, CellKind> = {}
  table.header.forEach((header, column) => {
    const parameter = parameterOfHeader(header)
    if (parameter === undefined || skip.includes(parameter)) return
    // `Parameter 1 Value and Cause of Error`-style headers name no single parameter.
    if (!/^Parameter [1-4]$/.test(header.trim())) return
    const kind = cellKind(row[column] ?? '')
    if (kind) cells[String(parameter)] = kind
  })
  return Object.keys(cells).length > 0 ? cells : undefined
}


const RE_VALUE_LIST = /^\s*(?:\*\*)?(0[xX][0-9a-fA-F]+|[0-9a-fA-F]+)(?:\*\*)?\s*$/
const RE_SEPARATOR = /<\/?br\s*\/?>|,|\bor\b|\band\b/gi

/** `0x13 or 0x14`, `0x04 and <br />0x05`, `0x1A` → normalised values; undefined if not all values. */
function valueList(cell: string): string[] | undefined {
  const parts = cell.split(RE_SEPARATOR).map((part) => part.trim()).filter((part) => part !== '')
  if (parts.length === 0) return undefined
  const values: string[] = []
  for (const part of parts) {
    const match = RE_VALUE_LIST.exec(part) ?? /^(0[xX][0-9a-fA-F]+)\s+-\s+\S/.exec(part)
    if (!match) return undefined
    values.push(normaliseHex(match[1] as string))
  }
  return values
}

function parameterOfHeader(header: string | undefined): number | undefined {
  const match = /^Parameter ([1-4])\b/.exec(header ?? '')
  return match ? Number(match[1]) : undefined
}

/**
 * Tables that apply under a condition Microsoft states in the prose before them, keyed by the
 * table's line: the condition, and which column holds the selecting value.
 */
const CONDITIONAL_TABLES: Record<string, { parameter: number; when: Record<string, string[]> }> = {
  '0x000000A5@394': { parameter: 3, when: { 1: ['0x2'] } },
  '0x000000A5@447': { parameter: 3, when: { 1: ['0x10'] } },
  '0x000000A5@488': { parameter: 2, when: { 1: ['0x11'] } },
  '0x0000010D@144': { parameter: 2, when: { 1: ['0x6'] } },
  '0x0000010D@187': { parameter: 3, when: { 1: ['0xb'] } },
}

/** Which column selects: the first parameter column whose cells are all values. */
function keyColumn(table: Table): number | undefined {
  for (let column = 0; column < table.header.length; column++) {
    if (parameterOfHeader(table.header[column]) === undefined) continue
    const cells = table.rows.map((row) => row[column] ?? '').filter((cell) => cell.trim() !== '')
    if (cells.length > 0 && cells.every((cell) => valueList(cell) !== undefined)) return column
  }
  return undefined
}

/** Tables whose rows no one column selects, as read by hand: 0x93 is told apart by Parameters 2 and 4. */
const ROWS_BY_HAND: Record<string, RowFact[]> = {
  '0x00000093@24': [
    { line: 24, parameter: 2, values: ['0x0'], when: { 4: ['0x0'] } },
    { line: 24, parameter: 2, values: ['0x1'], when: { 4: ['0x0'] } },
    { line: 24, parameter: 4, values: ['0x1'] },
  ],
}

/**
 * Cells misplaced in Microsoft's tables, by code, table line and selecting value: 0xC4's 0x100A
 * row has one cell too few, so its cause sits in the Parameter 4 column (an earlier revision of
 * the page has that cell empty).
 */
const MISPLACED_CELLS: Record<string, string[]> = {
  '0x000000C4@0x100a': ['4'],
}

function subtypeRows(entry: MsCode, table: Table): RowFact[] {
  const byHand = ROWS_BY_HAND[`${entry.code}@${table.line}`]
  if (byHand) return byHand
  return keyedRows(entry, table).map(({ fact, row }) => {
    const skip = [fact.parameter, ...Object.keys(fact.when ?? {}).map(Number)]
    const cells = rowCells(table, row, skip)
    for (const value of fact.values) for (const index of MISPLACED_CELLS[`${entry.code}@${value}`] ?? []) delete cells?.[index]
    const column = table.header.findIndex((header) => parameterOfHeader(header) === fact.parameter)
    const raw = (row[column] ?? '').split(RE_SEPARATOR).map((part) => part.trim()).filter((part) => part !== '')
    const decimal = raw.length > 0 && raw.every((part) => /^\d+$/.test(part)) ? raw.map((part) => `0x${Number.parseInt(part, 10).toString(16)}`) : undefined
    const withDecimal = decimal && decimal.join() !== fact.values.join() ? { ...fact, decimal } : fact
    return cells ? { ...withDecimal, cells } : withDecimal
  })
}

function keyedRows(entry: MsCode, table: Table): { fact: RowFact; row: string[] }[] {
  const conditional = CONDITIONAL_TABLES[`${entry.code}@${table.line}`]
  const facts: { fact: RowFact; row: string[] }[] = []
  const firstParameter = parameterOfHeader(table.header[0])
  // A first column with gaps (0xFE: Parameter 1 = 0x8, then rows keyed by Parameter 2) nests.
  const nested = table.rows.some((row) => (row[0] ?? '').trim() === '')
  let outer: string[] | undefined
  for (const row of table.rows) {
    const first = (row[0] ?? '').trim()
    if (nested && firstParameter !== undefined) {
      const second = valueList(row[1] ?? '')
      if (first !== '') outer = valueList(first)
      const nextIsNested = table.rows[table.rows.indexOf(row) + 1]?.[0]?.trim() === ''
      if (first !== '' && !nextIsNested) {
        facts.push({ fact: { line: table.line, parameter: firstParameter, values: outer ?? [] }, row })
        continue
      }
      if (second && outer) facts.push({ fact: { line: table.line, parameter: 2, values: second, when: { [String(firstParameter)]: outer } }, row })
      continue
    }
    if (conditional) {
      const column = table.header.findIndex((header) => parameterOfHeader(header) === conditional.parameter)
      const values = valueList(row[column] ?? '')
      if (values) facts.push({ fact: { line: table.line, parameter: conditional.parameter, values, when: conditional.when }, row })
      continue
    }
    // Most tables: the first column is Parameter 1. Where its cells are prose (0xC1, 0xD2, 0x93),
    // the selecting column is the first whose cells are all values.
    const own = valueList(first) ?? /^(0[xX][0-9a-fA-F]+)\s+-\s/.exec(first)?.slice(1, 2)
    if (own && firstParameter !== undefined) {
      facts.push({ fact: { line: table.line, parameter: firstParameter, values: own.map(normaliseHex) }, row })
      continue
    }
    const column = keyColumn(table)
    const parameter = column === undefined ? undefined : parameterOfHeader(table.header[column])
    const values = column === undefined ? undefined : valueList(row[column] ?? '')
    if (parameter !== undefined && values) facts.push({ fact: { line: table.line, parameter, values }, row })
    // No column selects (0xD2): the debugger's message tells these cases apart.
    else facts.push({ fact: { line: table.line, parameter: 0, values: [], byMessage: true }, row })
  }
  return facts
}

/** The first column's values as written: `10` in a list of time-out codes may be decimal. */
function listedValues(entry: MsCode, table: Table): { line: number; values: string[] } | undefined {
  if (CONDITIONAL_TABLES[`${entry.code}@${table.line}`]) return undefined
  const values = table.rows.flatMap((row) => (valueList(row[0] ?? '') ? [(row[0] as string).trim()] : []))
  return values.length > 0 ? { line: table.line, values } : undefined
}

const RE_LISTED = /^\s*(?:\*\*)?(0x[0-9a-fA-F]+|\d+)(?:\*\*)?\s*(?:-|:|=|–)\s*\S/

function listsValues(cell: string): boolean {
  if (/Parameter\s+[1-4]/i.test(cell)) return false
  const segments = cell.split(/<\/?br\s*\/?>|\n/)
  return segments.filter((segment) => RE_LISTED.test(segment)).length >= 2
}

function factsOf(catalog: Catalog, entry: MsCode | undefined): CodeFacts {
  const facts: CodeFacts = {
    code: catalog.code,
    name: catalog.name,
    learnUrl: catalog.learnUrl,
    paramCount: catalog.paramCount,
    described: [],
    reserved: [],
    listsValues: [],
    subtypeRows: [],
    listedValues: [],
  }
  if (catalog.paramsSameAs) facts.sameAs = `0x${catalog.paramsSameAs.slice(2).padStart(8, '0')}`
  if (!entry) return facts
  facts.source = entry.page
  for (const table of entry.plain) {
    for (const row of table.rows) {
      const index = Number.parseInt(row[0] ?? '', 10)
      const text = (row[1] ?? '').trim()
      if (!(index >= 1 && index <= 4) || text === '') continue
      if (!facts.described.includes(index)) facts.described.push(index)
      if (/^reserved\.?$/i.test(text.replace(/\*/g, ''))) facts.reserved.push(index)
      if (listsValues(text)) facts.listsValues.push(index)
    }
  }
  for (const table of entry.subtypes) facts.subtypeRows.push(...subtypeRows(entry, table))
  for (const table of entry.otherTables) {
    if (CONDITIONAL_TABLES[`${entry.code}@${table.line}`]) facts.subtypeRows.push(...subtypeRows(entry, table))
    else {
      const listed = listedValues(entry, table)
      if (listed) facts.listedValues.push(listed)
    }
  }
  return facts
}

const ROOT = resolve(import.meta.dirname, '../..')
const source = resolve(process.argv[2] ?? `${ROOT}/../shared/reference/ms-bugcheck-parameters.json`)
const reference = JSON.parse(readFileSync(source, 'utf8')) as { commit: string; codes: MsCode[] }
const catalog = JSON.parse(readFileSync(resolve(source, '../../data/bugcheck-codes.json'), 'utf8')) as Catalog[]
const byCode = new Map(reference.codes.map((entry) => [entry.code, entry]))
const codes = catalog.map((entry) => factsOf(entry, byCode.get(entry.code)))
const output = {
  about:
    'Facts from Microsoft’s windows-driver-docs (CC BY 4.0), bug check reference pages: which parameters are described or reserved, and the values that select subtypes or that value tables list. Extracted by scripts/reference/extract-facts.ts; no prose is kept.',
  source: 'https://github.com/MicrosoftDocs/windows-driver-docs',
  commit: reference.commit,
  codes,
}
writeFileSync(`${ROOT}/tests/fixtures/reference/ms-facts.json`, `${JSON.stringify(output, null, 1)}\n`)
const rows = codes.reduce((sum, facts) => sum + facts.subtypeRows.length, 0)
console.log(`${codes.length} codes, ${rows} subtype rows, ${codes.filter((facts) => facts.subtypeRows.length > 0).length} codes with subtypes`)

// Fingerprints of Microsoft's wording, so that a test can tell a copied sentence without the
// repository holding one: every run of six words, hashed (FNV-1a, 32 bits), sorted, base64.
const texts = reference.codes.flatMap((entry) => [
  entry.summary ?? '',
  ...entry.notes,
  ...[...entry.plain, ...entry.subtypes, ...entry.otherTables].flatMap((table) => table.rows.flat()),
])
const hashes = new Set<number>()
for (const text of texts) for (const hash of shingleHashes(text)) hashes.add(hash)
const sorted = Uint32Array.from([...hashes].sort((a, b) => a - b))
writeFileSync(
  `${ROOT}/tests/fixtures/reference/ms-wording.json`,
  `${JSON.stringify({
    about: `FNV-1a hashes of every six-word run of Microsoft’s bug check tables, summaries and notes (${sorted.length}); see tests/unit/reference-wording.test.ts. No text is kept.`,
    commit: reference.commit,
    hashes: Buffer.from(sorted.buffer).toString('base64'),
  })}\n`,
)
console.log(`${sorted.length} wording fingerprints`)
