import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Code } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

export const REAL_DIR = fileURLToPath(new URL('./fixtures/real/', import.meta.url))
/** Real blocks chosen for the shapes pasted sessions take (Microsoft's docs, CC BY 4.0). */
export const SESSIONS_DIR = fileURLToPath(new URL('./fixtures/sessions/', import.meta.url))

export interface RealFence {
  /** The fixture file, e.g. `seed-0x20.md`. */
  file: string
  /** 0-based index of the fence in its file. */
  index: number
  lang: string | null | undefined
  meta: string | null | undefined
  value: string
}

/** A session fixture's block: its fence, and the shape its comment names (`1`-`6`, see the files). */
export interface SessionFence extends RealFence {
  shape: string
}

function fencesIn(dir: string): (RealFence & { comment: string })[] {
  const fences: (RealFence & { comment: string })[] = []
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.md')).sort()) {
    const tree = unified().use(remarkParse).parse(readFileSync(dir + file, 'utf8'))
    let index = 0
    let comment = ''
    visit(tree, (node) => {
      if (node.type === 'html') comment = (node as { value: string }).value
      if (node.type !== 'code') return
      const code = node as Code
      fences.push({ file, index: index++, lang: code.lang, meta: code.meta, value: code.value, comment })
    })
  }
  return fences
}

/** Every fenced block of the real fixtures: the seed article and Microsoft's docs (CC BY 4.0). */
export function realFences(): RealFence[] {
  return fencesIn(REAL_DIR).map(({ comment: _comment, ...fence }) => fence)
}

/** The session fixtures' blocks, each with the shape its comment gives. */
export function sessionFences(): SessionFence[] {
  return fencesIn(SESSIONS_DIR).map(({ comment, ...fence }) => ({ ...fence, shape: /shape: (\d)/.exec(comment)?.[1] ?? '' }))
}

/** The fences of one fixture file. */
export function fencesOf(file: string): RealFence[] {
  return realFences().filter((fence) => fence.file === file)
}
