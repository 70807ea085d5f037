import { basename, resolve } from 'node:path'
import { fieldLine, type Article } from './article.ts'
import type { CheckContext, Finding } from './types.ts'

export function normaliseTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** Two runbooks with one title look the same in search results and lists. */
export function checkDuplicateTitle(article: Article, context: CheckContext): Finding[] {
  const title = article.data['title']
  if (typeof title !== 'string' || title.trim() === '') return []
  const mine = normaliseTitle(title)
  const others = [...context.titles.entries()]
    .filter(([path, other]) => resolve(path) !== resolve(article.path) && normaliseTitle(other) === mine)
    .map(([path]) => basename(path))
  if (others.length === 0) return []
  return [
    {
      file: article.path,
      line: fieldLine(article, ['title']),
      severity: 'error',
      kind: 'duplicate-title',
      message: `the title "${title.trim()}" is also the title of ${others.join(', ')}`,
      fix: 'make the title say what is particular about this case (the driver, the resource, the mistake)',
    },
  ]
}
