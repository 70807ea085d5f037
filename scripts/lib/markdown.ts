import type { Code, Node, Root } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

/** A Markdown file cut into its YAML frontmatter and its body, keeping file line numbers. */
export interface SplitArticle {
  /** The YAML between the `---` lines; undefined where the file has no frontmatter. */
  yaml: string | undefined
  /** 1-based file line of the first YAML line (the line after the opening `---`). */
  yamlLine: number
  /** 1-based file line of the first body line. */
  bodyLine: number
  /** The body as written, without the frontmatter. */
  body: string
  /**
   * The whole file with the frontmatter lines emptied: Markdown parsed from it has positions that
   * are file lines, so findings can name them.
   */
  blanked: string
  /** The file's line ending, kept when a tool rewrites it. */
  eol: '\n' | '\r\n'
}

const RE_FENCE_LINE = /^---[ \t]*$/

export function splitLinesKeepingAll(text: string): string[] {
  return text.split(/\r\n|\n|\r/)
}

/**
 * Splits off the frontmatter the way Astro finds it: a `---` line at the very top (after a byte
 * order mark or blank lines), YAML, and the next `---` line.
 */
export function splitArticle(text: string): SplitArticle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const lines = splitLinesKeepingAll(text.replace(/^\uFEFF/, ''))
  let open = 0
  while (open < lines.length && (lines[open] as string).trim() === '') open++
  const noFrontmatter = { yaml: undefined, yamlLine: 1, bodyLine: 1, body: text, blanked: text, eol } as const
  if (open >= lines.length || !RE_FENCE_LINE.test(lines[open] as string)) return noFrontmatter
  const close = lines.findIndex((line, index) => index > open && RE_FENCE_LINE.test(line))
  if (close < 0) return noFrontmatter
  const yaml = lines.slice(open + 1, close).join('\n')
  const body = lines.slice(close + 1).join(eol)
  const blanked = [...lines.slice(0, close + 1).map(() => ''), ...lines.slice(close + 1)].join('\n')
  return { yaml, yamlLine: open + 2, bodyLine: close + 2, body, blanked, eol }
}

export function parseMarkdown(text: string): Root {
  return unified().use(remarkParse).parse(text)
}

/** A code block with where it is in the file. */
export interface Fence {
  node: Code
  lang: string | undefined
  meta: string | undefined
  value: string
  /** 1-based file line of the opening fence (or of the first line of an indented block). */
  line: number
  /** Whether the block is fenced (``` or ~~~) rather than indented. */
  fenced: boolean
}

const RE_OPENING_FENCE = /^(`{3,}|~{3,})/

export function fencesOf(tree: Root, text: string): Fence[] {
  const lines = splitLinesKeepingAll(text)
  const fences: Fence[] = []
  visit(tree, 'code', (node) => {
    const start = node.position?.start
    if (!start) return
    const source = lines[start.line - 1] ?? ''
    fences.push({
      node,
      lang: node.lang ?? undefined,
      meta: node.meta ?? undefined,
      value: node.value,
      line: start.line,
      fenced: RE_OPENING_FENCE.test(source.slice(start.column - 1)),
    })
  })
  return fences
}

/** The text of a node as a reader sees it: inline code and emphasis unwrapped, images by their alt. */
export function plainText(node: Node): string {
  const value = (node as { value?: unknown }).value
  if (typeof value === 'string' && node.type !== 'html') return value
  if (node.type === 'image' || node.type === 'imageReference') return String((node as { alt?: unknown }).alt ?? '')
  const children = (node as { children?: Node[] }).children
  return children ? children.map(plainText).join('') : ''
}

/** 1-based line of a node, or 1 where it has no position. */
export function lineOf(node: Node): number {
  return node.position?.start.line ?? 1
}
