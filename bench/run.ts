/**
 * `npm run bench`: builds at scale against Starlight alone, transcript rendering throughput, page
 * weight and search, each figure a median over `--runs` runs, each comparison a ratio measured in
 * the same run. Prints tables as it goes and writes them to bench/results/latest.md (a run with
 * the default settings) or bench/tmp/partial.md (any other).
 *
 *   npm run bench                                        # everything, 3 runs
 *   npm run bench -- --runs 1 --sizes 100 --codes 20     # a quick check that it all works
 *   npm run bench -- --only profile                      # one profiled build of ours (N = 400)
 *
 * See bench/README.md for what each figure means.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { buildSection, type Context } from './lib/build-section.ts'
import { cliSection } from './lib/cli.ts'
import { ROOT, TMP } from './lib/projects.ts'
import { machine, machineLines } from './lib/report.ts'
import { appendHistory, HISTORY_LENGTH, historyTable, readHistory } from './lib/history.ts'
import { buildRealSite, profileSection, renderSection, searchSection, weightSection, type RealSite } from './lib/sections.ts'
import { WEIGHT_PAGES } from './lib/weight.ts'

const SECTIONS = ['build', 'render', 'weight', 'search', 'cli', 'profile'] as const
type Section = (typeof SECTIONS)[number]

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    sizes: { type: 'string', default: '100,400,1600' },
    only: { type: 'string', default: 'build,render,weight,search,cli' },
    files: { type: 'string', default: '10000' },
    'synthetic-mb': { type: 'string', default: '5' },
    codes: { type: 'string' },
    'profile-size': { type: 'string', default: '400' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
})

if (flags.help) {
  console.log(`npm run bench -- [flags]
  --runs N            runs per figure, each figure the median (default 3)
  --sizes A,B,C       synthetic runbook counts for the build benchmark (default 100,400,1600)
  --only LIST         sections: ${SECTIONS.join(', ')} (default build,render,weight,search,cli)
  --files N           crash logs for the fleet triage benchmark (default 10000)
  --synthetic-mb N    size of the large synthetic transcript (default 5)
  --codes N           search over the first N catalog codes only (default all)
  --profile-size N    runbooks in the profiled build (default 400)
  --out FILE          results file (default bench/results/latest.md for a run with every
                      default setting, bench/tmp/partial.md otherwise)
  --keep              keep the generated projects in bench/tmp/`)
  process.exit(0)
}

function count(name: string, value: string | undefined, minimum: number): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < minimum) {
    console.error(`--${name} expects a whole number of at least ${minimum}, got ${String(value)}`)
    process.exit(2)
  }
  return number
}

const runs = count('runs', flags.runs, 1)
const sizes = (flags.sizes ?? '').split(',').map((size) => count('sizes', size.trim(), 1))
const only = new Set((flags.only ?? '').split(',').map((name) => name.trim()))
for (const name of only) {
  if (!(SECTIONS as readonly string[]).includes(name)) {
    console.error(`--only: unknown section "${name}"; known: ${SECTIONS.join(', ')}`)
    process.exit(2)
  }
}
const wants = (section: Section) => only.has(section)
const syntheticMB = count('synthetic-mb', flags['synthetic-mb'], 1)
const codeLimit = flags.codes === undefined ? Infinity : count('codes', flags.codes, 1)
const profileSize = count('profile-size', flags['profile-size'], 1)
const fleetFiles = count('files', flags.files, 1)
// Only a run with every default setting replaces the results of record; a quick check or a
// single section goes to bench/tmp/ unless --out says otherwise.
const defaults = runs === 3 && sizes.join(',') === '100,400,1600' && [...only].sort().join(',') === 'build,cli,render,search,weight' && syntheticMB === 5 && flags.codes === undefined && fleetFiles === 10000
const out = join(ROOT, flags.out ?? (defaults ? 'bench/results/latest.md' : 'bench/tmp/partial.md'))

const started = performance.now()
const info = machine(ROOT)
const report: string[] = []

function elapsed(): string {
  return `${((performance.now() - started) / 60_000).toFixed(1)} min`
}

function progress(message: string): void {
  console.log(`  [${elapsed()}] ${message}`)
}

/** Adds a block to the report and prints it. */
function emit(block: string): void {
  report.push(block)
  console.log(`\n${block}`)
}

