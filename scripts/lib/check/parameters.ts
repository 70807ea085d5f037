import { canonicalCode, findByNumber } from '../../../src/lib/catalog.ts'
import { paramCountOf } from '../codes.ts'
import { articleCode, fieldLine, isRunbook, type Article } from './article.ts'
import type { Finding } from './types.ts'

/**
 * The number of `parameters` against the catalog. More than the code has is an error (the
 * article documents parameters that do not exist, usually a wrong code); fewer is a warning (the
 * reader's tooltip says nothing about the rest).
 */
export function checkParameterCount(article: Article): Finding[] {
  const code = articleCode(article)
  if (!isRunbook(article) || typeof code !== 'number') return []
  const entry = findByNumber(code)
  const expected = entry ? paramCountOf(entry) : undefined
  const parameters = article.data['parameters']
  if (expected === undefined || (parameters !== undefined && !Array.isArray(parameters))) return []
  const count = Array.isArray(parameters) ? parameters.length : 0
  // Fewer is fine: the reference (content/bugchecks/) documents every parameter, and an article's
  // entries only override it. More than the code has is a mistake.
  if (count <= expected) return []
  const name = `${canonicalCode(code)} ${entry?.name ?? ''}`.trim()
  const line = fieldLine(article, ['parameters'])
  return [
    {
      file: article.path,
      line,
      kind: 'parameter-count',
      severity: 'error',
      message: `${count} parameters, but ${name} has ${expected} (content/bugchecks/${canonicalCode(code)}.yaml)`,
      fix: `remove the extra entries, or check that bugcheck is the right code`,
    },
  ]
}
