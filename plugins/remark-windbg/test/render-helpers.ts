import type { Root as HastRoot } from 'hast'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import remarkWindbg, { type Options } from '../index.ts'

/** A tiny stand-in catalog: the plugin only needs names and page URLs, the site passes its own. */
const NAMES: Record<number, string> = {
  0x1e: 'KMODE_EXCEPTION_NOT_HANDLED',
  0x20: 'KERNEL_APC_PENDING_DURING_EXIT',
  0x9f: 'DRIVER_POWER_STATE_FAILURE',
}

export function testOptions(frontmatter?: unknown): Options {
  return {
    bugcheckName: (code) => NAMES[code],
    bugcheckHref: (code) => (NAMES[code] ? `/bugchecks/0x${code.toString(16)}/` : undefined),
    frontmatter: () => frontmatter,
    stylesheet: '/transcript.css',
    script: '/transcript.js',
  }
}

/** Markdown → HTML through the plain unified pipeline the plugin promises to work in. */
export async function renderHtml(markdown: string, options: Options = testOptions()): Promise<string> {
  const file = await unified().use(remarkParse).use(remarkWindbg, options).use(remarkRehype).use(rehypeStringify).process(markdown)
  return String(file)
}

/** Markdown → hast, for assertions on structure. */
export async function renderTree(markdown: string, options: Options = testOptions()): Promise<HastRoot> {
  const processor = unified().use(remarkParse).use(remarkWindbg, options).use(remarkRehype)
  return (await processor.run(processor.parse(markdown))) as HastRoot
}
