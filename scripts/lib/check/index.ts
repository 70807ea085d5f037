import { readArticle, isRunbook } from './article.ts'
import { checkFileName } from './file-name.ts'
import { checkFrontmatter } from './frontmatter.ts'
import { checkHeadings } from './headings.ts'
import { checkLinks } from './links.ts'
import { checkParameterCount } from './parameters.ts'
import { checkPlaceholders } from './placeholders.ts'
import { checkDuplicateTitle } from './titles.ts'
import { checkBugcheckMatch, checkTranscripts } from './transcripts.ts'
import type { CheckContext, Finding, Severity } from './types.ts'

export type { CheckContext, Finding, FindingKind, Severity } from './types.ts'
export { createContext, loadContext, runbookFiles, type RunbookSource } from './context.ts'

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/**
 * Everything a reviewer would otherwise point out in one runbook. Pure apart from
 * `context.exists`: the text is given, so tests can feed broken articles.
 */
export function checkRunbook(path: string, text: string, context: CheckContext): Finding[] {
  const article = readArticle(path, text)
  const findings = [
    ...checkFrontmatter(article, context),
    ...checkFileName(article),
    ...checkDuplicateTitle(article, context),
    ...(isRunbook(article) ? [...checkParameterCount(article), ...checkBugcheckMatch(article), ...checkPlaceholders(article)] : []),
    ...checkTranscripts(article),
    ...checkLinks(article, context),
    ...checkHeadings(article),
  ]
  return findings.sort((a, b) => a.line - b.line || ORDER[a.severity] - ORDER[b.severity])
}

export interface Totals {
  error: number
  warning: number
  info: number
}

export function totals(findings: readonly Finding[]): Totals {
  const counts: Totals = { error: 0, warning: 0, info: 0 }
  for (const finding of findings) counts[finding.severity] += 1
  return counts
}

/** `content/runbooks/x.md:12: error [frontmatter] bugcheck: …` and, indented, how to fix it. */
export function formatFinding(finding: Finding, displayPath: string = finding.file): string {
  return `${displayPath}:${finding.line}: ${finding.severity} [${finding.kind}] ${finding.message}\n    fix: ${finding.fix}`
}

export function formatTotals(files: number, counts: Totals): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  return `${plural(files, 'file')} checked: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'note')}`
}
