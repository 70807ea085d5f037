import { visit } from 'unist-util-visit'
import { isPlaceholder, isSectionHint, placeholderSummary } from '../scaffold.ts'
import { articleCode, fieldLine, type Article } from './article.ts'
import type { Finding } from './types.ts'

/**
 * What `npm run new` and `npm run import` left for the author to write. Valid, so the article
 * builds, but a reviewer would ask for it: each one is a warning, the author's to-do list.
 */
export function checkPlaceholders(article: Article): Finding[] {
  const findings: Finding[] = []
  const add = (line: number, message: string, fix: string) =>
    findings.push({ file: article.path, line, severity: 'warning', kind: 'placeholder', message, fix })
  const code = articleCode(article)
  const summary = article.data['summary']
  if (typeof summary === 'string') {
    const generic = [placeholderSummary(typeof code === 'number' ? code : undefined), placeholderSummary(undefined)]
    if (generic.includes(summary.trim())) add(fieldLine(article, ['summary']), 'the summary is still the generated sentence', 'say in one or two sentences what went wrong in this case and what caused it')
  }
  const parameters = article.data['parameters']
  if (Array.isArray(parameters)) {
    parameters.forEach((parameter: unknown, index) => {
      const description = (parameter as { description?: unknown } | null)?.description
      if (typeof description === 'string' && isPlaceholder(description)) {
        add(fieldLine(article, ['parameters', index, 'description']), `parameter ${index + 1} is not documented yet`, "write its name and what it holds (the Arg line of !analyze -v, Microsoft's reference), and a decode hint where one fits")
      }
    })
  }
  visit(article.tree, 'html', (node) => {
    if (isSectionHint(node.value)) {
      add(node.position?.start.line ?? 1, "a section still holds the scaffold's hint", 'write the section in place of the <!-- hint -->, or delete the section')
    }
  })
  return findings
}
