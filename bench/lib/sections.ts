// Sections 2 to 4 of the benchmark and the profile. Each returns its Markdown; run.ts prints it
// and collects it into the results file.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Context } from './build-section.ts'
import { measureBuild } from './build.ts'
import { syntheticRunbooks } from './corpus.ts'
import { summariseProfiles } from './profile.ts'
import { extractRevision, prepareOurs, ROOT, TMP } from './projects.ts'
import { linkNodeModules } from '../../scripts/lib/project-copy.ts'
import { BEFORE_REVISION, renderBenchmark, type Throughput } from './render.ts'
import { machineLines, table, type Cell, type Machine } from './report.ts'
import { measureSearch } from './search.ts'
import { bytes, fixed, millis, ratio, seconds } from './stats.ts'
import { difference, measurePages, RUNBOOK_PATH, TRIAGE_PATH, WEIGHT_PAGES, type PageWeight } from './weight.ts'

/** Section 2: the plugin's throughput and HTML size, in this process, before and after. */
export async function renderSection({ runs, record }: Context, syntheticMB: number): Promise<string> {
  const { results, syntheticFiles, before } = await renderBenchmark(runs, syntheticMB)
  const inputOf = (result: Throughput) => (result.name.startsWith('real') ? 'real' : 'synthetic')
  const label = (result: Throughput) => (result.pipeline === 'before' ? `before (${before})` : result.pipeline)
  for (const result of results) record(`plugin MB/s, ${result.pipeline}, ${inputOf(result)}`, fixed(result.pluginMBps, 2))
  const ratios = results
    .filter((result) => result.pipeline !== 'before')
    .flatMap((result) => {
      const old = results.find((other) => other.pipeline === 'before' && other.name === result.name)
      return old ? [[result.pipeline, result.name, ratio(result.pluginMBps, old.pluginMBps), ratio(result.renderMBps, old.renderMBps), ratio(result.htmlPerByte, old.htmlPerByte)]] : []
    })
  for (const row of ratios) if (row[0] === 'site') record(`plugin speed-up, site, ${String(row[1]).startsWith('real') ? 'real' : 'synthetic'}`, String(row[2]))
  return [
    '## 2. Transcript rendering',
    '',
    'Each transcript a `windbg` fence of its own, with the site\'s plugin options. ' +
      '**site**: Sätteri as Astro runs it for this site, transcripts rendered by remark-windbg\'s document renderer and filled into the page ' +
      '(`src/integrations/satteri-plugins.ts`). **unified**: the published plugin, `unified().use(remarkParse).use(remarkWindbg).use(remarkRehype).use(rehypeStringify)`. ' +
      (before ? `**before**: the plugin as it was at \`${before}\` (the commit issue 13 measured), taken from git, in the same unified pipeline with the options the site gave it then. ` : '') +
      'The pipelines are timed in turn within each run (paired), the order rotating. ' +
      'Parse: `parseTranscript` alone. MB/s of transcript text (MiB), medians. ' +
      'Plain: the same pipeline without the plugin, the fence a plain code block (what parsing and serialising the Markdown cost anyway). ' +
      'Plugin: the plugin\'s own share, transcript bytes over the difference of the two times. ' +
      'HTML/byte: HTML bytes per transcript byte; gzip: gzip of the HTML over gzip of the transcript, each transcript compressed on its own.',
    '',
    table(
      ['pipeline', 'input', 'size', 'parse MB/s', 'render MB/s', 'plain MB/s', 'plugin MB/s', 'HTML/byte raw', 'HTML/byte gzip'],
      results.map((result) => [
        label(result),
        result.name,
        bytes(result.bytes),
        fixed(result.parseMBps, 1),
        fixed(result.renderMBps, 2),
        fixed(result.plainMBps, 2),
        fixed(result.pluginMBps, 2),
        fixed(result.htmlPerByte),
        fixed(result.gzipPerGzip),
      ]),
    ),
    '',
    ...(ratios.length > 0
      ? ['After over before, same run:', '', table(['pipeline', 'input', 'plugin MB/s', 'render MB/s', 'HTML/byte'], ratios), '']
      : []),
    ...(before ? [] : [`No before figures: git does not hold ${BEFORE_REVISION} here (a shallow clone?).`, '']),
    `Aim (issue 13): the plugin's own share at 6 MB/s or more, 20 MB/s beyond that. The synthetic transcript joins real transcripts of ${syntheticFiles.length} fixture files.`,
  ].join('\n')
}

const SITE = join(TMP, 'site')

export interface RealSite {
  dist: string
  /** The same site built with `WINDBG_TRANSCRIPTS=off`. */
  off?: string
  /** Whether the off build still has transcripts: the switch not honoured. */
  offIgnored: boolean
  /** The site as it was at {@link BEFORE_REVISION}, or why it could not be built. */
  before?: { dist: string } | { missing: string }
}

const BEFORE_SITE = join(TMP, 'site-before')

