// Holds the project's reference (content/bugchecks/) against the facts it was written from
// (tests/fixtures/reference/ms-facts.json): every code, every parameter Microsoft describes,
// every subtype row and every listed value. Used by the unit test and `npm run check:reference`.
import { normaliseHex } from '../../packages/bugcheck/src/hex.ts'
import type { ParameterEntry, ReferenceFile, SubtypeEntry } from '../../packages/bugcheck/src/schema.ts'
import type { CellKind, CodeFacts, FactsFile, RowFact } from './facts.ts'
import { longestSharedRun } from './wording.ts'

export type { CodeFacts, FactsFile, RowFact }

/** A run of this many words shared with Microsoft's wording is a copied sentence. */
export const COPIED_RUN = 8

function sameWhen(subtype: SubtypeEntry, when: Record<string, string[]> | undefined): boolean {
  const ours = subtype.when ?? {}
  const theirs = when ?? {}
  if (Object.keys(ours).length !== Object.keys(theirs).length) return false
  return Object.entries(theirs).every(([key, values]) => values.every((value) => ours[key]?.includes(value)))
}

function entryKind(entry: ParameterEntry | undefined): CellKind | undefined {
  if (entry === undefined) return undefined
  if (entry === 'reserved') return 'reserved'
  if (entry === 'zero') return 'zero'
  return 'described'
}

/** Every value key the file documents, in parameters, subtype parameters and subtype values. */
function documentedValues(file: ReferenceFile): Set<string> {
  const values = new Set<string>()
  const add = (entry: ParameterEntry) => {
    if (typeof entry === 'object') for (const key of Object.keys(entry.values ?? {})) values.add(key)
  }
  if (file.parameters && file.parameters !== 'none') Object.values(file.parameters).forEach(add)
  for (const subtype of file.subtypes ?? []) {
    for (const value of subtype.value ?? []) values.add(value)
    Object.values(subtype.parameters ?? {}).forEach(add)
  }
  return values
}

/** Readings of a listed value: hex, and decimal where the digits allow (`10` → 0x10 or 0xa). */
function readings(raw: string): string[] {
  const text = raw.trim()
  if (/^0x/i.test(text)) return [normaliseHex(text)]
  const readings = [normaliseHex(text)]
  if (/^\d+$/.test(text)) readings.push(`0x${Number.parseInt(text, 10).toString(16)}`)
  return readings
}

