// npm run new -- --code 0x9f --title "…" [--slug …] [--out dir]: scaffolds a runbook from the
// catalog. Asks for what is missing when run in a terminal. Exits 1 when it refuses, 2 on a usage error.
import { resolve } from 'node:path'
import { createInterface } from 'node:readline/promises'
import { describeCode, readCode } from './lib/codes.ts'
import { createRunbook, defaultSlug, existingRunbook, UsageError } from './lib/new.ts'
import { display, RUNBOOKS_DIR } from './lib/paths.ts'
import { isCleanSlug } from './lib/slug.ts'
import { readCommandLine } from './lib/cli.ts'

const USAGE = `Usage: npm run new -- --code 0x9f --title "USB hub blocking a power IRP" [--slug name] [--out dir]

Creates content/runbooks/<slug>.md with its frontmatter filled from the bugcheck catalog and the
sections to write. Run without flags in a terminal to be asked.

  --code   the bugcheck: 0x9f, 0x0000009F, DRIVER_POWER_STATE_FAILURE, or none
  --title  the page title: what is particular about this case
  --slug   the file name without .md (default: <code>-<title in lower-case-words>)
  --out    the folder to write into (default: content/runbooks)`

interface Answers {
  code: string
  title: string
  slug: string | undefined
}

type Given = { [K in keyof Answers]: string | undefined }

/** Asks for whatever the flags did not give, checking each answer before the next question. */
async function ask(given: Given, dir: string): Promise<Answers> {
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  try {
    let code = given.code
    while (code === undefined) {
      const answer = (await rl.question('Bugcheck code (e.g. 0x9f, a name, or none): ')).trim()
      const choice = readCode(answer)
      if ('error' in choice) console.log(`  ${choice.error}`)
      else {
        code = answer
        console.log(`  ${'entry' in choice ? describeCode(choice.code) : 'an article about no single bugcheck'}`)
      }
    }
    let title = given.title
    while (!title) title = (await rl.question('Title (what is particular about this case): ')).trim() || undefined
    let slug = given.slug
    if (slug === undefined) {
      const choice = readCode(code)
      const proposed = defaultSlug('entry' in choice ? choice.code : undefined, title)
      while (slug === undefined) {
        const answer = (await rl.question(`File name [${proposed}]: `)).trim() || proposed
        if (!isCleanSlug(answer)) console.log('  lower-case letters, digits and single hyphens only')
        else if (existingRunbook(dir, answer)) console.log(`  ${answer} is taken`)
        else slug = answer
      }
    }
    return { code, title, slug }
  } finally {
    rl.close()
  }
}

async function main(): Promise<number> {
  const parsed = readCommandLine({ code: { type: 'string' }, title: { type: 'string' }, slug: { type: 'string' }, out: { type: 'string' } }, USAGE)
  if (typeof parsed === 'number') return parsed
  const { values } = parsed
  const dir = resolve(values.out ?? RUNBOOKS_DIR)
  let answers: Answers
  if (values.code !== undefined && values.title !== undefined) {
    answers = { code: values.code, title: values.title, slug: values.slug }
  } else if (process.stdin.isTTY && process.stdout.isTTY) {
    try {
      answers = await ask({ code: values.code, title: values.title, slug: values.slug }, dir)
    } catch {
      // Ctrl-C or Ctrl-D at a prompt.
      console.error('\nCancelled: nothing was created.')
      return 1
    }
  } else {
    console.error(`--code and --title are required when not run in a terminal.\n\n${USAGE}`)
    return 2
  }
  try {
    const { path, slug } = createRunbook({ ...answers, dir, today: new Date() })
    console.log(`Created ${display(path)}`)
    console.log(`Next:
  1. write the sections (npm run check -- ${display(path)} lists what is left);
  2. preview it: npm run dev, then http://localhost:4321/runbooks/${slug}/
  3. open a pull request (see CONTRIBUTING.md).`)
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`Not created: ${error.message}`)
      return 1
    }
    throw error
  }
}

process.exitCode = await main()
