// Budget: a transcript's HTML stays under 4× its source, both gzipped (issue "Performance").
// Measured on the seed article's real transcripts, rendered with options like the site's:
// parameter docs from frontmatter and bugcheck names make the tooltips a reader gets.
import { gzipSync } from 'node:zlib'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import remarkWindbg, { isTranscript } from '../index.ts'
import { fencesOf } from './helpers.ts'

const BUDGET = 4

// Each transcript carries fixed chrome (its header and buttons, a command's help popover), about
// 600 bytes gzipped, that a two-line transcript cannot amortise; the budget is about how HTML
// grows with the transcript, so it holds for each transcript from this size and for all together.
const MIN_SOURCE_BYTES = 512

// Written for this test: what an article about 0x20 would declare.
const frontmatter = {
  bugcheck: '0x20',
  parameters: [
    { name: 'APC address', description: 'The APC still pending at thread exit.', decode: 'pointer' },
    { name: 'APC disable count', description: 'Kernel APC disable count of the exiting thread; zero when all is well.', decode: 'signed', bits: 16 },
    { name: 'IRQL', description: 'IRQL when the thread exited.', decode: 'irql' },
    { name: 'Reserved', description: 'Not used.' },
  ],
}

const pipeline = unified()
  .use(remarkParse)
  .use(remarkWindbg, {
    bugcheckName: (code: number) => (code === 0x20 ? 'KERNEL_APC_PENDING_DURING_EXIT' : undefined),
    bugcheckHref: (code: number) => `/bugchecks/0x${code.toString(16)}/`,
    frontmatter: () => frontmatter,
    className: ['not-content'],
  })
  .use(remarkRehype)
  .use(rehypeStringify)
  .freeze()

/** The fence as the article has it (seed transcripts are untagged), longer than any backtick run inside. */
function markdown(lang: string | null | undefined, value: string): string {
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((match) => match[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}${lang ?? ''}\n${value}\n${fence}\n`
}

const gzipped = (text: string) => gzipSync(text).length

const transcripts = fencesOf('seed-0x20.md').filter((fence) => isTranscript(fence.value))

describe('transcript HTML budget (gzip of the HTML / gzip of the fence text)', async () => {
  const rendered = await Promise.all(
    transcripts.map(async (fence) => ({ fence, html: String(await pipeline.process(markdown(fence.lang, fence.value))) })),
  )

  it('renders the seed transcripts as transcripts', () => {
    expect(rendered.length).toBeGreaterThanOrEqual(3)
    for (const { html } of rendered) expect(html).toContain('wd-transcript')
  })

  for (const { fence, html } of rendered) {
    const source = Buffer.byteLength(fence.value)
    const factor = gzipped(html) / gzipped(fence.value)
    it.runIf(source >= MIN_SOURCE_BYTES)(`seed fence ${fence.index} (${source} bytes): ${factor.toFixed(2)}× < ${BUDGET}×`, () => {
      expect(factor).toBeLessThan(BUDGET)
    })
  }

  it(`all seed transcripts together stay under ${BUDGET}×`, () => {
    const html = rendered.reduce((total, { html }) => total + gzipped(html), 0)
    const text = rendered.reduce((total, { fence }) => total + gzipped(fence.value), 0)
    expect(html / text).toBeLessThan(BUDGET)
  })
})
