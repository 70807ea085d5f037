// Bad frontmatter fails the build with a message naming the file, the field and what was expected.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTempProject, type TempProject } from '../lib/temp-project.ts'

let project: TempProject
beforeAll(() => {
  project = createTempProject()
})
afterAll(() => project?.remove())

const GOOD = {
  title: 'title: A synthetic runbook for a schema test',
  bugcheck: 'bugcheck: "0x20"',
  summary: 'summary: Synthetic article that exists only to break one field at a time.',
  updated: 'updated: 2026-11-25',
}

function article(fields: Partial<Record<keyof typeof GOOD, string | null>> & { extra?: string }): string {
  const lines = (Object.keys(GOOD) as (keyof typeof GOOD)[])
    .map((key) => (fields[key] === undefined ? GOOD[key] : fields[key]))
    .filter((line): line is string => line !== null)
  return `---\n${lines.join('\n')}\n${fields.extra ?? ''}\n---\n\nBody.\n`
}

const FOUR_PARAMETERS = Array.from({ length: 5 }, (_, index) => `  - { name: P${index + 1}, description: Parameter ${index + 1} }`).join('\n')

const CASES: [string, string, RegExp[]][] = [
  ['unknown code', article({ bugcheck: 'bugcheck: "0x7777"' }), [/bugcheck/, /unknown bugcheck code 0x7777/, /no file in content\/bugchecks\//]],
  ['bad hex', article({ bugcheck: 'bugcheck: "0xZZ"' }), [/bugcheck/, /"0xZZ" is not a hex code/, /"0x20" or "0x00000020"/]],
  ['bare number', article({ bugcheck: 'bugcheck: 20' }), [/bugcheck/, /bare number \(20\) is ambiguous/, /quoted hex string/]],
  ['missing title', article({ title: null }), [/title/, /[Rr]equired/]],
  ['more than 4 parameters', article({ extra: `parameters:\n${FOUR_PARAMETERS}` }), [/parameters/, /at most 4 parameters/]],
  ['related that does not exist', article({ extra: 'related: ["no-such-runbook"]' }), [/related/, /"no-such-runbook" is neither a catalog code/]],
]

describe('content errors stop the build with a clear message', () => {
  test.each(CASES)('%s', (_name, contents, expected) => {
    project.write('content/runbooks/zz-broken.md', contents)
    const { status, output } = project.astro(['sync'])
    expect(status).not.toBe(0)
    expect(output).toContain('runbooks/zz-broken')
    for (const pattern of expected) expect(output).toMatch(pattern)
  })

  test('a broken reference file stops the build with file:line: field: problem, and no stack trace', () => {
    const path = 'content/bugchecks/0x20.yaml'
    const good = readFileSync(join(project.root, path), 'utf8')
    project.write(path, good.replace('decode: signed', 'decode: signedd'))
    try {
      const { status, output } = project.astro(['sync'])
      expect(status).not.toBe(0)
      expect(output).toMatch(/content\/bugchecks\/0x20\.yaml:\d+: parameters\.2\.decode: expected one of hex, pointer/)
      expect(output).not.toMatch(/Stack trace|    at /)
    } finally {
      project.write(path, good)
    }
  })

  test('the same article with every field right passes', () => {
    project.write('content/runbooks/zz-broken.md', article({}))
    const { status, output } = project.astro(['sync'])
    expect(output).not.toMatch(/does not match collection schema/)
    expect(status).toBe(0)
  })
})
