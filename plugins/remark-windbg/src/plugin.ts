import type { Code, Parent, Root, RootContent } from 'mdast'
import type { Plugin } from 'unified'
import type { Element } from 'hast'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { lookupCommand as builtInLookup } from './data/commands.ts'
import { normaliseHex } from 'bugcheck-reference'
import { readFrontmatterDocs } from 'bugcheck-reference/schema'
import { isWindbgFence } from './detect.ts'
import { parseMeta } from './parse/meta.ts'
import { plainHighlighter, sharedWindbgHighlighter, type WindbgHighlighter } from './render/highlight.ts'
import { renderTranscript } from './render/transcript.ts'
import { resolveOptions, type Options, type Settings } from './options.ts'

/** `'0x20'`, `'0x00000020'` → 32; anything else (`none`, a number) → undefined. */
function articleCode(frontmatter: unknown): number | undefined {
  const value = (frontmatter as { bugcheck?: unknown } | undefined)?.bugcheck
  if (typeof value !== 'string' || !/^0x[0-9a-f]{1,8}$/i.test(value.trim())) return undefined
  return Number.parseInt(normaliseHex(value.trim()).slice(2), 16)
}

/** `!analyze -v` → `analyze-v`; ids are unique in the page: a repeated command gets `-2`, `-3`. */
function stepIdFactory(): (command: string) => string {
  const seen = new Map<string, number>()
  return (command) => {
    const slug =
      command
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40)
        .replace(/-+$/, '') || 'step'
    const count = (seen.get(slug) ?? 0) + 1
    seen.set(slug, count)
    return count === 1 ? `wd-${slug}` : `wd-${slug}-${count}`
  }
}

/** An mdast node that remark-rehype turns into the given hast element (the `data.h*` contract). */
function elementNode(element: Element): RootContent {
  return {
    type: 'windbgTranscript',
    data: { hName: element.tagName, hProperties: element.properties, hChildren: element.children },
  } as unknown as RootContent
}

function assetNodes(settings: Settings): RootContent[] {
  const nodes: RootContent[] = []
  if (settings.stylesheet) {
    nodes.push(elementNode({ type: 'element', tagName: 'link', properties: { rel: ['stylesheet'], href: settings.stylesheet }, children: [] }))
  }
  if (settings.script) {
    nodes.push(elementNode({ type: 'element', tagName: 'script', properties: { type: 'module', src: settings.script }, children: [] }))
  }
  return nodes
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
  const lookupCommand = settings.lookupCommand ?? builtInLookup
  let highlighter: Promise<WindbgHighlighter> | undefined

  function getHighlighter(): Promise<WindbgHighlighter> {
    if (settings.highlighter === false) return Promise.resolve(plainHighlighter)
    highlighter ??= settings.highlighter ? Promise.resolve(settings.highlighter) : sharedWindbgHighlighter()
    return highlighter
  }

  return async function transformer(tree: Root, file: VFile): Promise<undefined> {
    const fences: { node: Code; index: number; parent: Parent }[] = []
    visit(tree, 'code', (node, index, parent) => {
      if (parent && index !== undefined && isWindbgFence(node, settings)) fences.push({ node, index, parent })
    })
    if (fences.length === 0) return
    const highlight = await getHighlighter()
    const frontmatter = settings.frontmatter(file)
    const docs = readFrontmatterDocs(frontmatter)
    const code = articleCode(frontmatter)
    const stepId = stepIdFactory()
    let rendered = 0
    fences.forEach(({ node, index, parent }, position) => {
      const annotations = parseMeta(node.meta)
      if (annotations.unknown.length > 0) {
        file.message(`Unexpected \`${annotations.unknown.join(' ')}\` in \`windbg\` fence meta, expected \`title\`, \`open\`, \`closed\`, \`mark\`, \`lines\` or \`fold\``, node)
      }
      try {
        const element = renderTranscript(node.value, {
          highlight,
          idPrefix: `wd${position + 1}`,
          stepId,
          foldAbove: annotations.fold ?? settings.foldAbove,
          className: settings.className,
          annotations,
          docs,
          ...(code === undefined ? {} : { articleCode: code }),
          ...(settings.bugcheckName ? { bugcheckName: settings.bugcheckName } : {}),
          ...(settings.reference ? { reference: settings.reference } : {}),
          ...(settings.bugcheckHref ? { bugcheckHref: settings.bugcheckHref } : {}),
          lookupCommand,
        })
        parent.children[index] = elementNode(element) as Parent['children'][number]
        rendered += 1
      } catch (error) {
        // The fence stays a plain code block: content is never dropped.
        file.message(`Could not render \`windbg\` transcript, left as a plain code block: ${String(error)}`, node)
      }
    })
    if (rendered > 0) tree.children.unshift(...assetNodes(settings))
  }
}

export default remarkWindbg
