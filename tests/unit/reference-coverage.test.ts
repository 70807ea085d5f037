// The project's bugcheck reference held against the facts it was written from: Microsoft's
// parameter tables (tests/fixtures/reference/ms-facts.json, values and structure only) and
// fingerprints of Microsoft's wording (ms-wording.json, hashes only), so that a sentence copied
// from Microsoft fails here without the repository holding any.
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { checkReferenceDir } from 'bugcheck-reference/load'
import type { ReferenceFile } from 'bugcheck-reference/schema'
import { copiedProse, coverageProblems, proseOf, type FactsFile } from '../../scripts/reference/coverage.ts'
import { decodeFingerprints, longestSharedRun } from '../../scripts/reference/wording.ts'

const facts = JSON.parse(readFileSync('tests/fixtures/reference/ms-facts.json', 'utf8')) as FactsFile
const known = decodeFingerprints((JSON.parse(readFileSync('tests/fixtures/reference/ms-wording.json', 'utf8')) as { hashes: string }).hashes)
const { files, problems } = checkReferenceDir('content/bugchecks')
const byCode = new Map(files.flatMap((parsed) => (parsed.data ? [[parsed.data.code, parsed.data] as const] : [])))

describe('the reference covers what Microsoft documents', () => {
  test('every catalog code has a valid file', () => {
    expect(problems).toEqual([])
    expect(facts.codes).toHaveLength(425)
    expect(facts.codes.map((code) => code.code).filter((code) => !byCode.has(code))).toEqual([])
  })

  test('every described parameter, every reserved mark, every subtype row with its parameters, every listed value', () => {
    const gaps = facts.codes.flatMap((code) => coverageProblems(code, byCode.get(code.code)))
    expect(gaps).toEqual([])
  })

  test('all 975 subtype rows of Microsoft’s tables keyed by a parameter, and the rows of its conditional tables', () => {
    const rows = facts.codes.reduce((sum, code) => sum + code.subtypeRows.length, 0)
    // 975 rows of subtype tables, and 25 of the tables that apply when parameter 1 has one value
    // (0xA5, 0x10D), with 0xFE's nested rows counted once.
    expect(rows).toBe(1000)
    const subtypes = [...byCode.values()].reduce((sum, file) => sum + (file.subtypes?.length ?? 0), 0)
    expect(subtypes).toBeGreaterThanOrEqual(975)
  })

  test('every code has a summary, and a code without parameters says so', () => {
    for (const file of byCode.values()) {
      expect(file.summary.split(/(?<=[.!?])\s+/).length, file.code).toBeLessThanOrEqual(3)
      if (file.parameterCount === 0) expect(file.parameters, file.code).toBe('none')
    }
  })

  test('the check can fail: a subtype or a reserved mark taken away is reported', () => {
    const code = facts.codes.find((entry) => entry.code === '0x0000009F')!
    const file = byCode.get('0x0000009F') as ReferenceFile
    const withoutCase = { ...file, subtypes: file.subtypes?.filter((subtype) => !subtype.value?.includes('0x3')) }
    expect(coverageProblems(code, withoutCase)).toEqual([expect.stringMatching(/no subtype for parameter 1 = 0x3/)])
    const unreserved = { ...file, subtypes: file.subtypes?.map((subtype) => (subtype.value?.includes('0x1') ? { ...subtype, parameters: { 2: subtype.parameters?.['2']! } } : subtype)) }
    expect(coverageProblems(code, unreserved).join('\n')).toMatch(/parameter 1 = 0x1: parameter 3 is reserved in Microsoft's row but missing here/)
  })
})

describe("the reference is written in the project's own words", () => {
  test('no description shares eight words in a row with Microsoft’s text', () => {
    const copied = [...byCode.values()].flatMap((file) => copiedProse(file, known).map(({ field, run }) => `${file.code} ${field}: ${run} words`))
    expect(copied).toEqual([])
  })

  test('the fingerprints catch a copied sentence (from Microsoft’s 0x9F table, read as data)', () => {
    // Rebuilt from the wording the fixture of Microsoft's 0x9F !analyze output prints.
    const analyze = readFileSync('plugins/remark-windbg/test/fixtures/real/bug-check-0x9f--driver-power-state-failure.md', 'utf8')
    const sentence = /A device object has been blocking an Irp for too long a time/.exec(analyze)?.[0] ?? ''
    expect(longestSharedRun(sentence, known)).toBeGreaterThanOrEqual(8)
    expect(longestSharedRun('A device held a power IRP and never completed it.', known)).toBeLessThan(8)
  })

  test('prose is plain text: no HTML and no Markdown links', () => {
    const marked = [...byCode.values()].flatMap((file) => proseOf(file).filter(({ text }) => /<[a-z/]|\]\(/i.test(text)).map(({ field }) => `${file.code} ${field}`))
    expect(marked).toEqual([])
  })
})
