// npm run import -- <write-up.md> [more.md …] [--out dir] [--title …] [--slug …] [--code 0x…] [--dry-run]:
// converts plain Markdown crash-analysis write-ups into runbooks. Never overwrites; exits 1 when a
// file could not be imported, 2 on a usage error.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, extname, join, resolve } from 'node:path'
import { checkRunbook, formatFinding, formatTotals, loadContext, totals } from './lib/check/index.ts'
import { readCode } from './lib/codes.ts'
import { importWriteup } from './lib/import/convert.ts'
import { existingRunbook } from './lib/new.ts'
import { display, ROOT, RUNBOOKS_DIR } from './lib/paths.ts'
import { isCleanSlug } from './lib/slug.ts'
import { readCommandLine } from './lib/cli.ts'

const USAGE = `Usage: npm run import -- <write-up.md> [more.md …] [--out dir] [--title "…"] [--slug name] [--code 0x…] [--dry-run]

Converts plain Markdown crash-analysis write-ups into runbooks: the bugcheck, its parameters, the
title and a summary are read from the write-up, untagged fences are tagged where their language is
clear, and every line of the write-up is kept. Prints what it inferred and what it could not.

  --out dir    where to write <slug>.md (default: content/runbooks); an existing file is never replaced
  --title      the page title (one write-up only; default: its first heading, or its file name)
  --slug       the file name without .md (one write-up only)
  --code       the bugcheck, where the transcripts do not say it (0x9f, a name, or none)
  --dry-run    print the runbook instead of writing it`

function main(): number {
  const parsed = readCommandLine(
    {
      out: { type: 'string' },
      title: { type: 'string' },
      slug: { type: 'string' },
      code: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
    USAGE,
    true,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  if (positionals.length === 0 || (positionals.length > 1 && (values.title !== undefined || values.slug !== undefined))) {
    console.error(`${positionals.length === 0 ? 'Name at least one write-up.' : '--title and --slug apply to one write-up at a time.'}\n\n${USAGE}`)
    return 2
  }
  if (values.slug !== undefined && !isCleanSlug(values.slug)) {
    console.error(`--slug ${values.slug}: use lower-case letters, digits and single hyphens`)
    return 2
  }
  let code: number | 'none' | undefined
  if (values.code !== undefined) {
    const choice = readCode(values.code)
    if ('error' in choice) {
      console.error(`--code: ${choice.error}`)
      return 2
    }
    code = 'entry' in choice ? choice.code : 'none'
  }
  const dir = resolve(values.out ?? RUNBOOKS_DIR)
  let failed = 0
  for (const input of positionals) {
    const source = resolve(input)
    if (!existsSync(source)) {
      console.error(`${input}: no such file`)
      failed += 1
      continue
    }
    const result = importWriteup(readFileSync(source, 'utf8'), {
      baseName: basename(source, extname(source)),
      title: values.title,
      slug: values.slug,
      code,
      today: new Date(),
    })
    const taken = existingRunbook(dir, result.slug)
    const target = join(dir, `${result.slug}.md`)
    console.log(`${display(source)} → ${display(target)}${values['dry-run'] ? ' (dry run)' : ''}`)
    console.log('  inferred (line numbers are the write-up’s):')
    for (const line of result.inferred) console.log(`    ${line}`)
    if (result.missing.length > 0) {
      console.log('  could not:')
      for (const line of result.missing) console.log(`    ${line}`)
    }
    if (taken) {
      console.error(`  not written: ${display(taken)} already exists (pass --slug to choose another name)`)
      failed += 1
      continue
    }
    if (values['dry-run']) {
      console.log(`\n${result.text}`)
      continue
    }
    mkdirSync(dir, { recursive: true })
    writeFileSync(target, result.text, { flag: 'wx' })
    // The check, run at once, says what a reviewer would: with lines of the new file.
    const findings = checkRunbook(target, result.text, loadContext(ROOT, dir, [target]))
    const counts = totals(findings)
    console.log(`  npm run check: ${formatTotals(1, counts).replace(/^1 file checked: /, '')}`)
    for (const finding of findings) console.log(`    ${formatFinding(finding, display(target)).replace(/\n/g, '\n    ')}`)
  }
  return failed > 0 ? 1 : 0
}

process.exitCode = main()
