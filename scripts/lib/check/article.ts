import type { Root } from 'mdast'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml'
import { bugcheckField } from '../../../src/lib/runbook-schema.ts'
import { parseHexCode } from '../../../src/lib/catalog.ts'
import { fencesOf, parseMarkdown, splitArticle, type Fence, type SplitArticle } from '../markdown.ts'

/** An article read once for all the checks. */
export interface Article {
  path: string
  text: string
  split: SplitArticle
  tree: Root
  fences: Fence[]
  /** The frontmatter as YAML read it; undefined where there is none. */
  yaml: Document | undefined
  lineCounter: LineCounter
  /** The frontmatter as plain data ({} where it is missing or does not parse). */
  data: Record<string, unknown>
}

export function readArticle(path: string, text: string): Article {
  const split = splitArticle(text)
  const lineCounter = new LineCounter()
  const yaml = split.yaml === undefined ? undefined : parseDocument(split.yaml, { lineCounter, prettyErrors: false })
  let data: Record<string, unknown> = {}
  if (yaml && yaml.errors.length === 0) {
    const value: unknown = yaml.toJS()
    if (value && typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>
  }
  const tree = parseMarkdown(split.blanked)
  return { path, text, split, tree, fences: fencesOf(tree, split.blanked), yaml, lineCounter, data }
}

/** The file line of an offset in the YAML. */
export function yamlLine(article: Article, offset: number): number {
  return article.split.yamlLine + article.lineCounter.linePos(offset).line - 1
}

/**
 * The file line of a frontmatter field (`['parameters', 1, 'description']`): the line of the
 * deepest part of the path that is there, so a missing field points at its parent; the opening
 * `---` where even the first key is missing.
 */
export function fieldLine(article: Article, path: readonly PropertyKey[]): number {
  let node: unknown = article.yaml?.contents
  let line = article.split.yamlLine - 1
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key))
      const range = (pair?.key as YamlNode | undefined)?.range
      if (!pair || !range) break
      line = yamlLine(article, range[0])
      node = pair.value
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as YamlNode | undefined
      if (!item?.range) break
      line = yamlLine(article, item.range[0])
      node = item
    } else {
      break
    }
  }
  return line
}

/** The article's code as a number; `'none'`; or undefined where the field is missing or wrong. */
export function articleCode(article: Article): number | 'none' | undefined {
  const parsed = bugcheckField.safeParse(article.data['bugcheck'])
  if (!parsed.success) return undefined
  return parsed.data === 'none' ? 'none' : parseHexCode(parsed.data)
}

/** Whether the article is a runbook (not a page that opted out with `kind: page`). */
export function isRunbook(article: Article): boolean {
  return article.data['kind'] === undefined || article.data['kind'] === 'runbook'
}
