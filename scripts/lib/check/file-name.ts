import { basename } from 'node:path'
import { canonicalCode, parseHexCode } from '../../../src/lib/catalog.ts'
import { isCleanSlug, kebab } from '../slug.ts'
import { articleCode, fieldLine, type Article } from './article.ts'
import type { Finding } from './types.ts'

/**
 * The file name is the runbook's address and what `related` names: it must be a clean slug, and
 * where it starts with a code, the article's code.
 */
export function checkFileName(article: Article): Finding[] {
  const name = basename(article.path).replace(/\.mdx?$/, '')
  const base = { file: article.path, severity: 'warning' as const, kind: 'file-name' as const }
  if (!isCleanSlug(name)) {
    const better = kebab(name) || 'a-short-name'
    return [{ ...base, line: 1, message: `the file name "${name}" is not its address: the site serves it at a lower-cased, hyphenated form`, fix: `rename the file to ${better}${article.path.endsWith('.mdx') ? '.mdx' : '.md'}` }]
  }
  const prefix = /^(0x[0-9a-f]{1,8})-/.exec(name)?.[1]
  const code = articleCode(article)
  const named = prefix === undefined ? undefined : parseHexCode(prefix)
  if (named === undefined || typeof code !== 'number' || named === code) return []
  return [
    {
      ...base,
      line: fieldLine(article, ['bugcheck']),
      message: `the file name starts with ${prefix}, but bugcheck is ${canonicalCode(code)}`,
      fix: `rename the file to start with ${canonicalCode(code)}-, or correct bugcheck`,
    },
  ]
}
