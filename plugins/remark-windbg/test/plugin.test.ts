import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { describe, expect, test } from 'vitest'
import remarkWindbg from '../index.ts'

const SEED_LINES = '4: kd> !di\nBugcheck: 20 (0, FFFF, 0, 1)' // two real lines of the seed's !di output

describe('remarkWindbg', () => {
  test('exposes the public API', async () => {
    const api = await import('../index.ts')
    expect(Object.keys(api).sort()).toEqual(
      [
        'createWindbgHighlighter',
        'decodeValue',
        'default',
        'describeParameter',
        'findBugcheck',
        'findBugchecks',
        'findParameterMarks',
        'groupFindings',
        'guessArchitecture',
        'isTranscript',
        'isWindbgFence',
        'lookupCommand',
        'matchPrompt',
        'normaliseHex',
        'parseMeta',
        'parseTranscript',
        'plainHighlighter',
        'renderTranscript',
        'resolveOptions',
        'splitLines',
        'windbgLanguage',
      ].sort(),
    )
    expect(typeof api.default).toBe('function')
  })

  test('works in a plain unified pipeline, without options', async () => {
    const html = String(
      await unified().use(remarkParse).use(remarkWindbg).use(remarkRehype).use(rehypeStringify).process('```\n' + SEED_LINES + '\n```\n'),
    )
    expect(html).toMatch(/^<figure class="wd-transcript"/)
    expect(html).toContain('<span class="wd-t-command">!di</span>')
    // No catalog given: the code is a tooltip button, not a link, and no assets are linked.
    expect(html).not.toContain('<a class="wd-code"')
    expect(html).not.toContain('<link')
  })

  test('accepts null options', async () => {
    const processor = unified().use(remarkParse).use(remarkWindbg, null).use(remarkRehype).use(rehypeStringify)
    await expect(processor.process('text')).resolves.toBeDefined()
  })

  test('highlighter: false renders plain text', async () => {
    const html = String(
      await unified()
        .use(remarkParse)
        .use(remarkWindbg, { highlighter: false })
        .use(remarkRehype)
        .use(rehypeStringify)
        .process('```windbg\n' + SEED_LINES + '\n```\n'),
    )
    expect(html).not.toContain('wd-t-')
    expect(html).toContain('<code class="wd-cmd">!di</code>')
  })

  test('bad options fail when the plugin is attached, naming the option and what it expects', () => {
    const attach = (options: unknown) => () =>
      unified()
        .use(remarkParse)
        .use(remarkWindbg, options as never)
        .freeze()
    expect(attach({ foldAbove: -1 })).toThrow('Unexpected `foldAbove` option for `remark-windbg`: expected a whole number of lines, got -1')
    expect(attach({ languages: 'windbg' })).toThrow('Unexpected `languages` option for `remark-windbg`: expected an array of strings')
    expect(attach({ bugcheckHref: '/x/' })).toThrow('expected a function')
  })

  test('languages and detectIn decide which fences are transcripts', async () => {
    const render = (markdown: string, options = {}) =>
      unified().use(remarkParse).use(remarkWindbg, options).use(remarkRehype).use(rehypeStringify).process(markdown).then(String)
    expect(await render('```kd\nk\n```')).toContain('wd-transcript')
    expect(await render('```kd\nk\n```', { languages: ['windbg'] })).not.toContain('wd-transcript')
    expect(await render('```\n' + SEED_LINES + '\n```', { detectUntagged: false })).not.toContain('wd-transcript')
    expect(await render('```dbgcmd\n' + SEED_LINES + '\n```')).toContain('wd-transcript')
    expect(await render('```dbgcmd\n' + SEED_LINES + '\n```', { detectIn: [] })).not.toContain('wd-transcript')
  })
})
