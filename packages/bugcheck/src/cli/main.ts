// The `bugcheck` command: triage of debugger output from files or standard input, fleet counts
// over many crash logs, and the reference of one code. Node built-ins only.
import { readFile, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { codes, reference } from '../data.ts'
import { indexReference } from '../reference.ts'
import { ansiStyles, formatRecord, isError, plainStyles, triageText, type ReportContext, type Styles } from './report.ts'
import { showCode } from './show.ts'
import { FleetCounter, formatSummary } from './summary.ts'

const USAGE = `Usage:
  bugcheck triage [options] [FILE|DIR ...]   read debugger output and say what the bugcheck means
  bugcheck show CODE [P1 [P2 [P3 [P4]]]]     a code's reference, its values decoded
  bugcheck --help | --version

triage reads each FILE (every file under a DIR), or standard input when none is given: whole
!analyze -v output, .bugcheck, !di, the dump banner, BUGCHECK_CODE/BUGCHECK_Pn fields or the blue
screen text. For each it prints the code and name, each parameter's value, name and decoded
meaning, the case the values select, the module, image, bucket, process and top symbol, and
the code's page and runbooks on the site.

Options:
  --json          print JSON: {"results": [...]}, or the summary's counts with --summary
  --summary       fleet triage: counts by code, by module and by bucket, most frequent first
  --site URL      the site for page and runbook links (default: $SITE_URL, else ${reference.site ?? 'none'})
  --no-color      plain text even on a terminal (so does NO_COLOR=1)
  -h, --help      this help
  -v, --version   the version and the reference it carries

Exit status: 0 when every input held a bugcheck, 1 when any could not be read or held none,
2 on a usage error. A file that fails is reported on its own line; the others still run.

Examples:
  bugcheck triage analyze.txt
  bugcheck triage --json C:\\dumps\\*.log > triage.json
  bugcheck triage --summary crash-logs/
  bugcheck show 0x9f 3 ffffe000f38c06a0 fffff803c596cad0 ffffe000f46a1010`

// Files past this size are no debugger output a person saved.
const MAX_BYTES = 64 * 1024 * 1024
// Files read at once by --summary.
const CONCURRENCY = 32

interface Output {
  out(text: string): void
  err(text: string): void
  styles: Styles
  /** Whether standard error is a terminal, for the progress line. */
  progress: boolean
}

function siteOf(option: string | undefined): string {
  return (option ?? process.env['SITE_URL'] ?? reference.site ?? '').replace(/\/+$/, '')
}

/** Every file named: files as given, directories walked (sorted, so output is stable). */
async function* inputFiles(paths: readonly string[]): AsyncGenerator<{ file: string; error?: string }> {
  for (const path of paths) {
    let info
    try {
      info = await stat(path)
    } catch (error) {
      yield { file: path, error: describeError(error) }
      continue
    }
    if (!info.isDirectory()) {
      yield { file: path }
      continue
    }
    const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      yield* inputFiles([join(path, entry.name)])
    }
  }
}

function describeError(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read it: permission denied'
  if (code === 'EISDIR') return 'is a directory'
  return `cannot read it: ${(error as Error).message}`
}

interface Read {
  text?: string
  error?: string
}

async function readInput(file: string): Promise<Read> {
  try {
    const info = await stat(file)
    if (info.size > MAX_BYTES) return { error: `over ${MAX_BYTES / 1024 / 1024} MB: not debugger output` }
    return { text: await readFile(file, 'utf8') }
  } catch (error) {
    return { error: describeError(error) }
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

async function triageCommand(paths: string[], options: { json: boolean; summary: boolean; site: string }, output: Output): Promise<number> {
  const context: ReportContext = { index: indexReference(codes), site: options.site }
  const counter = new FleetCounter()
  let failures = 0
  let printed = 0
  const emit = (file: string, text: string | undefined, error: string | undefined) => {
    const records = error !== undefined || text === undefined ? [{ file, error: error ?? 'unreadable' }] : triageText(file, text, context)
    if (records.every(isError)) failures += 1
    if (options.summary) {
      counter.add(records)
      return
    }
    for (const entry of records) {
      if (options.json) output.out(`${printed === 0 ? '' : ',\n'}${JSON.stringify(entry)}`)
      else if (isError(entry)) output.err(formatRecord(entry, output.styles))
      else output.out(`${printed === 0 ? '' : '\n'}${formatRecord(entry, output.styles)}\n`)
      printed += 1
    }
  }
  if (options.json && !options.summary) output.out('{"results":[\n')
  if (paths.length === 0) {
    emit('-', await readStdin(), undefined)
  } else if (!options.summary) {
    for await (const input of inputFiles(paths)) {
      const read: Read = input.error === undefined ? await readInput(input.file) : { error: input.error }
      emit(input.file, read.text, read.error)
    }
  } else {
    // Many files: read several at once, add each as it arrives, show progress on a terminal.
    let done = 0
    const pending = new Set<Promise<void>>()
    for await (const input of inputFiles(paths)) {
      const read: Promise<Read> = input.error === undefined ? readInput(input.file) : Promise.resolve({ error: input.error })
      const task = read.then((read) => {
        emit(input.file, read.text, read.error)
        done += 1
        if (output.progress && done % 100 === 0) output.err(`\r${done} files…`)
      })
      pending.add(task)
      void task.finally(() => pending.delete(task))
      if (pending.size >= CONCURRENCY) await Promise.race(pending)
    }
    await Promise.all(pending)
    if (output.progress) output.err('\r\u001b[K')
  }
  if (options.summary) {
    const summary = counter.summary()
    output.out(options.json ? `${JSON.stringify(summary, null, 1)}\n` : `${formatSummary(summary, output.styles)}\n`)
  } else if (options.json) {
    output.out('\n]}\n')
  }
  return failures > 0 ? 1 : 0
}

export async function main(argv: readonly string[], output: Output): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        summary: { type: 'boolean' },
        site: { type: 'string' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    })
  } catch (error) {
    output.err(`bugcheck: ${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help || positionals[0] === 'help') {
    output.out(`${USAGE}\n`)
    return 0
  }
  if (values.version) {
    output.out(`bugcheck ${VERSION}: ${codes.length} bugcheck codes\n`)
    return 0
  }
  const [command, ...rest] = positionals
  const site = siteOf(values.site)
  if (command === 'triage') return triageCommand(rest, { json: values.json ?? false, summary: values.summary ?? false, site }, output)
  if (command === 'show') return showCode(rest, { json: values.json ?? false, site, index: indexReference(codes) }, output)
  output.err(`bugcheck: ${command === undefined ? 'no command given' : `unknown command \`${command}\``}: use triage or show\n\n${USAGE}`)
  return 2
}

const VERSION = '0.1.0'

/** Runs as the `bugcheck` command; importing the module runs nothing. */
export async function run(): Promise<void> {
  const color = process.stdout.isTTY && !process.env['NO_COLOR'] && !process.argv.includes('--no-color')
  const output: Output = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text.endsWith('\n') || text.startsWith('\r') ? text : `${text}\n`),
    styles: color ? ansiStyles : plainStyles,
    progress: Boolean(process.stderr.isTTY),
  }
  process.exitCode = await main(process.argv.slice(2), output)
}
