// npm run check [-- files…] [--content dir]: everything a reviewer would otherwise catch in the
// runbooks. Exits 1 when there is an error, 2 on a usage error.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { checkRunbook, formatFinding, formatTotals, loadContext, runbookFiles, totals, type Finding } from './lib/check/index.ts'
import { readCommandLine } from './lib/cli.ts'
import { checkReference } from './lib/check/reference.ts'
import { display, ROOT, RUNBOOKS_DIR } from './lib/paths.ts'

const USAGE = `Usage: npm run check [-- [files…] [--content dir] [--quiet]]

Checks runbooks (all of content/runbooks/, or the files given) and prints each finding as
file:line, what is wrong and how to fix it. Without files it also checks the bugcheck reference
(content/bugchecks/, as npm run check:reference does). Exits non-zero when there is an error.

  --content dir   the runbooks folder (default: content/runbooks)
  --quiet         print errors and warnings only, not notes`

function main(): number {
  const parsed = readCommandLine({ content: { type: 'string' }, quiet: { type: 'boolean' } }, USAGE, true)
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const dir = resolve(values.content ?? RUNBOOKS_DIR)
  const files = positionals.length > 0 ? positionals.map((file) => resolve(file)) : runbookFiles(dir)
  if (files.length === 0) {
    console.error(`No runbooks found in ${display(dir)}.`)
    return 2
  }
  let context
  try {
    context = loadContext(ROOT, dir, files)
  } catch (error) {
    console.error(`Could not read the runbooks: ${(error as Error).message}`)
    return 2
  }
  const all: Finding[] = []
  for (const file of files) {
    const findings = checkRunbook(file, readFileSync(file, 'utf8'), context)
    all.push(...findings)
    for (const finding of findings) {
      if (values.quiet && finding.severity === 'info') continue
      console.log(formatFinding(finding, display(file)))
    }
  }
  const counts = totals(all)
  console.log(formatTotals(files.length, counts))
  if (positionals.length > 0 || values.content !== undefined) return counts.error > 0 ? 1 : 0
  // The reference is content too: a broken file would stop the build.
  const reference = checkReference()
  for (const line of reference.problems) console.log(line)
  if (!values.quiet || reference.problems.length > 0) console.log(`${reference.checked} bugcheck reference files checked: ${reference.problems.length} problem${reference.problems.length === 1 ? '' : 's'}`)
  return counts.error > 0 || reference.problems.length > 0 ? 1 : 0
}

process.exitCode = main()
