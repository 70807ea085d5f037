import type { Code, Parent, Root, RootContent } from 'mdast'
import type { Plugin } from 'unified'
import type { Element } from 'hast'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { createDocumentRenderer } from './document.ts'
import { isWindbgFence } from './detect.ts'
import { resolveHighlighter } from './render/highlight.ts'
import { resolveOptions, type Options } from './options.ts'

/** An mdast node that remark-rehype turns into the given hast element (the `data.h*` contract). */
function elementNode(element: Element): RootContent {
  return {
    type: 'windbgTranscript',
    data: { hName: element.tagName, hProperties: element.properties, hChildren: element.children },
  } as unknown as RootContent
}

/**
 * Turns WinDbg transcripts in code fences into collapsible steps with parameter and command
 * tooltips. Fences tagged `windbg` always; untagged fences that start with a debugger prompt;
 * `dbgcmd` fences that hold debugger output. Other fences are left alone.
 *
 * @example
 *   unified().use(remarkParse).use(remarkWindbg).use(remarkRehype).use(rehypeStringify)
 */
const remarkWindbg: Plugin<[(Options | null | undefined)?], Root> = function (options) {
  const settings = resolveOptions(options)

  return async function transformer(tree: Root, file: VFile): Promise<undefined> {
    const fences: { node: Code; index: number; parent: Parent }[] = []
    visit(tree, 'code', (node, index, parent) => {
      if (parent && index !== undefined && isWindbgFence(node, settings)) fences.push({ node, index, parent })
    })
    if (fences.length === 0) return
    const document = createDocumentRenderer(settings, await resolveHighlighter(settings.highlighter), settings.frontmatter(file))
    for (const { node, index, parent } of fences) {
      const { element, messages } = document.fence(node)
      for (const message of messages) file.message(message, node)
      if (element) parent.children[index] = elementNode(element) as Parent['children'][number]
    }
    if (document.rendered > 0) tree.children.unshift(...document.assets().map(elementNode))
  }
}

export default remarkWindbg
