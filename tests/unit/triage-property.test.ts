// Triage takes whatever is pasted: random text, and real debugger output mangled at random, must
// never make it throw, and its result is always one of the kinds the page knows how to show.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { realFences } from '../../plugins/remark-windbg/test/helpers.ts'
import { readParameters, triage, triageKinds, type TriageResult } from 'bugcheck-reference/triage'
import { referenceIndex } from '../../src/lib/catalog.ts'
import { readShareHash, shareHash } from '../../src/scripts/triage/share.ts'

const RUNS = 400
const real = realFences().map((fence) => fence.value)

// Pieces of the formats triage reads, so random text reaches past the first check of each rule.
const fragments = [
  'Arg1: ', 'Arg4: ', 'BUGCHECK_CODE:  ', 'BUGCHECK_P2: ', 'Key  : Bugcheck.Code.LegacyAPI', 'Key  : Failure.Bucket', 'Value: ',
  'Bugcheck: ', 'BugCheck ', 'Bugcheck code ', 'Arguments ', '*** STOP: 0x', 'KERNEL_APC_PENDING_DURING_EXIT (20)',
  'STACK_TEXT:  ', 'SYMBOL_NAME:  ', 'MODULE_NAME: ', 'FAILURE_BUCKET_ID:  ', 'Probably caused by : ', 'WARNING: ',
  'nt!KeBugCheckEx', ' : ', '{', '}', '(', ')', ', ', '`', '0x', 'ffff', '0000000000000000', 'fffff806`22c00000', '20',
  '\n', '\r\n', '\r', '\t', '    ', '', '*', '\u0000', '\u202e', '😀', 'ẞ',
]
const grammarText = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF`'), maxLength: 20 }), fc.string({ maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join(''))

/** One edit of a real output: cut, insert, duplicate, swap case, drop a line. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...fragments), fc.string({ unit: 'binary', maxLength: 30 })) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('case' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('drop-line' as const), at: fc.nat() }),
)
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never

function mutate(text: string, edit: Mutation): string {
  const at = text.length === 0 ? 0 : edit.at % text.length
  switch (edit.kind) {
    case 'cut':
      return text.slice(0, at) + text.slice(at + edit.length)
    case 'insert':
      return text.slice(0, at) + edit.text + text.slice(at)
    case 'duplicate':
      return text.slice(0, at + edit.length) + text.slice(at, at + edit.length) + text.slice(at + edit.length)
    case 'case': {
      const part = text.slice(at, at + edit.length)
      const swapped = part === part.toUpperCase() ? part.toLowerCase() : part.toUpperCase()
      return text.slice(0, at) + swapped + text.slice(at + edit.length)
    }
    case 'drop-line': {
      const lines = text.split('\n')
      lines.splice(edit.at % lines.length, 1)
      return lines.join('\n')
    }
  }
}

const mutatedReal = fc
  .tuple(fc.constantFrom(...real), fc.array(mutation, { maxLength: 8 }), fc.array(fc.constantFrom(...real), { maxLength: 2 }))
  .map(([base, edits, extra]) => edits.reduce(mutate, [base, ...extra].join('\n')))

/** What every result must be, whatever the input. */
function checkResult(text: string, result: TriageResult): void {
  expect(triageKinds).toContain(result.kind)
  const bugchecks =
    result.kind === 'found' ? [result.bugcheck] : result.kind === 'ambiguous' ? result.candidates.map((candidate) => candidate.bugcheck) : []
  if (result.kind === 'none') expect(result.empty).toBe(text.trim() === '')
  if (result.kind === 'ambiguous') expect(new Set(bugchecks.map((bugcheck) => bugcheck.code)).size).toBe(bugchecks.length)
  if (result.kind === 'ambiguous') expect(bugchecks.length).toBeGreaterThan(1)
  for (const bugcheck of bugchecks) {
    expect(bugcheck.parameters).toHaveLength(4)
    for (const value of bugcheck.parameters) expect(value).toMatch(/^(?:|0x[0-9a-f]+)$/)
    expect(bugcheck.hex).toBe(`0x${bugcheck.code.toString(16)}`)
    expect(readParameters(bugcheck, undefined)).toHaveLength(4)
    // With the reference, whatever the values: every reading is well formed.
    for (const row of readParameters(bugcheck, referenceIndex.docs(bugcheck.code))) if (row.reading) expect(row.reading.decoded.every((phrase) => typeof phrase === 'string' && phrase !== '')).toBe(true)
    const hash = shareHash(bugcheck)
    if (hash !== undefined) expect(readShareHash(hash)).toMatchObject({ code: bugcheck.code, parameters: bugcheck.parameters })
  }
}

describe('triage never throws', () => {
  test('on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => checkResult(text, triage(text))),
      { numRuns: RUNS },
    )
  })

  test('on random text made of pieces of the formats', () => {
    fc.assert(
      fc.property(grammarText, (text) => checkResult(text, triage(text))),
      { numRuns: RUNS },
    )
  })

  test('on real debugger output, mutated', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(mutatedReal, (text) => {
        const result = triage(text)
        seen.add(result.kind)
        checkResult(text, result)
      }),
      { numRuns: RUNS },
    )
    // The inputs reach every kind of result, so every branch above was checked.
    expect([...seen].sort()).toEqual([...triageKinds].sort())
  })

  test('reading a share hash never throws, and only yields well-formed bugchecks', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), grammarText.map((text) => `#code=0x${text}&p=${text}`)), (hash) => {
        const bugcheck = readShareHash(hash)
        if (bugcheck) expect(bugcheck.parameters.every((value) => /^(?:|0x[0-9a-f]{1,16})$/.test(value))).toBe(true)
      }),
      { numRuns: RUNS },
    )
  })
})
