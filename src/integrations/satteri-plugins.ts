// The site's Markdown plugins for Sätteri, Astro's default Markdown engine, which parses and
// writes HTML in Rust. remark-windbg's document renderer turns each transcript fence into one
// HTML node; every other page, and every other block, never leaves the fast path.
import { randomBytes } from 'node:crypto'
import type { satteri } from '@astrojs/markdown-satteri'
import type { MdastPluginEntry, PluginFactoryContext } from 'satteri'
import { createDocumentRenderer, resolveHighlighter, resolveOptions, toHtml, writeHtml, type Options } from 'remark-windbg'

interface CodeNode {
  lang?: string | null
  meta?: string | null
  value: string
}

interface HeadingNode {
  depth: number
}

interface Context {
  replaceNode(node: unknown, replacement: unknown): void
  setProperty(node: unknown, key: string, value: unknown): void
}

// A document can only hold a transcript in a fence.
const RE_FENCE = /^ {0,3}(?:```|~~~)/m

/** Sätteri's Markdown processor, as `@astrojs/markdown-satteri`'s `satteri()` returns it. */
type SatteriProcessor = ReturnType<typeof satteri>
type Renderer = Awaited<ReturnType<SatteriProcessor['createRenderer']>>

export interface TranscriptEngine {
  /** The Sätteri plugin: each transcript fence becomes a placeholder comment in the page. */
  plugin: MdastPluginEntry
  /** A page's HTML with each placeholder replaced by its transcript's HTML. */
  fill(html: string): string
}

/**
 * Transcripts: remark-windbg's rendering of each fence, the first one with the page's stylesheet
 * and script links. Sätteri carries a placeholder rather than the transcript's HTML: an HTML node
 * is copied into its tree and out again, and a transcript's HTML runs to megabytes (five or six
 * bytes per transcript byte), so carrying it cost as much as rendering it. The HTML goes into
 * the page once Sätteri has written it. Placeholders carry a random key made per engine, so text
 * in an article cannot stand for one.
 */
export async function createTranscriptEngine(options: Options): Promise<TranscriptEngine> {
  const settings = resolveOptions({ ...options, rawHtml: true })
  const highlight = await resolveHighlighter(settings.highlighter)
  const key = randomBytes(8).toString('hex')
  const placeholder = new RegExp(`<!--windbg-transcript:${key}:(\\d+)-->`, 'g')
  // Each transcript as pieces of HTML, joined once with the page they go into.
  const pending = new Map<string, string[]>()
  let next = 0
  const plugin = ((context: PluginFactoryContext) => {
    if (!RE_FENCE.test(context.source)) return null
    const astro = (context.data as { astro?: { frontmatter?: unknown } }).astro
    const document = createDocumentRenderer(settings, highlight, astro?.frontmatter)
    // MDX compiles to a JavaScript module, not to HTML: no page to fill, so the HTML goes in place.
    const inPlace = context.sourceFormat === 'mdx'
    return {
      name: 'windbg-transcripts',
      code(node: CodeNode, ctx: Context) {
        const { element } = document.fence({ lang: node.lang ?? null, meta: node.meta ?? null, value: node.value })
        if (!element) return
        const parts = document.rendered === 1 ? document.assets().map(toHtml) : []
        writeHtml(element, parts)
        if (inPlace) {
          ctx.replaceNode(node, { type: 'html', value: parts.join('') })
          return
        }
        const id = String((next += 1))
        pending.set(id, parts)
        ctx.replaceNode(node, { type: 'html', value: `<!--windbg-transcript:${key}:${id}-->` })
      },
    }
  }) as unknown as MdastPluginEntry
  return {
    plugin,
    fill(html) {
      // One join for the page: its transcripts are most of its bytes, so they are copied once.
      const parts: string[] = []
      let from = 0
      for (const match of html.matchAll(placeholder)) {
        const transcript = pending.get(match[1] as string)
        if (transcript === undefined) continue
        pending.delete(match[1] as string)
        parts.push(html.slice(from, match.index))
        for (const part of transcript) parts.push(part)
        from = match.index + match[0].length
      }
      if (from === 0) return html
      parts.push(html.slice(from))
      return parts.join('')
    },
  }
}

/** Sätteri's processor with the engine's transcripts filled into every page it renders. */
export function withTranscripts(processor: SatteriProcessor, engine: TranscriptEngine): SatteriProcessor {
  // The same `options` object: Starlight adds its own plugins to it after this runs.
  return {
    ...processor,
    async createRenderer(shared: Parameters<SatteriProcessor['createRenderer']>[0]): Promise<Renderer> {
      const renderer = await processor.createRenderer(shared)
      return {
        ...renderer,
        async render(...args: Parameters<Renderer['render']>) {
          const result = await renderer.render(...args)
          return { ...result, code: engine.fill(result.code) }
        },
      }
    },
  }
}

/** Whether Markdown has a level-1 heading outside its fences: `# Title`, or a line underlined with `=`. */
export function hasH1(markdown: string): boolean {
  const prose = markdown.replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))/gm, '')
  return /^ {0,3}#(?:[ \t]|$)/m.test(prose) || /^[ \t]{0,3}\S[^\n]*\n {0,3}=+[ \t]*$/m.test(prose)
}

/**
 * The page title is a runbook's only `<h1>`. Write-ups like the seed use `#` for their sections;
 * where a body has any `#` heading, every heading moves one level down, so the outline keeps its
 * shape under the title. (`npm run check` also points these headings out.)
 */
export const singleH1Plugin: MdastPluginEntry = (context: PluginFactoryContext) => {
  if (!hasH1(context.source)) return null
  return {
    name: 'single-h1',
    heading(node: HeadingNode, ctx: Context) {
      if (node.depth < 6) ctx.setProperty(node, 'depth', node.depth + 1)
    },
  } as unknown as MdastPluginEntry
}
