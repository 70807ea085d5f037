// Writes the fact lines of a reference file for every catalog code that has none yet (code,
// name, Microsoft's page, parameter count), from tests/fixtures/reference/ms-facts.json. The
// summary and the parameters are then written by hand.
//
//   node scripts/reference/skeleton.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { referenceFileName } from '../../packages/bugcheck/src/load.ts'
import type { FactsFile } from './coverage.ts'

const ROOT = join(import.meta.dirname, '../..')
const facts = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/reference/ms-facts.json'), 'utf8')) as FactsFile
let written = 0
for (const code of facts.codes) {
  const path = join(ROOT, 'content/bugchecks', referenceFileName(code.code))
  if (existsSync(path)) continue
  const lines = [`code: ${code.code}`, `name: ${code.name}`, `learnUrl: ${code.learnUrl}`]
  if (code.source) lines.push(`source: ${code.source}`)
  lines.push(`parameterCount: ${code.paramCount ?? 'unknown'}`)
  if (code.sameAs) lines.push(`sameAs: ${code.sameAs}`)
  if (code.paramCount === 0) lines.push('parameters: none')
  writeFileSync(path, `${lines.join('\n')}\n`)
  written += 1
}
console.log(`${written} files written`)
