// Transcript rendering throughput, in this process: the parser alone (`parseTranscript`), and
// Markdown → HTML with the plugin on two pipelines: the site's (Sätteri, transcripts rendered by
// remark-windbg's document renderer) and the published plugin's (unified: remark, rehype). On the
// real fixtures and on one large synthetic transcript, plus the HTML bytes each transcript byte
// becomes.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { markdownToHtml } from 'satteri'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import remarkWindbg, { parseTranscript } from '../../plugins/remark-windbg/index.ts'
import { createTranscriptEngine, type TranscriptEngine } from '../../src/integrations/satteri-plugins.ts'
import { codePath, findByNumber, reference } from '../../src/lib/catalog.ts'
import { realTranscripts, syntheticTranscript } from './fixtures.ts'
import { extractRevision, TMP } from './projects.ts'
import { median } from './stats.ts'

export interface Throughput {
  name: string
  /**
   * `site`: Sätteri with the site's transcript engine; `unified`: the remark plugin; `before`:
   * the remark plugin as it was before this round (see {@link BEFORE_REVISION}).
   */
  pipeline: 'site' | 'unified' | 'before'
  /** Transcript text measured, in bytes (UTF-8). */
  bytes: number
  transcripts: number
  parseMBps: number
  renderMBps: number
  /** The same pipeline without the plugin (the fence a plain code block): what Markdown costs anyway. */
  plainMBps: number
  /** The plugin's own share: transcript bytes over (render time - plain time). */
  pluginMBps: number
  /** HTML bytes per transcript byte. */
  htmlPerByte: number
  /** gzip(HTML) / gzip(transcript), each transcript compressed on its own. */
  gzipPerGzip: number
  runs: number
}

/** The site's plugin options (astro.config.mjs), minus the asset URLs Astro's build gives. */
const options = {
  reference,
  bugcheckHref: (code: number) => (findByNumber(code) ? codePath(code) : undefined),
  className: ['not-content'],
}

/** Markdown → HTML, one document. */
type Pipeline = (markdown: string) => Promise<string>

function unifiedPipeline(withPlugin: boolean): Pipeline {
  const processor = withPlugin
    ? unified().use(remarkParse).use(remarkWindbg, options).use(remarkRehype).use(rehypeStringify).freeze()
    : unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).freeze()
  return async (markdown) => String(await processor.process(markdown))
}

/** Sätteri as Astro calls it for the site, with the transcript engine or without (a plain code block). */
function sitePipeline(engine: TranscriptEngine | undefined): Pipeline {
  const data = () => ({ astro: { frontmatter: {}, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() } })
  if (!engine) return async (markdown) => (await markdownToHtml(markdown, { data: data() })).html
  return async (markdown) => engine.fill((await markdownToHtml(markdown, { mdastPlugins: [engine.plugin], data: data() })).html)
}

