// The site's Markdown plugins for Sätteri, Astro's default Markdown engine, which parses and
// writes HTML in Rust. remark-windbg's document renderer turns each transcript fence into one
// HTML node; every other page, and every other block, never leaves the fast path.
import type { MdastPluginEntry, PluginFactoryContext } from 'satteri'
import { createDocumentRenderer, resolveOptions, sharedWindbgHighlighter, toHtml, type Options } from 'remark-windbg'

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

/**
 * Transcripts: remark-windbg's rendering, each fence replaced by its HTML. The first one also
 * carries the page's stylesheet and script links.
 */
export async function windbgPlugin(options: Options): Promise<MdastPluginEntry> {
  const settings = resolveOptions({ ...options, rawHtml: true })
  const highlight = await sharedWindbgHighlighter()
  return (context: PluginFactoryContext) => {
    if (!RE_FENCE.test(context.source)) return null
    const astro = (context.data as { astro?: { frontmatter?: unknown } }).astro
    const document = createDocumentRenderer(settings, highlight, astro?.frontmatter)
    return {
      name: 'windbg-transcripts',
      code(node: CodeNode, ctx: Context) {
        const { element } = document.fence({ lang: node.lang ?? null, meta: node.meta ?? null, value: node.value })
        if (!element) return
        const assets = document.rendered === 1 ? document.assets().map(toHtml).join('') : ''
        ctx.replaceNode(node, { type: 'html', value: assets + toHtml(element) })
      },
    } as unknown as MdastPluginEntry
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