/** Problems of one code's file against its facts, as lines for people. */
export function coverageProblems(facts: CodeFacts, file: ReferenceFile | undefined): string[] {
  if (!file) return [`${facts.code} ${facts.name}: no reference file`]
  const problems: string[] = []
  const say = (message: string) => problems.push(`${facts.code} ${facts.name}: ${message}`)
  if (file.name !== facts.name) say(`name is ${file.name}, the catalog says ${facts.name}`)
  if (file.learnUrl !== facts.learnUrl) say(`learnUrl is not Microsoft's page ${facts.learnUrl}`)
  if (file.parameterCount !== facts.paramCount) say(`parameterCount is ${file.parameterCount ?? 'unknown'}, the catalog says ${facts.paramCount ?? 'unknown'}`)
  if ((file.source ?? undefined) !== facts.source) say(`source should be ${facts.source ?? 'absent (Microsoft has no page text)'}`)
  if ((file.sameAs ?? undefined) !== facts.sameAs) say(`sameAs should be ${facts.sameAs ?? 'absent'}`)
  if (facts.sameAs) return problems
  const parameters = file.parameters && file.parameters !== 'none' ? file.parameters : {}
  for (const index of facts.described) {
    const kind = entryKind(parameters[String(index)])
    if (kind === undefined) say(`parameter ${index} is described by Microsoft but not here`)
    else if (facts.reserved.includes(index) && kind !== 'reserved') say(`parameter ${index} is reserved in Microsoft's reference: write \`${index}: reserved\``)
    else if (!facts.reserved.includes(index) && kind === 'reserved') say(`parameter ${index} is described by Microsoft, not reserved`)
  }
  for (const index of facts.listsValues) {
    const entry = parameters[String(index)]
    const selects = (file.subtypes ?? []).some((subtype) => subtype.parameter === index)
    if (typeof entry === 'object' && !entry.values && !entry.flags && !selects) say(`parameter ${index}: Microsoft lists its values; give them as \`values\` (or \`flags\`)`)
  }
  const subtypes = file.subtypes ?? []
  const used = new Set<SubtypeEntry>()
  for (const row of facts.subtypeRows) {
    const where = `subtype row at line ${row.line} of Microsoft's page`
    if (row.byMessage) {
      const match = subtypes.find((subtype) => !used.has(subtype) && subtype.message !== undefined && subtype.value === undefined)
      if (match) used.add(match)
      else say(`${where}: a case told apart by its message has no subtype with \`message\` and no \`value\``)
      continue
    }
    const covers = (values: string[]) => (subtype: SubtypeEntry) =>
      subtype.parameter === row.parameter && values.every((value) => subtype.value?.includes(value)) && sameWhen(subtype, row.when)
    let candidates = subtypes.filter(covers(row.values))
    if (candidates.length === 0 && row.decimal) candidates = subtypes.filter(covers(row.decimal))
    const match = candidates.find((subtype) => !used.has(subtype)) ?? candidates[0]
    const label = `parameter ${row.parameter} = ${row.values.join(' or ')}${row.when ? ` when ${Object.entries(row.when).map(([key, values]) => `parameter ${key} = ${values.join('|')}`).join(', ')}` : ''}`
    if (!match) {
      say(`${where}: no subtype for ${label}`)
      continue
    }
    used.add(match)
    for (const [index, kind] of Object.entries(row.cells ?? {})) {
      const ours = entryKind(match.parameters?.[index])
      if (ours === undefined) say(`${label}: parameter ${index} is ${kind === 'described' ? 'described' : kind} in Microsoft's row but missing here`)
      else if (kind === 'reserved' && ours !== 'reserved') say(`${label}: parameter ${index} is reserved in Microsoft's row: write \`${index}: reserved\``)
      else if (kind !== 'reserved' && ours === 'reserved') say(`${label}: parameter ${index} is not reserved in Microsoft's row`)
    }
  }
  const documented = documentedValues(file)
  for (const listed of facts.listedValues) {
    const missing = listed.values.filter((raw) => !readings(raw).some((value) => documented.has(value)))
    if (missing.length > 0) say(`the value table at line ${listed.line} of Microsoft's page lists ${missing.join(', ')}: missing from every \`values\` and subtype`)
  }
  return problems
}

/** Every text of a file written for people, with where it is. */
export function proseOf(file: ReferenceFile): { field: string; text: string }[] {
  const texts: { field: string; text: string }[] = [{ field: 'summary', text: file.summary }]
  const parameter = (field: string, entry: ParameterEntry) => {
    if (typeof entry !== 'object') return
    texts.push({ field: `${field}.name`, text: entry.name }, { field: `${field}.description`, text: entry.description })
    for (const [key, meaning] of Object.entries(entry.values ?? {})) texts.push({ field: `${field}.values.${key}`, text: meaning })
    entry.flags?.forEach((flag, position) => {
      texts.push({ field: `${field}.flags.${position}.set`, text: flag.set })
      if (flag.clear) texts.push({ field: `${field}.flags.${position}.clear`, text: flag.clear })
    })
  }
  if (file.parameters && file.parameters !== 'none') for (const [key, entry] of Object.entries(file.parameters)) parameter(`parameters.${key}`, entry)
  file.subtypes?.forEach((subtype, position) => {
    texts.push({ field: `subtypes.${position}.meaning`, text: subtype.meaning })
    for (const [key, entry] of Object.entries(subtype.parameters ?? {})) parameter(`subtypes.${position}.parameters.${key}`, entry)
  })
  file.notes?.forEach((note, position) => texts.push({ field: `notes.${position}`, text: note }))
  return texts
}

/** Texts that share a run of {@link COPIED_RUN} or more words with Microsoft's wording. */
export function copiedProse(file: ReferenceFile, known: ReadonlySet<number>): { field: string; run: number }[] {
  return proseOf(file)
    .map(({ field, text }) => ({ field, run: longestSharedRun(text, known) }))
    .filter(({ run }) => run >= COPIED_RUN)
}
