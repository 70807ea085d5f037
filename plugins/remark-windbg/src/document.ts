// One document's transcripts: which fences are transcripts, and each rendered with the document's
// state (step ids unique in the page, tooltip ids, the article's parameter docs). The unified
// plugin drives it over an mdast tree; another Markdown engine can drive it over its own code
// nodes (the site does, with Sätteri), so both render the same way.
import type { Code } from 'mdast'
import type { Element } from 'hast'
import { normaliseHex } from 'bugcheck-reference'
import { readFrontmatterDocs } from 'bugcheck-reference/schema'
import { lookupCommand as builtInLookup } from './data/commands.ts'
import { isWindbgFence } from './detect.ts'
import { parseMeta } from './parse/meta.ts'
import type { WindbgHighlighter } from './render/highlight.ts'
import { renderTranscript } from './render/transcript.ts'
import type { Settings } from './options.ts'

/** `'0x20'`, `'0x00000020'` → 32; anything else (`none`, a number) → undefined. */
function articleCode(frontmatter: unknown): number | undefined {
  const value = (frontmatter as { bugcheck?: unknown } | undefined)?.bugcheck
  if (typeof value !== 'string' || !/^0x[0-9a-f]{1,8}$/i.test(value.trim())) return undefined
  return Number.parseInt(normaliseHex(value.trim()).slice(2), 16)
}

/** `!analyze -v` → `analyze-v`; ids are unique in the page: a repeated command gets `-2`, `-3`. */
function stepIdFactory(): (command: string) => string {
  const seen = new Map<string, number>()
  return (command) => {
    const slug =
      command
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40)
        .replace(/-+$/, '') || 'step'
    const count = (seen.get(slug) ?? 0) + 1
    seen.set(slug, count)
    return count === 1 ? `wd-${slug}` : `wd-${slug}-${count}`
  }
}

export interface FenceResult {
  /** The transcript; absent when the fence is no transcript, or could not be rendered. */
  element?: Element
  /** Problems to report on the fence (unknown meta, a render that failed). */
  messages: string[]
}

export interface DocumentRenderer {
  /** Renders a fence when it is a transcript. Call in document order. */
  fence(node: Pick<Code, 'lang' | 'meta' | 'value'>): FenceResult
  /** The stylesheet and script elements a page with a transcript links, once. */
  assets(): Element[]
  /** How many transcripts were rendered. */
  readonly rendered: number
}

export function createDocumentRenderer(settings: Settings, highlight: WindbgHighlighter, frontmatter: unknown): DocumentRenderer {
  const lookupCommand = settings.lookupCommand ?? builtInLookup
  const docs = readFrontmatterDocs(frontmatter)
  const code = articleCode(frontmatter)
  const stepId = stepIdFactory()
  let position = 0
  let rendered = 0
  return {
    get rendered() {
      return rendered
    },
    fence(node) {
      if (!isWindbgFence(node, settings)) return { messages: [] }
      position += 1
      const annotations = parseMeta(node.meta)
      const messages =
        annotations.unknown.length > 0
          ? [`Unexpected \`${annotations.unknown.join(' ')}\` in \`windbg\` fence meta, expected \`title\`, \`open\`, \`closed\`, \`mark\`, \`lines\` or \`fold\``]
          : []
      try {
        const element = renderTranscript(node.value, {
          highlight,
          idPrefix: `wd${position}`,
          stepId,
          foldAbove: annotations.fold ?? settings.foldAbove,
          className: settings.className,
          annotations,
          docs,
          ...(code === undefined ? {} : { articleCode: code }),
          ...(settings.bugcheckName ? { bugcheckName: settings.bugcheckName } : {}),
          ...(settings.bugcheckHref ? { bugcheckHref: settings.bugcheckHref } : {}),
          ...(settings.reference ? { reference: settings.reference } : {}),
          raw: settings.rawHtml,
          lookupCommand,
        })
        rendered += 1
        return { element, messages }
      } catch (error) {
        // The fence stays a plain code block: content is never dropped.
        return { messages: [...messages, `Could not render \`windbg\` transcript, left as a plain code block: ${String(error)}`] }
      }
    },
    assets() {
      const elements: Element[] = []
      if (settings.stylesheet) elements.push({ type: 'element', tagName: 'link', properties: { rel: ['stylesheet'], href: settings.stylesheet }, children: [] })
      if (settings.script) elements.push({ type: 'element', tagName: 'script', properties: { type: 'module', src: settings.script }, children: [] })
      return elements
    },
  }
}
