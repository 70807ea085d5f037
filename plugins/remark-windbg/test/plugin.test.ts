import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { fencesOf } from './helpers.ts'
import { describe, expect, test } from 'vitest'
import remarkWindbg from '../index.ts'

const SEED_LINES = '4: kd> !di\nBugcheck: 20 (0, FFFF, 0, 1)' // two real lines of the seed's !di output

describe('remarkWindbg', () => {
  test('exposes the public API', async () => {
    const api = await import('../index.ts')
    expect(Object.keys(api).sort()).toEqual(
      [
        'createDocumentRenderer',
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
        'resolveHighlighter',
        'resolveOptions',
        'sharedWindbgHighlighter',
        'splitLines',
        'toHtml',
        'windbgLanguage',
        'writeHtml',
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

  test('with the reference, a transcript of any code explains its parameters without frontmatter', async () => {
    const { loadReference } = await import('bugcheck-reference/load')
    const reference = loadReference(new URL('../../../content/bugchecks/', import.meta.url).pathname)
    // Real output: Microsoft's 0x133 page (in test/fixtures/real), no frontmatter at all.
    const block = fencesOf('bug-check-0x133-dpc-watchdog-violation.md').find((fence) => fence.value.includes('Arg2: 0000000000000501'))!
    const html = String(await unified().use(remarkParse).use(remarkWindbg, { reference }).use(remarkRehype).use(rehypeStringify).process('```dbgcmd\n' + block.value + '\n```\n'))
    expect(html).toContain('<strong>0x133 DPC_WATCHDOG_VIOLATION</strong>')
    expect(html).toContain('The DPC watchdog fired')
    expect(html).toContain('<strong>Arg2 · DPC time count</strong>')
    expect(html).toContain('0x501: 1281 clock ticks')
    expect(html).toMatch(/Parameter 1 = 0x0: Time limit exceeded by a single DPC or ISR/)
  })

  test('rawHtml gives the same HTML as elements, for every real fence and session block', async () => {
    const { realFences, sessionFences } = await import('./helpers.ts')
    const elements = unified().use(remarkParse).use(remarkWindbg, { highlighter: undefined }).use(remarkRehype).use(rehypeStringify)
    const raw = unified().use(remarkParse).use(remarkWindbg, { rawHtml: true }).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true })
    for (const fence of [...realFences(), ...sessionFences()]) {
      const markdown = '`````windbg\n' + fence.value + '\n`````\n'
      expect(String(await raw.process(markdown)), `${fence.file} #${fence.index}`).toBe(String(await elements.process(markdown)))
    }
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