/**
 * The whole site as it was at {@link BEFORE_REVISION}, from git, on the project's packages (a
 * superset of what it used; its own remark-windbg, which the link resolves inside its folder):
 * the "before" of the page weights issue 9 asks for, built in the same run.
 */
async function buildBeforeSite(): Promise<{ dist: string } | { missing: string }> {
  if (!extractRevision(BEFORE_REVISION, BEFORE_SITE)) return { missing: `git does not hold ${BEFORE_REVISION} here (a shallow clone?)` }
  linkNodeModules(BEFORE_SITE)
  const built = await measureBuild(BEFORE_SITE)
  return { dist: built.outDir }
}

/** This project with its real content, built for sections 3 and 4 (and without the plugin for 3). */
export async function buildRealSite({ progress }: Context, withOff: boolean): Promise<RealSite> {
  prepareOurs(SITE, 'real')
  const on = await measureBuild(SITE)
  progress(`real site built: ${on.pages} pages in ${seconds(on.wall)}`)
  if (!withOff) return { dist: on.outDir, offIgnored: false }
  const off = await measureBuild(SITE, { env: { WINDBG_TRANSCRIPTS: 'off' }, outDir: 'dist-off' })
  progress(`real site built with WINDBG_TRANSCRIPTS=off in ${seconds(off.wall)}`)
  const offRunbook = readFileSync(join(off.outDir, RUNBOOK_PATH, 'index.html'), 'utf8')
  const before = await buildBeforeSite()
  progress('dist' in before ? `the site at ${BEFORE_REVISION} built from git` : `no site at ${BEFORE_REVISION}: ${before.missing}`)
  return { dist: on.outDir, off: off.outDir, offIgnored: offRunbook.includes('/_windbg/'), before }
}

function weightRow(label: string, weight: Pick<PageWeight, 'totals'>): Cell[] {
  const { totals } = weight
  return [
    label,
    bytes(totals.bytes.html),
    bytes(totals.gzip.html),
    bytes(totals.bytes.js),
    bytes(totals.gzip.js),
    bytes(totals.bytes.css),
    bytes(totals.gzip.css),
    bytes(totals.bytes.other),
    totals.requests,
  ]
}

/** Section 3: what Chromium fetches for five pages, what the transcripts add to the runbook, and what the reference adds to triage. */
export async function weightSection({ runs, record }: Context, site: RealSite): Promise<string> {
  const pages = await measurePages(site.dist, WEIGHT_PAGES, runs)
  const runbook = pages.find((page) => page.path === RUNBOOK_PATH) as PageWeight
  const [off] = site.off ? await measurePages(site.off, [{ label: 'runbook, plugin off', path: RUNBOOK_PATH }], runs) : []
  const rows = pages.map((page) => weightRow(`${page.label} \`${page.path}\``, page))
  if (off) {
    rows.push(weightRow('0x20 runbook, plugin off', off))
    rows.push(weightRow('**what transcripts add**', { totals: difference(runbook.totals, off.totals) }))
  }
  const triage = pages.find((page) => page.path === TRIAGE_PATH) as PageWeight
  const [triageBefore] = site.before && 'dist' in site.before ? await measurePages(site.before.dist, [{ label: 'triage before', path: TRIAGE_PATH }], runs) : []
  if (triageBefore) {
    rows.push(weightRow(`triage at ${BEFORE_REVISION} (before the reference)`, triageBefore))
    rows.push(weightRow('**what the reference adds to triage**', { totals: difference(triage.totals, triageBefore.totals) }))
  }
  const triageData = (weight: PageWeight) => weight.fetched.filter((item) => item.kind === 'other' && item.path.endsWith('.json'))
  const transfer = (weight: PageWeight) => {
    const sum = (figures: Record<string, number>) => Object.values(figures).reduce((total, value) => total + value, 0)
    return `${bytes(sum(weight.totals.gzip))} gzipped (${bytes(sum(weight.totals.bytes))} raw)`
  }
  record('triage page, gzipped', bytes(Object.values(triage.totals.gzip).reduce((total, value) => total + value, 0)))
  return [
    '## 3. Page weight',
    '',
    `Everything Chromium fetches to show each page from an empty cache (the favicon aside), from a build of this project with its real content. ` +
      'gzip: each response compressed at zlib\'s default level, as a host would send it. Requests include the HTML.',
    '',
    table(['page', 'HTML', 'HTML gz', 'JS', 'JS gz', 'CSS', 'CSS gz', 'other', 'requests'], rows),
    ...(site.offIgnored
      ? ['', '**Warning:** the build with `WINDBG_TRANSCRIPTS=off` still links `/_windbg/` assets: astro.config.mjs does not honour the switch yet, so "what transcripts add" is not measured.']
      : []),
    '',
    `Triage's whole transfer: ${transfer(triage)}${triageBefore ? `, against ${transfer(triageBefore)} at ${BEFORE_REVISION}` : ''}. ` +
      `Its data, fetched as the page loads whatever is pasted later: ${[...triageData(triage), ...(triageBefore ? triageData(triageBefore) : [])]
      .map((item) => `\`${item.path}\` ${bytes(item.bytes)} (${bytes(item.gzip)} gzipped)`)
      .join('; ')}${triageBefore ? `, the second at ${BEFORE_REVISION}` : ''}.` +
      (site.before && 'missing' in site.before ? ` No before figure: ${site.before.missing}.` : ''),
    '',
    '<details><summary>What the 0x20 runbook fetches</summary>',
    '',
    table(['path', 'kind', 'bytes', 'gzip'], runbook.fetched.map((item) => [`\`${item.path}\``, item.kind, item.bytes, item.gzip])),
    '',
    '</details>',
  ].join('\n')
}

