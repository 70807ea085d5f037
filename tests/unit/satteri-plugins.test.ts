// The site's Sätteri plugins, run through Sätteri itself: transcripts become the same HTML the
// unified plugin makes, pages without a fence are left alone, and a body `#` heading demotes
// every heading.
import { markdownToHtml } from 'satteri'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { describe, expect, test } from 'vitest'
import remarkWindbg from 'remark-windbg'
import { fencesOf } from '../../plugins/remark-windbg/test/helpers.ts'
import { satteri } from '@astrojs/markdown-satteri'
import { createTranscriptEngine, hasH1, singleH1Plugin, withTranscripts } from '../../src/integrations/satteri-plugins.ts'
import { reference } from '../../src/lib/catalog.ts'

const options = { reference, bugcheckHref: (code: number) => `/bugchecks/0x${code.toString(16)}/`, stylesheet: '/t.css', script: '/t.js' }

describe('transcripts through Sätteri', () => {
  test('the same HTML as the unified plugin, the assets linked once before the first transcript', async () => {
    const [, , , loadMex, di] = fencesOf('seed-0x20.md')
    const markdown = `# Title\n\nSome prose.\n\n\`\`\`\n${loadMex?.value}\n\`\`\`\n\n\`\`\`\n${di?.value}\n\`\`\`\n`
    const engine = await createTranscriptEngine(options)
    const rendered = await markdownToHtml(markdown, { mdastPlugins: [engine.plugin], data: { astro: { frontmatter: { bugcheck: '0x20' }, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } } })
    const html = engine.fill(rendered.html)
    const expected = String(await unified().use(remarkParse).use(remarkWindbg, options).use(remarkRehype).use(rehypeStringify).process(markdown))
    const figures = (text: string) => text.match(/<figure[\s\S]*?<\/figure>/g) ?? []
    expect(figures(html)).toHaveLength(2)
    expect(figures(html)).toEqual(figures(expected))
    expect(html.match(/<link rel="stylesheet" href="\/t.css">/g)).toHaveLength(1)
    expect(html.indexOf('<link')).toBeLessThan(html.indexOf('<figure'))
    expect(html).toContain('<p>Some prose.</p>')
  })

  test('a page without a fence, and fences that are no transcripts, stay as Sätteri writes them', async () => {
    const engine = await createTranscriptEngine(options)
    for (const markdown of ['# Plain\n\nNo code here.\n', '```c\nint main() { return 0; }\n```\n']) {
      const plain = await markdownToHtml(markdown)
      expect(engine.fill((await markdownToHtml(markdown, { mdastPlugins: [engine.plugin] })).html)).toBe(plain.html)
    }
  })
})

describe('transcripts filled in after Sätteri', () => {
  test('through the processor Astro uses: the page gets the transcript, Starlight’s options stay shared', async () => {
    const [, , , loadMex] = fencesOf('seed-0x20.md')
    const engine = await createTranscriptEngine(options)
    const base = satteri({ mdastPlugins: [engine.plugin] })
    const processor = withTranscripts(base, engine)
    expect(processor.options).toBe(base.options)
    expect(processor.name).toBe('satteri')
    const renderer = await processor.createRenderer({})
    const { code } = await renderer.render(`Prose.\n\n\`\`\`\n${loadMex?.value}\n\`\`\`\n`)
    expect(code).toMatch(/^<p>Prose.<\/p>\n<link[^>]*>[\s\S]*<figure class="wd-transcript/)
    expect(code).not.toContain('windbg-transcript:')
  })

  test('in MDX, which compiles to a module and has no page to fill, the HTML goes in place', async () => {
    const engine = await createTranscriptEngine(options)
    const source = '```windbg\n4: kd> !di\nBugcheck: 20 (0, FFFF, 0, 1)\n```\n'
    const replaced: string[] = []
    for (const sourceFormat of ['mdx', 'markdown'] as const) {
      const factory = engine.plugin as unknown as (context: object) => { code(node: object, ctx: object): void }
      const instance = factory({ sourceFormat, source, data: { astro: { frontmatter: {} } }, fileURL: undefined })
      instance.code({ lang: 'windbg', meta: null, value: source.split('\n').slice(1, 3).join('\n') }, { replaceNode: (_node: unknown, replacement: { value: string }) => replaced.push(replacement.value), setProperty() {} })
    }
    expect(replaced[0]).toMatch(/<figure class="wd-transcript[\s\S]*<\/figure>$/)
    expect(replaced[1]).toMatch(/^<!--windbg-transcript:[0-9a-f]{16}:\d+-->$/)
    expect(engine.fill(replaced[1] as string)).toBe(replaced[0])
  })

  test('a placeholder written in an article stays a comment: the key is the engine’s own', async () => {
    const engine = await createTranscriptEngine(options)
    const forged = '<!--windbg-transcript:0000000000000000:1-->'
    await markdownToHtml('```windbg\n0: kd> k\n```\n', { mdastPlugins: [engine.plugin] })
    const { html } = await markdownToHtml(`${forged}\n`, { mdastPlugins: [engine.plugin] })
    expect(engine.fill(html)).toContain(forged)
  })
})

describe('one h1 per page', () => {
  test('a body `#` demotes every heading; without one, nothing moves', async () => {
    const demoted = await markdownToHtml('# Section\n\n## Sub\n', { mdastPlugins: [singleH1Plugin] })
    expect(demoted.html).toBe('<h2>Section</h2>\n<h3>Sub</h3>\n')
    const kept = await markdownToHtml('## Section\n\n```sh\n# a shell comment\n```\n', { mdastPlugins: [singleH1Plugin] })
    expect(kept.html).toContain('<h2>Section</h2>')
  })

  test('hasH1 reads headings outside fences only', () => {
    expect(hasH1('# Title')).toBe(true)
    expect(hasH1('Title\n=====\n')).toBe(true)
    expect(hasH1('```\n# not a heading\n```\n## Real\n')).toBe(false)
    expect(hasH1('#include <ntifs.h>')).toBe(false)
  })
})
