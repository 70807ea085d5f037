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
  const subtypes = article.data['subtypes']
  if (expected === undefined || (parameters !== undefined && !Array.isArray(parameters))) return []
  const count = Array.isArray(parameters) ? parameters.length : 0
  if (count === expected) return []
  // Codes whose parameters 2-4 depend on parameter 1 may be documented by subtype alone.
  if (count < expected && Array.isArray(subtypes) && subtypes.length > 0) return []
  const name = `${canonicalCode(code)} ${entry?.name ?? ''}`.trim()
  const line = fieldLine(article, parameters === undefined ? ['bugcheck'] : ['parameters'])
  const base = { file: article.path, line, kind: 'parameter-count' as const }
  if (count > expected) {
    return [{ ...base, severity: 'error', message: `${count} parameters, but ${name} has ${expected} (catalog)`, fix: `remove the extra entries, or check that bugcheck is the right code` }]
  }
  return [
    {
      ...base,
      severity: 'warning',
      message: `${count} parameter${count === 1 ? '' : 's'} documented, but ${name} has ${expected} (catalog)`,
      fix: `add the missing entries in order (name and description; the Arg lines of !analyze -v and Microsoft's reference say what they are)`,
    },
  ]
}
