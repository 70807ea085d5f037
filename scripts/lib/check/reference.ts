// The bugcheck reference (content/bugchecks/) as a reviewer checks it: each file against the
// schema, the whole against the facts of Microsoft's reference it was written from, and every
// description for wording copied from Microsoft.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkReferenceDir, formatProblem } from 'bugcheck-reference/load'
import type { ReferenceFile } from 'bugcheck-reference/schema'
import { copiedProse, coverageProblems, type FactsFile } from '../../reference/coverage.ts'
import { decodeFingerprints } from '../../reference/wording.ts'
import { display, ROOT } from '../paths.ts'

export const REFERENCE_DIR = join(ROOT, 'content', 'bugchecks')
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'reference')

export interface ReferenceCheck {
  /** Codes checked. */
  checked: number
  /** One line per problem: `file:line: field: problem`, or `file: coverage: …`. */
  problems: string[]
}

/** Checks the codes from `from` to `to` (all by default). */
export function checkReference(range: { from?: number; to?: number } = {}, dir: string = REFERENCE_DIR): ReferenceCheck {
  const from = range.from ?? 0
  const to = range.to ?? 0xffffffff
  const inRange = (code: string) => {
    const number = Number.parseInt(code.slice(2), 16)
    return number >= from && number <= to
  }
  const fileCode = (file: string) => `0x${file.replace(/^.*[\\/]/, '').replace(/\.yaml$/, '').slice(2)}`
  const { files, problems } = checkReferenceDir(dir, display)
  const lines = problems.filter((problem) => inRange(fileCode(problem.file))).map(formatProblem)
  const facts = JSON.parse(readFileSync(join(FIXTURES, 'ms-facts.json'), 'utf8')) as FactsFile
  const known = decodeFingerprints((JSON.parse(readFileSync(join(FIXTURES, 'ms-wording.json'), 'utf8')) as { hashes: string }).hashes)
  const byCode = new Map<string, { file: string; data: ReferenceFile }>()
  for (const parsed of files) if (parsed.data) byCode.set(parsed.data.code, { file: parsed.file, data: parsed.data })
  const invalid = new Set(files.filter((parsed) => !parsed.data).map((parsed) => fileCode(parsed.file)))
  let checked = 0
  for (const code of facts.codes) {
    if (!inRange(code.code)) continue
    checked += 1
    const short = `0x${Number.parseInt(code.code.slice(2), 16).toString(16)}`
    // A file that does not parse has said why already.
    if (invalid.has(short)) continue
    const entry = byCode.get(code.code)
    const file = entry?.file ?? display(join(dir, `${short}.yaml`))
    lines.push(...coverageProblems(code, entry?.data).map((problem) => `${file}: coverage: ${problem}`))
    if (entry) {
      for (const copied of copiedProse(entry.data, known)) {
        lines.push(`${file}: ${copied.field}: shares ${copied.run} words in a row with Microsoft's wording: write it in your own words`)
      }
    }
  }
  return { checked, problems: lines }
}
