import type { ElementContent } from 'hast'
import type { Token } from './highlight.ts'

/** A column range of one line to wrap in an element of its own (a tooltip, a marked phrase). */
export interface LineRange {
  /** What the range is, so callers can ask whether a line holds an author's mark. */
  kind: 'code' | 'parameter' | 'mark'
  start: number
  end: number
  wrap: (children: ElementContent[]) => ElementContent
}

// C0 controls (but tab) and DEL would be invisible or break the page: show them as Control Pictures.
const RE_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g

/** Text made safe to show: control characters become their visible pictures (U+2400 block). */
export function visibleText(text: string): string {
  return text.replace(RE_CONTROL, (char) => (char === '\u007f' ? '\u2421' : String.fromCharCode(0x2400 + char.charCodeAt(0))))
}

function tokenNode(content: string, className: string | undefined): ElementContent {
  const text: ElementContent = { type: 'text', value: visibleText(content) }
  return className ? { type: 'element', tagName: 'span', properties: { className: [className] }, children: [text] } : text
}

/** Appends a node, merging neighbouring plain text so the tree stays small. */
export function append(nodes: ElementContent[], node: ElementContent): void {
  const last = nodes[nodes.length - 1]
  if (node.type === 'text' && last?.type === 'text') last.value += node.value
  else nodes.push(node)
}

/** The tokens that cover columns [start, end) of a line, split where the range cuts a token. */
export function sliceTokens(tokens: readonly Token[], start: number, end: number): Token[] {
  const result: Token[] = []
  let column = 0
  for (const token of tokens) {
    const tokenEnd = column + token.content.length
    if (tokenEnd > start && column < end) {
      const content = token.content.slice(Math.max(0, start - column), Math.min(token.content.length, end - column))
      result.push(token.className ? { content, className: token.className } : { content })
    }
    column = tokenEnd
    if (column >= end) break
  }
  return result
}

/**
 * Renders one line's tokens, wrapping the given column ranges (sorted, not overlapping) in their
 * own elements. Ranges inside a token split it; the text is never duplicated or dropped.
 */
export function renderLine(tokens: readonly Token[], ranges: readonly LineRange[] = []): ElementContent[] {
  const nodes: ElementContent[] = []
  // Most lines have nothing to wrap: no slicing needed.
  if (ranges.length === 0) {
    for (const token of tokens) append(nodes, tokenNode(token.content, token.className))
    return nodes
  }
  const length = tokens.reduce((sum, token) => sum + token.content.length, 0)
  let column = 0
  for (const range of ranges) {
    if (range.start < column || range.end > length || range.end <= range.start) continue
    for (const token of sliceTokens(tokens, column, range.start)) append(nodes, tokenNode(token.content, token.className))
    const inner: ElementContent[] = []
    for (const token of sliceTokens(tokens, range.start, range.end)) append(inner, tokenNode(token.content, token.className))
    nodes.push(range.wrap(inner))
    column = range.end
  }
  for (const token of sliceTokens(tokens, column, length)) append(nodes, tokenNode(token.content, token.className))
  return nodes
}