/** Section 4: bytes and time of searches in Chromium, over the catalog's codes. */
export async function searchSection({ runs, record }: Context, dist: string, codeLimit: number): Promise<string> {
  const figures = await measureSearch(dist, runs, codeLimit)
  record('first search, gzipped', bytes(figures.firstSearchGzip))
  record('search, own page first', `${fixed(figures.top1 * 100, 1)}%`)
  return [
    '## 4. Search',
    '',
    `First search: \`/search/?q=<code>\` opened from an empty cache (a shared link), a different code each run; its bytes are the \`/pagefind/\` requests, ` +
      'its time runs from navigation start to the first result on the page. Second search: another code in the same page, through the Pagefind instance the page loaded, ' +
      `the way the site's search client queries it (normalised query, up to 20 results with their excerpts). Per code: the same for each of ${figures.codes} catalog codes in turn. Medians of ${runs} run(s).`,
    '',
    table(
      ['figure', 'value'],
      [
        ['first search: Pagefind bytes', bytes(figures.firstSearchBytes)],
        ['first search: Pagefind bytes gzipped', bytes(figures.firstSearchGzip)],
        ['first search: Pagefind requests', figures.firstRequests],
        ['first search: all bytes incl. the page', bytes(figures.firstPageBytes)],
        ['first search: all bytes incl. the page, gzipped', bytes(figures.firstPageGzip)],
        ['first search: navigation to first result', millis(figures.firstMs)],
        ['second search: bytes', bytes(figures.secondSearchBytes)],
        ['second search: bytes gzipped', bytes(figures.secondSearchGzip)],
        ['second search: requests', figures.secondRequests],
        ['second search: query to results', millis(figures.secondMs)],
        ['per code: query to results, median', millis(figures.perCodeMs)],
        ['per code: query to results, 90th percentile', millis(figures.perCodeP90Ms)],
        [`all ${figures.codes} codes: bytes`, bytes(figures.allCodesBytes)],
        ['per code: bytes, mean', bytes(figures.allCodesBytes / figures.codes)],
        ['per code: its own page first', `${fixed(figures.top1 * 100, 1)}%`],
      ],
    ),
    '',
    `Aim: a first search under 150 KB fetched. First search by file: ${Object.entries(figures.firstBreakdown)
      .sort((a, b) => b[1] - a[1])
      .map(([part, size]) => `${part} ${bytes(size)}`)
      .join(', ')}.`,
  ].join('\n')
}

/**
 * One build of ours under `node --cpu-prof`, summarised; the summary also goes to
 * bench/results/profile.md, the raw profiles stay in bench/tmp/profile/.
 */
export async function profileSection({ progress }: Context, profileSize: number, info: Machine): Promise<string> {
  const dir = join(TMP, `ours-${profileSize}`)
  prepareOurs(dir, syntheticRunbooks(profileSize))
  const profiles = join(TMP, 'profile')
  rmSync(profiles, { recursive: true, force: true })
  const result = await measureBuild(dir, { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profiles}`] })
  const summary = summariseProfiles(profiles)
  const share = (value: number) => `${fixed(value * 100, 1)}%`
  const block = [
    `## Profile: ours at N = ${profileSize}`,
    '',
    `One build under \`node --cpu-prof\` (${seconds(result.wall)} wall with the profiler on, ${summary.files} profile file(s), ${seconds(summary.totalMs / 1000)} sampled). ` +
      'Self time: time in the function itself, not in what it calls. Pagefind runs as its own binary and is not in the profile.',
    '',
    table(['area', 'self time', 'share'], summary.areas.map((area) => [area.name, seconds(area.ms / 1000), share(area.share)])),
    '',
    'With everything it calls (an area counts once per sample wherever it is on the stack, so shares add up to more than 100%):',
    '',
    table(['area', 'inclusive time', 'share'], summary.inclusiveAreas.map((area) => [area.name, seconds(area.ms / 1000), share(area.share)])),
    '',
    table(['function', 'self time', 'share'], summary.functions.map((fn) => [`\`${fn.name}\``, seconds(fn.ms / 1000), share(fn.share)])),
  ].join('\n')
  const file = join(ROOT, 'bench/results/profile.md')
  writeFileSync(file, `# Build profile\n\n${machineLines(info)}\n\n${block}\n`)
  progress(`profile summary written to ${relative(ROOT, file)}; raw profiles in ${relative(ROOT, profiles)}/ (open in Chrome DevTools)`)
  return block
}