/** Key figures of this run, for the history (bench/lib/history.ts). */
const figures: Record<string, string> = {}
const context: Context = {
  runs,
  progress,
  record(figure, value) {
    figures[figure] = value
  },
}

function failed(title: string, error: unknown): void {
  process.exitCode = 1
  const message = error instanceof Error ? error.message : String(error)
  emit([`## ${title}`, '', '**Failed:**', '', '```text', message, '```'].join('\n'))
}

/**
 * Runs a section and emits its Markdown; a failure is reported in place of its figures and the
 * other sections still run.
 */
async function section(title: string, announce: string, body: () => Promise<string>): Promise<void> {
  console.log(`\n${title}: ${announce}`)
  try {
    emit(await body())
  } catch (error) {
    failed(title, error)
  }
}

console.log(`bench: ${[...only].join(', ')}; ${runs} run(s); ${info.cores} cores, ${info.memory}, Node ${info.node}`)
mkdirSync(TMP, { recursive: true })
try {
  if (wants('build')) {
    await section('1. Build at scale', `N = ${sizes.join(', ')}, ${runs} run(s) each of ours and the baseline`, () => buildSection(context, sizes))
  }
  if (wants('render')) {
    await section('2. Transcript rendering', `${runs} run(s), ${syntheticMB} MB synthetic transcript`, () => renderSection(context, syntheticMB))
  }
  if (wants('weight') || wants('search')) {
    let site: RealSite | undefined
    try {
      site = await buildRealSite(context, wants('weight'))
    } catch (error) {
      if (wants('weight')) failed('3. Page weight', error)
      if (wants('search')) failed('4. Search', error)
    }
    if (site && wants('weight')) {
      const built = site
      await section('3. Page weight', `${WEIGHT_PAGES.length} pages in Chromium, ${runs} load(s) each`, () => weightSection(context, built))
    }
    if (site && wants('search')) {
      const { dist } = site
      await section('4. Search', `${runs} run(s) in Chromium`, () => searchSection(context, dist, codeLimit))
    }
  }
  if (wants('cli')) {
    await section('5. Fleet triage', `${fleetFiles} crash logs, ${runs} run(s)`, () => cliSection(context, fleetFiles))
  }
  if (wants('profile')) {
    await section('Profile', `one build of ours at N = ${profileSize} under node --cpu-prof`, () => profileSection(context, profileSize, info))
  }
} finally {
  if (!flags.keep) {
    for (const name of ['site', ...sizes.flatMap((size) => [`ours-${size}`, `baseline-${size}`]), `ours-${profileSize}`]) {
      rmSync(join(TMP, name), { recursive: true, force: true })
    }
  }
}

const settings = `runs: ${runs}; sizes: ${sizes.join(', ')}; sections: ${[...only].join(', ')}; synthetic transcript: ${syntheticMB} MB${
  Number.isFinite(codeLimit) ? `; search codes: first ${codeLimit}` : ''
}`
// Only runs of record join the history; a partial run shows it as it stood.
const historyFile = join(ROOT, 'bench/results/history.json')
const history = defaults && !process.exitCode ? appendHistory(historyFile, info, figures) : readHistory(historyFile)
const document = [
  '# Benchmark results',
  '',
  'Written by `npm run bench` (bench/run.ts); see [bench/README.md](../README.md) for what each figure means.',
  '',
  machineLines(info, [`Settings: ${settings}`, `Total time: ${elapsed()}`]),
  '',
  ...report.flatMap((block) => [block, '']),
  '## History',
  '',
  `Key figures of the last ${HISTORY_LENGTH} full runs (\`npm run bench\` with its defaults), oldest first, from bench/results/history.json${defaults ? ', this run last' : ''}. ` +
    'Compare runs on the same machine only.',
  '',
  history.length > 0 ? historyTable(history) : 'No full run recorded yet.',
  '',
].join('\n')
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, document)
console.log(`\nDone in ${elapsed()}${process.exitCode ? ', with failures (see above)' : ''}. Results written to ${relative(ROOT, out)}.`)
