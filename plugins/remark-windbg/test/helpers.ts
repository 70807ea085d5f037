import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Code } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

export const REAL_DIR = fileURLToPath(new URL('./fixtures/real/', import.meta.url))

export interface RealFence {
  /** The fixture file, e.g. `seed-0x20.md`. */
  file: string
  /** 0-based index of the fence in its file. */
  index: number
  lang: string | null | undefined
  meta: string | null | undefined
  value: string
}

/** Every fenced block of the real fixtures: the seed article and Microsoft's docs (CC BY 4.0). */
export function realFences(): RealFence[] {
  const fences: RealFence[] = []
  for (const file of readdirSync(REAL_DIR).filter((name) => name.endsWith('.md')).sort()) {
    const tree = unified().use(remarkParse).parse(readFileSync(REAL_DIR + file, 'utf8'))
    let index = 0
    visit(tree, 'code', (node: Code) => {
      fences.push({ file, index: index++, lang: node.lang, meta: node.meta, value: node.value })
    })
  }
  return fences
}

/** The fences of one fixture file. */
export function fencesOf(file: string): RealFence[] {
  return realFences().filter((fence) => fence.file === file)
}
