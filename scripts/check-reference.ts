// npm run check:reference [-- --from 0x1 --to 0x3f]: the bugcheck reference (content/bugchecks/)
// checked as a reviewer would: the schema (file:line: field: problem), coverage of Microsoft's
// facts, and wording copied from Microsoft. Exits 1 when there is a problem, 2 on a usage error.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkReferenceDir, formatProblem } from '../packages/bugcheck/src/load.ts'
import type { ReferenceFile } from '../packages/bugcheck/src/schema.ts'
import { copiedProse, coverageProblems, COPIED_RUN, type FactsFile } from './reference/coverage.ts'
import { decodeFingerprints } from './reference/wording.ts'
import { readCommandLine } from './lib/cli.ts'
import { display, ROOT } from './lib/paths.ts'

const USAGE = `Usage: npm run check:reference [-- [--from CODE] [--to CODE] [--quiet]]

Checks the bugcheck reference in content/bugchecks/: every file against the schema, the whole
against the facts of Microsoft's reference (tests/fixtures/reference/ms-facts.json), and every
description for wording copied from it (${COPIED_RUN} or more words in a row).

  --from CODE, --to CODE   only codes in this range (e.g. --from 0x1 --to 0x3f)
  --quiet                  print problems only, not the totals`

export const REFERENCE_DIR = join(ROOT, 'content', 'bugchecks')
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'reference')

function main(): number {
  const parsed = readCommandLine({ from: { type: 'string' }, to: { type: 'string' }, quiet: { type: 'boolean' } }, USAGE)
  if (typeof parsed === 'number') return parsed
  const from = parsed.values.from === undefined ? 0 : Number.parseInt(parsed.values.from.replace(/^0x/i, ''), 16)
  const to = parsed.values.to === undefined ? 0xffffffff : Number.parseInt(parsed.values.to.replace(/^0x/i, ''), 16)
  if (Number.isNaN(from) || Number.isNaN(to)) {
    console.error(`--from and --to take hex codes such as 0x1e\n\n${USAGE}`)
    return 2
  }
  const inRange = (code: string) => {
    const number = Number.parseInt(code.slice(2), 16)
    return number >= from && number <= to
  }
  const { files, problems } = checkReferenceDir(REFERENCE_DIR, display)
  const lines = problems.filter((problem) => inRange(`0x${problem.file.replace(/^.*\//, '').replace(/\.yaml$/, '').slice(2)}`)).map(formatProblem)
  const facts = JSON.parse(readFileSync(join(FIXTURES, 'ms-facts.json'), 'utf8')) as FactsFile
  const known = decodeFingerprints((JSON.parse(readFileSync(join(FIXTURES, 'ms-wording.json'), 'utf8')) as { hashes: string }).hashes)
  const byCode = new Map<string, { file: string; data: ReferenceFile }>()
  for (const parsed of files) if (parsed.data) byCode.set(parsed.data.code, { file: parsed.file, data: parsed.data })
  const invalid = new Set(files.filter((parsed) => !parsed.data).map((parsed) => parsed.file))
  let checked = 0
  for (const code of facts.codes) {
    if (!inRange(code.code)) continue
    checked += 1
    const entry = byCode.get(code.code)
    const name = `content/bugchecks/0x${Number.parseInt(code.code.slice(2), 16).toString(16)}.yaml`
    if (!entry && [...invalid].some((file) => file.endsWith(name.replace('content/bugchecks/', '')))) continue
    lines.push(...coverageProblems(code, entry?.data).map((problem) => `${entry?.file ?? name}: coverage: ${problem}`))
    if (entry) {
      for (const copied of copiedProse(entry.data, known)) {
        lines.push(`${entry.file}: ${copied.field}: shares ${copied.run} words in a row with Microsoft's wording: write it in your own words`)
      }
    }
  }
  for (const line of lines) console.log(line)
  if (!parsed.values.quiet) console.log(`${checked} codes checked: ${lines.length} problem${lines.length === 1 ? '' : 's'}`)
  return lines.length > 0 ? 1 : 0
}

process.exitCode = main()
