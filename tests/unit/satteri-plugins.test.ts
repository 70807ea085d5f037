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
import { hasH1, singleH1Plugin, windbgPlugin } from '../../src/integrations/satteri-plugins.ts'
import { reference } from '../../src/lib/catalog.ts'

const options = { reference, bugcheckHref: (code: number) => `/bugchecks/0x${code.toString(16)}/`, stylesheet: '/t.css', script: '/t.js' }

describe('transcripts through Sätteri', () => {
  test('the same HTML as the unified plugin, the assets linked once before the first transcript', async () => {
    const [, , , loadMex, di] = fencesOf('seed-0x20.md')
    const markdown = `# Title\n\nSome prose.\n\n\`\`\`\n${loadMex?.value}\n\`\`\`\n\n\`\`\`\n${di?.value}\n\`\`\`\n`
    const plugin = await windbgPlugin(options)
    const { html } = await markdownToHtml(markdown, { mdastPlugins: [plugin], data: { astro: { frontmatter: { bugcheck: '0x20' }, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } } })
    const expected = String(await unified().use(remarkParse).use(remarkWindbg, options).use(remarkRehype).use(rehypeStringify).process(markdown))
    const figures = (text: string) => text.match(/<figure[\s\S]*?<\/figure>/g) ?? []
    expect(figures(html)).toHaveLength(2)
    expect(figures(html)).toEqual(figures(expected))
    expect(html.match(/<link rel="stylesheet" href="\/t.css">/g)).toHaveLength(1)
    expect(html.indexOf('<link')).toBeLessThan(html.indexOf('<figure'))
    expect(html).toContain('<p>Some prose.</p>')
  })

  test('a page without a fence, and fences that are no transcripts, stay as Sätteri writes them', async () => {
    const plugin = await windbgPlugin(options)
    for (const markdown of ['# Plain\n\nNo code here.\n', '```c\nint main() { return 0; }\n```\n']) {
      const plain = await markdownToHtml(markdown)
      expect((await markdownToHtml(markdown, { mdastPlugins: [plugin] })).html).toBe(plain.html)
    }
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
