// Section 1 of the benchmark, build at scale: ours and Starlight alone on the same generated
// corpus, built cold `runs` times each, alternating which goes first.
import { join } from 'node:path'
import { hasGnuTime, measureBuild, type BuildResult } from './build.ts'
import { syntheticRunbooks } from './corpus.ts'
import { realTranscripts } from './fixtures.ts'
import { prepareBaseline, prepareOurs, TMP } from './projects.ts'
import { table, type Cell } from './report.ts'
import { bytes, fixed, median, millis, ratio, seconds } from './stats.ts'

/** What every section gets from the command line. */
export interface Context {
  runs: number
  /** A progress line on the console (not in the results). */
  progress(message: string): void
  /** A key figure for the history of runs kept in the results file. */
  record(figure: string, value: string): void
}

interface Corpus {
  size: number
  ours: string
  baseline: string
  unified: string
}

function prepareCorpora(sizes: readonly number[]): Corpus[] {
  return sizes.map((size) => {
    const runbooks = syntheticRunbooks(size)
    const corpus = { size, ours: join(TMP, `ours-${size}`), baseline: join(TMP, `baseline-${size}`), unified: join(TMP, `unified-${size}`) }
    prepareOurs(corpus.ours, runbooks)
    prepareBaseline(corpus.baseline, runbooks)
    prepareBaseline(corpus.unified, runbooks, 'unified')
    return corpus
  })
}

/** Ours; Starlight alone (Astro's default Markdown); Starlight alone on the remark pipeline. */
type Site = 'ours' | 'baseline' | 'unified'

interface BuildSummary {
  pages: number
  wall: number
  cpu: number
  pagesPerSecond: number
  maxRss: number
  pagefind: number
  indexBytes: number
  indexPerPage: number
  secondsPerPage: number
  sync: number
  bundle: number
  render: number
}

function summarise(samples: readonly BuildResult[]): BuildSummary {
  const pick = (read: (sample: BuildResult) => number) => median(samples.map(read))
  return {
    pages: pick((sample) => sample.pages),
    wall: pick((sample) => sample.wall),
    cpu: pick((sample) => sample.cpu),
    pagesPerSecond: pick((sample) => sample.pages / sample.wall),
    maxRss: pick((sample) => sample.maxRss),
    pagefind: pick((sample) => sample.pagefind),
    indexBytes: pick((sample) => sample.indexBytes),
    indexPerPage: pick((sample) => sample.indexBytes / sample.pages),
    secondsPerPage: pick((sample) => sample.wall / sample.pages),
    sync: pick((sample) => sample.phases.sync),
    bundle: pick((sample) => sample.phases.bundle),
    render: pick((sample) => sample.phases.render),
  }
}

function buildRow(size: number, site: string, summary: BuildSummary): Cell[] {
  return [
    size,
    site,
    summary.pages,
    seconds(summary.wall),
    seconds(summary.cpu),
    fixed(summary.pagesPerSecond, 1),
    bytes(summary.maxRss),
    seconds(summary.pagefind),
    bytes(summary.indexBytes),
    bytes(summary.indexPerPage),
  ]
}

function ratioRow(size: number, label: string, ours: BuildSummary, baseline: BuildSummary): Cell[] {
  const keys = ['pages', 'wall', 'cpu', 'pagesPerSecond', 'maxRss', 'pagefind', 'indexBytes', 'indexPerPage'] as const
  return [size, `**${label}**`, ...keys.map((key) => ratio(ours[key], baseline[key]))]
}

/**
 * Builds ours and the baseline `runs` times for each size, and returns the section's Markdown:
 * medians, ratios, growth with N, Astro's phases, and every build.
 */
