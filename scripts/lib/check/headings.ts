import { visit } from 'unist-util-visit'
import { plainText } from '../markdown.ts'
import type { Article } from './article.ts'
import type { Finding } from './types.ts'

/**
 * `#` headings in the body. The site moves every heading down a level when there is one (the page
 * title is the only `<h1>`), so they render well; this note says why the outline shifts, and
 * points out an h1 that repeats the title (an import keeps the write-up's heading).
 */
export function checkHeadings(article: Article): Finding[] {
  const findings: Finding[] = []
  const title = typeof article.data['title'] === 'string' ? article.data['title'].trim().toLowerCase() : undefined
  visit(article.tree, 'heading', (node) => {
    if (node.depth !== 1) return
    const text = plainText(node).trim()
    const repeats = title !== undefined && text.toLowerCase() === title
    findings.push({
      file: article.path,
      line: node.position?.start.line ?? 1,
      severity: 'info',
      kind: 'heading',
      message: repeats
        ? `# ${text} repeats the page title, which the site already shows as the page's only h1`
        : `# ${text} is a top-level heading: the site shows every heading one level down`,
      fix: repeats ? 'delete this heading' : 'use ## for sections (and ### below them) so the file reads as the page does',
    })
  })
  return findings
}
