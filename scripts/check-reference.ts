// npm run check:reference [-- --from 0x1 --to 0x3f]: the bugcheck reference (content/bugchecks/)
// checked as a reviewer would. Exits 1 when there is a problem, 2 on a usage error.
import { readCommandLine } from './lib/cli.ts'
import { checkReference } from './lib/check/reference.ts'
import { COPIED_RUN } from './reference/coverage.ts'

const USAGE = `Usage: npm run check:reference [-- [--from CODE] [--to CODE] [--quiet]]

Checks the bugcheck reference in content/bugchecks/: every file against the schema, the whole
against the facts of Microsoft's reference (tests/fixtures/reference/ms-facts.json), and every
description for wording copied from it (${COPIED_RUN} or more words in a row).

  --from CODE, --to CODE   only codes in this range (e.g. --from 0x1 --to 0x3f)
  --quiet                  print problems only, not the totals`

function hexOption(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined
  const number = Number.parseInt(value.replace(/^0x/i, ''), 16)
  return /^(?:0x)?[0-9a-f]{1,8}$/i.test(value) ? number : null
}

function main(): number {
  const parsed = readCommandLine({ from: { type: 'string' }, to: { type: 'string' }, quiet: { type: 'boolean' } }, USAGE)
  if (typeof parsed === 'number') return parsed
  const from = hexOption(parsed.values.from)
  const to = hexOption(parsed.values.to)
  if (from === null || to === null) {
    console.error(`--from and --to take hex codes such as 0x1e\n\n${USAGE}`)
    return 2
  }
  const { checked, problems } = checkReference({ ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) })
  for (const line of problems) console.log(line)
  if (!parsed.values.quiet || problems.length > 0) console.log(`${checked} codes checked: ${problems.length} problem${problems.length === 1 ? '' : 's'}`)
  return problems.length > 0 ? 1 : 0
}

process.exitCode = main()
