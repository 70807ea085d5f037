import type { Heading, Paragraph, Root } from 'mdast'
import { canonicalCode, findByNumber } from '../../../src/lib/catalog.ts'
import { lineOf, plainText } from '../markdown.ts'

// Headings that name a section rather than the case: "# Summary" is no page title.
const SECTION_WORDS = new Set([
  'summary', 'introduction', 'intro', 'overview', 'background', 'abstract', 'description', 'tl;dr', 'tldr', 'contents',
  'table of contents', 'context', 'problem', 'issue', 'details', 'analysis', 'notes', 'conclusion', 'references',
])

export interface Inferred<T> {
  value: T
  /** How it was found, for the report. */
  how: string
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** The file name as a title: `0x20-kernel-apc-pending-during-exit` → `KERNEL_APC_PENDING_DURING_EXIT (0x20)`. */
export function titleFromFileName(base: string, code: number | undefined): string {
  const match = /^0x([0-9a-f]{1,8})[-_ ]+(.*)$/i.exec(base)
  const rest = match ? (match[2] as string) : base
  const words = rest.split(/[-_\s]+/).filter(Boolean)
  const entry = code === undefined ? undefined : findByNumber(code)
  if (entry && code !== undefined && words.join('_').toUpperCase() === entry.name) return `${entry.name} (${canonicalCode(code)})`
  const text = words.join(' ')
  if (!text) return entry && code !== undefined ? `${entry.name} (${canonicalCode(code)})` : 'Untitled crash-dump analysis'
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The first heading when it names the case, else the file name. */
export function inferTitle(tree: Root, base: string, code: number | undefined): Inferred<string> {
  const first = tree.children.find((node): node is Heading => node.type === 'heading')
  const text = first ? collapse(plainText(first)) : ''
  if (first && text && !SECTION_WORDS.has(text.toLowerCase().replace(/:$/, ''))) {
    return { value: text, how: `the first heading (line ${lineOf(first)})` }
  }
  const why = first && text ? `the first heading, "${text}", names a section` : 'the write-up has no heading'
  return { value: titleFromFileName(base, code), how: `the file name (${why}): pass --title to choose another` }
}

const MIN_WORDS = 8
const MAX_SUMMARY = 300

/** The first two sentences of the first real paragraph, cut to a summary's length. */
export function inferSummary(tree: Root): Inferred<string> | undefined {
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue
    const text = collapse(plainText(node as Paragraph))
    if (text.split(' ').length < MIN_WORDS) continue
    // A sentence ends at . ! or ? followed by a space and a capital: `!di` and `0x20.1` stay whole.
    const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z0-9"'(`*])/)
    let summary = ''
    for (const sentence of sentences.slice(0, 2)) {
      const next = `${summary} ${sentence.trim()}`.trim()
      if (next.length > MAX_SUMMARY && summary) break
      summary = next
    }
    if (summary.length > MAX_SUMMARY) summary = `${summary.slice(0, MAX_SUMMARY).replace(/\s+\S*$/, '')}…`
    return { value: summary, how: `the first paragraph (line ${lineOf(node)})` }
  }
  return undefined
}