function fenced(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}windbg\n${text}\n${fence}\n`
}

const MB = 1024 * 1024

/** A pipeline under test: with the plugin, and the same without it. */
interface Contender {
  kind: Throughput['pipeline']
  pipeline: Pipeline
  plain: Pipeline
}

/** Seconds of one pass of `work` over the documents, repeated until it lasts `minimum` seconds. */
async function timeOnce(work: () => Promise<void>, repeat: number): Promise<number> {
  const start = performance.now()
  for (let pass = 0; pass < repeat; pass++) await work()
  return (performance.now() - start) / 1000 / repeat
}

/**
 * Every contender on one input, paired: each run times every contender (and its plain pipeline)
 * in turn, the order rotating from run to run, so that a slower minute of the machine falls on
 * all of them alike. Small inputs are repeated within a run until a pass lasts at least 0.3 s.
 */
async function measurePaired(name: string, texts: readonly string[], runs: number, contenders: readonly Contender[]): Promise<Throughput[]> {
  const documents = texts.map(fenced)
  const size = texts.reduce((total, text) => total + Buffer.byteLength(text), 0)
  const gzipText = texts.reduce((total, text) => total + gzipSync(text).length, 0)
  const passes = async (pipeline: Pipeline) => {
    for (const document of documents) await pipeline(document)
  }
  const timings = await Promise.all(
    contenders.map(async (contender) => {
      // A first pass gives the HTML and calibrates the repeats.
      const html: string[] = []
      const first = performance.now()
      for (const document of documents) html.push(await contender.pipeline(document))
      const once = (performance.now() - first) / 1000
      const plainStart = performance.now()
      await passes(contender.plain)
      const plainOnce = (performance.now() - plainStart) / 1000
      return {
        contender,
        html,
        repeat: Math.max(1, Math.ceil(0.3 / Math.max(once, 1e-6))),
        plainRepeat: Math.max(1, Math.ceil(0.3 / Math.max(plainOnce, 1e-6))),
        render: [] as number[],
        plain: [] as number[],
      }
    }),
  )
  const parse: number[] = []
  const parseRepeat = Math.max(1, Math.ceil(0.3 / Math.max(await timeOnce(async () => void texts.map(parseTranscript), 1), 1e-6)))
  for (let run = 0; run < runs; run++) {
    for (let turn = 0; turn < timings.length; turn++) {
      const timing = timings[(run + turn) % timings.length] as (typeof timings)[number]
      timing.render.push(await timeOnce(() => passes(timing.contender.pipeline), timing.repeat))
      timing.plain.push(await timeOnce(() => passes(timing.contender.plain), timing.plainRepeat))
    }
    parse.push(await timeOnce(async () => void texts.map(parseTranscript), parseRepeat))
  }
  return timings.map(({ contender, html, render, plain }) => {
    const renderSeconds = median(render)
    const plainSeconds = median(plain)
    const htmlBytes = html.reduce((total, page) => total + Buffer.byteLength(page), 0)
    const gzipHtml = html.reduce((total, page) => total + gzipSync(page).length, 0)
    return {
      name,
      pipeline: contender.kind,
      bytes: size,
      transcripts: texts.length,
      parseMBps: size / MB / median(parse),
      renderMBps: size / MB / renderSeconds,
      plainMBps: size / MB / plainSeconds,
      pluginMBps: size / MB / Math.max(renderSeconds - plainSeconds, 1e-9),
      htmlPerByte: htmlBytes / size,
      gzipPerGzip: gzipHtml / gzipText,
      runs,
    }
  })
}

/**
 * The plugin as it was at `revision`, from git, with the options the site gave it then: the
 * "before" of a before/after measured in the same run. Its files go to bench/tmp/before/, where
 * they resolve their packages from the project's node_modules.
 */
async function pluginAt(revision: string): Promise<Contender | undefined> {
  const dir = join(TMP, 'before')
  if (!extractRevision(revision, dir, ['plugins/remark-windbg'])) return undefined
  const module = (await import(pathToFileURL(join(dir, 'plugins/remark-windbg/index.ts')).href)) as { default: Parameters<ReturnType<typeof unified>['use']>[0] }
  const processor = unified()
    .use(remarkParse)
    .use(module.default, {
      bugcheckName: (code: number) => findByNumber(code)?.name,
      bugcheckHref: (code: number) => (findByNumber(code) ? codePath(code) : undefined),
      className: ['not-content'],
    })
    .use(remarkRehype)
    .use(rehypeStringify)
    .freeze()
  return { kind: 'before', pipeline: async (markdown) => String(await processor.process(markdown)), plain: unifiedPipeline(false) }
}

/** The commit issue 13 measured: the plugin before this round's work on speed. */
export const BEFORE_REVISION = 'd2b6159'

/** `before` is absent from the result when git does not hold that revision (a shallow clone). */
export async function renderBenchmark(runs: number, syntheticMB: number, before: string | undefined = BEFORE_REVISION): Promise<{ results: Throughput[]; syntheticFiles: string[]; before?: string }> {
  const real = realTranscripts().map((transcript) => transcript.text)
  const synthetic = syntheticTranscript(syntheticMB * MB)
  const syntheticName = `synthetic ${(Buffer.byteLength(synthetic.text) / MB).toFixed(1)} MB transcript`
  const old = before ? await pluginAt(before) : undefined
  const contenders: Contender[] = [
    ...(old ? [old] : []),
    { kind: 'site', pipeline: sitePipeline(await createTranscriptEngine(options)), plain: sitePipeline(undefined) },
    { kind: 'unified', pipeline: unifiedPipeline(true), plain: unifiedPipeline(false) },
  ]
  // Warm-up, untimed: the JIT settles on both inputs before anything is timed.
  for (const { pipeline } of contenders) {
    for (let pass = 0; pass < 3; pass++) for (const text of real) await pipeline(fenced(text))
    await pipeline(fenced(synthetic.text))
  }
  const results = [
    ...(await measurePaired(`real fixtures (${real.length} transcripts)`, real, runs, contenders)),
    ...(await measurePaired(syntheticName, [synthetic.text], runs, contenders)),
  ]
  rmSync(join(TMP, 'before'), { recursive: true, force: true })
  return old && before ? { results, syntheticFiles: synthetic.files, before } : { results, syntheticFiles: synthetic.files }
}
