// The grammar run directly (src/render/scanner.ts) against Shiki running the same grammar: the
// same tokens on every real line, on the grammar's sample, and on random and mutated lines.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createWindbgHighlighter } from '../src/render/highlight.ts'
import { createShikiWindbgHighlighter } from '../src/render/shiki-highlighter.ts'
import { realFences, sessionFences } from './helpers.ts'

const shiki = await createShikiWindbgHighlighter()
const fast = createWindbgHighlighter()
const sample = readFileSync(new URL('../src/grammar/windbg.sample', import.meta.url), 'utf8')
const real = [...new Set([...realFences(), ...sessionFences()].flatMap((fence) => fence.value.split('\n')).concat(sample.split('\n')))]

describe('the direct scanner', () => {
  test('tokens equal to Shiki’s on every real line and the grammar sample', () => {
    const expected = shiki(real)
    const actual = fast(real)
    const different = real.filter((_, index) => JSON.stringify(expected[index]) !== JSON.stringify(actual[index]))
    expect(different).toEqual([])
    expect(real.length).toBeGreaterThan(1000)
  })

  test('tokens equal to Shiki’s on random and mutated lines', () => {
    const pieces = ['0: kd> ', 'kd>', '0:000> ', '$$ ', 'Arg1: ', 'BUGCHECK_CODE:  ', 'Key  : ', 'Value: ', '+0x010 ', 'nt!KeBugCheckEx+0x12', 'fffff806`22c00000', '00000000', 'ERROR: ', 'WARNING: ', 'Failed to ', '"quoted"', ' -v', ' /f', ';k', '<--- INVALID', '****** ', '12345678-1234-1234-1234-123456789abc', '0x1f', '0n12', 'DRIVER_POWER_STATE_FAILURE (9f)', '    ']
    const line = fc.oneof(
      fc.constantFrom(...real),
      fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 12 })), { maxLength: 8 }).map((parts) => parts.join('')),
      fc.tuple(fc.constantFrom(...real), fc.nat(), fc.constantFrom(...pieces)).map(([text, at, piece]) => text.slice(0, at % (text.length + 1)) + piece + text.slice(at % (text.length + 1))),
    )
    fc.assert(
      fc.property(line, (text) => {
        expect(fast([text])).toEqual(shiki([text]))
      }),
      { numRuns: 10000 },
    )
  })
})
