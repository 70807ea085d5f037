// Transcript rendering throughput, in this process: the parser alone (`parseTranscript`), and
// Markdown → HTML with the plugin on two pipelines: the site's (Sätteri, transcripts rendered by
// remark-windbg's document renderer) and the published plugin's (unified: remark, rehype). On the
// real fixtures and on one large synthetic transcript, plus the HTML bytes each transcript byte
// becomes.
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
import { median } from './stats.ts'

export interface Throughput {
  name: string
  /** `site`: Sätteri with the site's transcript engine; `unified`: the remark plugin. */
  pipeline: 'site' | 'unified'
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

/**
 * Times `work` over `runs` runs and returns the median seconds of one pass. Small inputs are
 * repeated within a run until it lasts at least `minimum` seconds, so timer resolution and
 * one-off pauses do not decide the figure. `once` is a pass already timed (the warm-up), else
 * one is run here.
 */
async function timed(work: () => Promise<void> | void, runs: number, once?: number, minimum = 0.3): Promise<number> {
  if (once === undefined) {
    const warm = performance.now()
    await work()
    once = (performance.now() - warm) / 1000
  }
  const repeat = Math.max(1, Math.ceil(minimum / Math.max(once, 1e-6)))
  const samples: number[] = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    for (let pass = 0; pass < repeat; pass++) await work()
    samples.push((performance.now() - start) / 1000 / repeat)
  }
  return median(samples)
}

async function measure(name: string, kind: Throughput['pipeline'], texts: readonly string[], runs: number, pipeline: Pipeline, plain: Pipeline): Promise<Throughput> {
  const documents = texts.map(fenced)
  const size = texts.reduce((total, text) => total + Buffer.byteLength(text), 0)
  // A first pass gives the HTML and calibrates how often small inputs are repeated per run.
  const html: string[] = []
  const first = performance.now()
  for (const document of documents) html.push(await pipeline(document))
  const once = (performance.now() - first) / 1000
  const parse = await timed(() => {
    for (const text of texts) parseTranscript(text)
  }, runs)
  const render = await timed(async () => {
    for (const document of documents) await pipeline(document)
  }, runs, once)
  const plainRender = await timed(async () => {
    for (const document of documents) await plain(document)
  }, runs)
  const htmlBytes = html.reduce((total, page) => total + Buffer.byteLength(page), 0)
  const gzipHtml = html.reduce((total, page) => total + gzipSync(page).length, 0)
  const gzipText = texts.reduce((total, text) => total + gzipSync(text).length, 0)
  return {
    name,
    pipeline: kind,
    bytes: size,
    transcripts: texts.length,
    parseMBps: size / MB / parse,
    renderMBps: size / MB / render,
    plainMBps: size / MB / plainRender,
    pluginMBps: size / MB / Math.max(render - plainRender, 1e-9),
    htmlPerByte: htmlBytes / size,
    gzipPerGzip: gzipHtml / gzipText,
    runs,
  }
}

export async function renderBenchmark(runs: number, syntheticMB: number): Promise<{ results: Throughput[]; syntheticFiles: string[] }> {
  const real = realTranscripts().map((transcript) => transcript.text)
  const synthetic = syntheticTranscript(syntheticMB * MB)
  const syntheticName = `synthetic ${(Buffer.byteLength(synthetic.text) / MB).toFixed(1)} MB transcript`
  const pipelines = [
    { kind: 'site' as const, pipeline: sitePipeline(await createTranscriptEngine(options)), plain: sitePipeline(undefined) },
    { kind: 'unified' as const, pipeline: unifiedPipeline(true), plain: unifiedPipeline(false) },
  ]
  const results: Throughput[] = []
  for (const { kind, pipeline, plain } of pipelines) {
    // Warm-up, untimed: the JIT settles on both inputs before either is timed.
    for (let pass = 0; pass < 3; pass++) for (const text of real) await pipeline(fenced(text))
    await pipeline(fenced(synthetic.text))
    results.push(await measure(`real fixtures (${real.length} transcripts)`, kind, real, runs, pipeline, plain))
    results.push(await measure(syntheticName, kind, [synthetic.text], runs, pipeline, plain))
  }
  return { results, syntheticFiles: synthetic.files }
}