export async function buildSection({ runs, progress, record }: Context, sizes: readonly number[]): Promise<string> {
  const corpora = prepareCorpora(sizes)
  const samples = new Map<string, BuildResult[]>()
  for (let run = 0; run < runs; run++) {
    for (const corpus of corpora) {
      // Alternating which site builds first spreads slow drift (a warming disk cache, another
      // job on the machine) evenly over both sides of the ratio.
      const order: Site[] = run % 2 === 0 ? ['ours', 'baseline', 'unified'] : ['unified', 'baseline', 'ours']
      for (const site of order) {
        const result = await measureBuild(corpus[site])
        const key = `${site}-${corpus.size}`
        samples.set(key, [...(samples.get(key) ?? []), result])
        progress(`run ${run + 1}/${runs} N=${corpus.size} ${site}: ${seconds(result.wall)} wall, ${result.pages} pages, ${bytes(result.maxRss)} peak`)
      }
    }
  }
  const summaries = new Map([...samples].map(([key, list]) => [key, summarise(list)]))
  const get = (site: Site, size: number) => summaries.get(`${site}-${size}`) as BuildSummary
  const rows = sizes.flatMap((size) => [
    buildRow(size, 'ours', get('ours', size)),
    buildRow(size, 'baseline', get('baseline', size)),
    buildRow(size, 'baseline, remark', get('unified', size)),
    ratioRow(size, 'ours/baseline', get('ours', size), get('baseline', size)),
    ratioRow(size, 'ours/baseline, remark', get('ours', size), get('unified', size)),
  ])
  const smallest = Math.min(...sizes)
  const largest = Math.max(...sizes)
  const growth = sizes.map((size) => [
    size,
    millis(get('ours', size).secondsPerPage * 1000),
    millis(get('baseline', size).secondsPerPage * 1000),
    ratio(get('ours', size).secondsPerPage, get('ours', smallest).secondsPerPage),
    ratio(get('baseline', size).secondsPerPage, get('baseline', smallest).secondsPerPage),
  ])
  const phaseRows = sizes.flatMap((size) =>
    (['ours', 'baseline', 'unified'] as const).map((site) => {
      const summary = get(site, size)
      return [size, site === 'unified' ? 'baseline, remark' : site, seconds(summary.sync), seconds(summary.bundle), seconds(summary.render), seconds(summary.pagefind), seconds(summary.wall)]
    }),
  )
  const linear = get('ours', largest).secondsPerPage / get('ours', smallest).secondsPerPage
  record(`build N=${largest}, ours`, seconds(get('ours', largest).wall))
  record(`build N=${largest}, ours/baseline`, ratio(get('ours', largest).wall, get('baseline', largest).wall))
  return [
    '## 1. Build at scale',
    '',
    `The whole catalog plus N synthetic runbooks (real transcripts from ${realTranscripts().length} fixture fences, reshuffled), built cold. ` +
      `Medians of ${runs} run(s). Baseline: Starlight alone with Astro's default Markdown engine (Sätteri); baseline, remark: the same ` +
      'on the remark pipeline (`unified()` from @astrojs/markdown-remark), which a remark plugin such as ours requires. ' +
      `Pages: what Astro reports as built (redirect pages not counted). ` +
      `CPU: user + system of the build and its children${hasGnuTime ? '' : ' (n/a: /usr/bin/time not found)'}; peak memory: largest resident set of one process.`,
    '',
    table(['N', 'site', 'pages', 'wall', 'CPU', 'pages/s', 'peak RSS', 'Pagefind', 'index', 'index/page'], rows),
    '',
    `Time per page as N grows (wall / pages), relative to N = ${smallest}:`,
    '',
    table(['N', 'ours per page', 'baseline per page', `ours vs N=${smallest}`, `baseline vs N=${smallest}`], growth),
    '',
    'Where the wall time goes, from the build log (medians): content sync (Markdown rendered, transcripts included), Vite bundling, generating the pages, Pagefind:',
    '',
    table(['N', 'site', 'sync', 'bundle', 'pages', 'Pagefind', 'wall'], phaseRows),
    '',
    `Ours at N = ${largest} vs N = ${smallest}: **${fixed(linear)}×** time per page (aim: within 1.3×). ` +
      `Ours/baseline wall at N = ${largest}: **${ratio(get('ours', largest).wall, get('baseline', largest).wall)}** (aim: within 1.25×); ` +
      `ours/baseline on the same remark pipeline: **${ratio(get('ours', largest).wall, get('unified', largest).wall)}**.`,
    '',
    '<details><summary>Every build</summary>',
    '',
    table(
      ['build', 'run', 'wall', 'CPU', 'peak RSS', 'Pagefind', 'pages', 'HTML files'],
      [...samples].flatMap(([key, list]) =>
        list.map((sample, index) => [key, index + 1, seconds(sample.wall), seconds(sample.cpu), bytes(sample.maxRss), seconds(sample.pagefind), sample.pages, sample.htmlPages]),
      ),
    ),
    '',
    '</details>',
  ].join('\n')
}

