// Bad reference files: one case per kind of mistake, each reported as file:line: field: what was
// expected. The files are synthetic, written for these tests.
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BugcheckReferenceError, formatProblem, loadReference, parseReferenceFile } from '../src/load.ts'

const HEAD = `code: 0x0000009F
name: DRIVER_POWER_STATE_FAILURE
learnUrl: https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0x9f--driver-power-state-failure
parameterCount: 4
summary: A synthetic summary for a schema test.
`

function problems(body: string, file = '0x9f.yaml'): string[] {
  return parseReferenceFile(file, HEAD + body).problems.map(formatProblem)
}

describe('reference files: every mistake named with its line and field', () => {
  it('a valid file has no problems, and hex keys stay text', () => {
    const parsed = parseReferenceFile('0x9f.yaml', `${HEAD}parameters:\n  1:\n    name: Violation type\n    description: Which rule.\n    decode: enum\n    values:\n      0x3: held too long\n      10: sixteen\n`)
    expect(parsed.problems).toEqual([])
    const first = parsed.data?.parameters
    expect(first !== 'none' && first?.['1']).toMatchObject({ values: { '0x3': 'held too long', '0x10': 'sixteen' } })
  })

  it.each([
    ['not YAML', 'parameters: [unclosed\n', /^0x9f\.yaml:7: not valid YAML/],
    ['an unknown field', 'colour: red\n', /^0x9f\.yaml:1: unknown field `colour`/],
    ['an unknown decode', 'parameters:\n  1:\n    name: N\n    description: D.\n    decode: enumm\n', /^0x9f\.yaml:10: parameters\.1\.decode: expected one of hex, pointer/],
    ['enum without values', 'parameters:\n  1:\n    name: N\n    description: D.\n    decode: enum\n', /^0x9f\.yaml:8: parameters\.1\.values: `decode: enum` needs `values`/],
    ['duration without a unit', 'parameters:\n  2:\n    name: N\n    description: D.\n    decode: duration\n', /parameters\.2\.unit: `decode: duration` needs `unit`/],
    ['flags without decode: flags', 'parameters:\n  3:\n    name: N\n    description: D.\n    flags:\n      - bit: 0\n        set: write\n', /parameters\.3\.flags: `flags` needs `decode: flags`/],
    ['a value key that is not hex', 'parameters:\n  3:\n    name: N\n    description: D.\n    values:\n      read: zero\n', /^0x9f\.yaml:11: parameters\.3\.values\.read: `read` is not a hex value/],
    ['a parameter number out of range', 'parameters:\n  5: reserved\n', /^0x9f\.yaml:7: parameters\.5: `5` is not a parameter number/],
    ['a placeholder in prose', 'parameters:\n  1:\n    name: N\n    description: TODO write this\n', /^0x9f\.yaml:9: parameters\.1\.description: `description` holds a placeholder/],
    ['HTML in prose', 'parameters:\n  1:\n    name: N\n    description: A<br />B\n', /parameters\.1\.description: .*HTML/],
    ['a subtype without a value', 'subtypes:\n  - meaning: Something.\n', /^0x9f\.yaml:7: subtypes\.0\.value: required/],
    ['a subtype value that is not hex', 'subtypes:\n  - value: 0xZZ\n    meaning: M.\n', /^0x9f\.yaml:7: subtypes\.0\.value: expected a hex value/],
    ['a case that describes its own selecting parameter', 'subtypes:\n  - value: 0x3\n    meaning: M.\n    parameters:\n      1: reserved\n', /subtypes\.0\.parameters\.1: parameter 1 selects this case/],
    ['the same case twice', 'subtypes:\n  - value: 0x3\n    meaning: M.\n  - value: [0x2, 0x3]\n    meaning: N.\n', /subtypes\.1\.value: parameter 1 = 0x3 is already subtypes\[0\]/],
    ['parameters: none on a code with parameters', 'parameters: none\n', /parameters: `parameters: none` needs `parameterCount: 0`/],
    ['a field written twice', 'parameterCount: 2\n', /^0x9f\.yaml:6: not valid YAML: Map keys must be unique/],
  ])('%s', (_, body, expected) => {
    expect(problems(body).join('\n')).toMatch(expected)
  })

  it('a parameter beyond the count', () => {
    const text = HEAD.replace('parameterCount: 4', 'parameterCount: 2') + 'parameters:\n  3: reserved\n'
    expect(parseReferenceFile('0x9f.yaml', text).problems.map(formatProblem)).toEqual(['0x9f.yaml:7: parameters.3: parameter 3 of a code with 2 parameters'])
  })

  it('a file named for another code', () => {
    expect(problems('', '0x9e.yaml')).toEqual(['0x9e.yaml:1: code: the file of 0x0000009F is named 0x9f.yaml'])
  })

  it('a variant with parameters of its own', () => {
    const text = HEAD.replace('0x0000009F', '0x1000009F') + 'sameAs: 0x0000009F\nparameters:\n  1: reserved\n'
    expect(parseReferenceFile('0x1000009f.yaml', text).problems.map(formatProblem).join('\n')).toMatch(/sameAs: a `sameAs` variant takes its parameters from that code/)
  })
})

describe('loadReference: a folder read once per change', () => {
  // Synthetic files in a folder of their own.
  const folder = mkdtempSync(join(tmpdir(), 'bugcheck-reference-'))
  const file = join(folder, '0x9f.yaml')
  const write = (summary: string, when: number) => {
    writeFileSync(file, HEAD.replace('A synthetic summary for a schema test.', summary) + 'parameters:\n  1:\n    name: Violation type\n    description: Which rule.\n')
    utimesSync(file, when, when)
  }

  it('gives the same codes while no file changes, and reads the folder again when one does', () => {
    write('First synthetic summary.', 1_000_000)
    const first = loadReference(folder)
    expect(first.map((code) => code.summary)).toEqual(['First synthetic summary.'])
    expect(loadReference(folder)).toBe(first)
    write('Second synthetic summary.', 2_000_000)
    expect(loadReference(folder).map((code) => code.summary)).toEqual(['Second synthetic summary.'])
  })

  it('still stops on a bad file after a good read', () => {
    write('Good synthetic summary.', 3_000_000)
    loadReference(folder)
    writeFileSync(file, `${HEAD}colour: red\n`)
    utimesSync(file, 4_000_000, 4_000_000)
    expect(() => loadReference(folder)).toThrow(BugcheckReferenceError)
  })
})
