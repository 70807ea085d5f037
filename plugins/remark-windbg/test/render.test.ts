import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import { describe, expect, test } from 'vitest'
import { expandParameter, RESERVED_DESCRIPTION } from 'bugcheck-reference'
import { renderHtml, renderTree, testOptions } from './render-helpers.ts'

const RENDER_DIR = new URL('./fixtures/render/', import.meta.url)

function fixture(name: string): { input: string; frontmatter?: unknown } {
  const input = readFileSync(new URL(`${name}/input.md`, RENDER_DIR), 'utf8')
  const configUrl = new URL(`${name}/config.json`, RENDER_DIR)
  const config = existsSync(configUrl) ? (JSON.parse(readFileSync(configUrl, 'utf8')) as { frontmatter?: unknown }) : {}
  return { input, frontmatter: config.frontmatter }
}

const text = (node: Element | undefined) => (node ? toString(node) : '')

/** The transcript text a reader sees in the page, without the tooltip bodies. */
function sourceText(node: Element | undefined): string {
  if (!node) return ''
  const copy = structuredClone(node)
  for (const body of selectAll('.wd-tip-body', copy)) body.children = []
  return toString(copy)
}
const attr = (node: Element | undefined, name: string) => node?.properties[name]

describe('fixtures: input.md next to the expected output.html', () => {
  const cases = readdirSync(RENDER_DIR).filter((name) => !name.startsWith('.'))
  test.each(cases)('%s', async (name) => {
    const { input, frontmatter } = fixture(name)
    const html = await renderHtml(input, testOptions(frontmatter))
    const expectedUrl = new URL(`${name}/output.html`, RENDER_DIR)
    if (process.env['UPDATE'] || !existsSync(expectedUrl)) writeFileSync(expectedUrl, html)
    expect(html).toBe(readFileSync(expectedUrl, 'utf8'))
  })
})

describe('the seed transcripts (real)', async () => {
  const { input, frontmatter } = fixture('seed-0x20')
  const tree = await renderTree(input, testOptions(frontmatter))
  const figures = selectAll('figure.wd-transcript', tree)

  test('each fence is one transcript with one step, and the assets are linked once', () => {
    expect(figures).toHaveLength(3)
    expect(selectAll('.wd-step', tree)).toHaveLength(3)
    expect(selectAll('link[rel=stylesheet]', tree).map((link) => attr(link, 'href'))).toEqual(['/transcript.css'])
    expect(selectAll('script', tree).map((script) => attr(script, 'src'))).toEqual(['/transcript.js'])
  })

  test('prompt, command and line count in the summary; short output open, long output folded', () => {
    const summaries = selectAll('summary', tree).map((summary) => ({
      prompt: text(select('.wd-prompt', summary)),
      command: text(select('.wd-cmd', summary)),
      count: text(select('.wd-count', summary)),
    }))
    expect(summaries).toEqual([
      { prompt: '2: kd>', command: '.load mex', count: '1 line' },
      { prompt: '4: kd>', command: '!di', count: '13 lines' },
      { prompt: '4: kd>', command: '!analyze -v', count: '268 lines' },
    ])
    expect(selectAll('details', tree).map((details) => attr(details, 'open'))).toEqual([true, true, false])
  })

  test('every step has an id derived from its command, linked from its anchor', () => {
    expect(selectAll('.wd-output', tree).map((output) => attr(output, 'id'))).toEqual(['wd-load-mex', 'wd-di', 'wd-analyze-v'])
    expect(selectAll('.wd-anchor', tree).map((anchor) => attr(anchor, 'href'))).toEqual(['#wd-load-mex', '#wd-di', '#wd-analyze-v'])
  })

  test('the copy button carries the command only, never the output', () => {
    expect(selectAll('.wd-copy', tree).map((button) => attr(button, 'dataCopy'))).toEqual(['.load mex', '!di', '!analyze -v'])
  })

  test('output is kept verbatim', () => {
    const output = sourceText(select('#wd-analyze-v', tree))
    expect(output).toContain('KERNEL_APC_PENDING_DURING_EXIT (20)')
    expect(output).toContain('FAILURE_BUCKET_ID:  0x20_NULLAPC_KAPC_NEGATIVE_nt!PspExitThread')
    expect(output.split('\n')).toHaveLength(268 + 1)
  })

  test('parameter values get tooltips with meaning and decoded value', () => {
    const tips = selectAll('#wd-analyze-v .wd-tip', tree)
    const arg2 = tips.find((tip) => text(select('button', tip)) === '000000000000ffff')
    expect(arg2).toBeDefined()
    const body = select('.wd-tip-body', arg2!)!
    expect(attr(body, 'role')).toBe('tooltip')
    expect(attr(select('button', arg2!), 'ariaDescribedBy')).toEqual([attr(body, 'id')])
    expect(text(body)).toContain('Arg2 · APC disable count')
    expect(text(body)).toContain('0xffff: -1 as a signed 16-bit value')
    expect(text(body)).toContain('One disable too many.')
    const irql = tips.find((tip) => text(select('.wd-tip-body', tip)).startsWith('Arg3'))
    expect(text(select('.wd-tip-body', irql!))).toContain('IRQL 0 (')
    const pointer = tips.find((tip) => text(select('.wd-tip-body', tip)).startsWith('Arg1'))
    expect(text(select('.wd-tip-body', pointer!))).toContain('NULL pointer')
  })

  test('a reserved parameter says so once: the reference’s own description, no second line', async () => {
    // Synthetic: a made-up entry and a two-line transcript, to hold the tooltip's wording.
    const reference = [
      {
        code: '0x20', number: 0x20, name: 'KERNEL_APC_PENDING_DURING_EXIT', summary: 'Synthetic summary.', url: '/bugchecks/0x20/',
        learnUrl: 'https://learn.microsoft.com/', sameAs: null, parameterCount: 2, subtypes: [], notes: [],
        parameters: [
          { index: 1 as const, name: 'APC address', description: 'Synthetic description.', decode: 'pointer' as const },
          expandParameter(2, 'reserved'),
        ],
      },
    ]
    const tree = await renderTree('```windbg\n0: kd> .bugcheck\nBugcheck code 00000020\nArguments 00000000`00000000 00000000`00000005 00000000`00000000 00000000`00000000\n```\n', { ...testOptions(), reference })
    const arg2 = selectAll('.wd-tip-body', tree).map(text).find((body) => body.startsWith('Arg2'))
    expect(arg2).toBe(`Arg2 · Reserved${RESERVED_DESCRIPTION}0x5`)
  })

  test('code in the reference’s sentences shows as code in the tooltip, the rest as text', async () => {
    // Synthetic: a made-up entry whose description names a structure and a command.
    const reference = [
      {
        code: '0x20', number: 0x20, name: 'KERNEL_APC_PENDING_DURING_EXIT', summary: 'Synthetic summary with `!apc`.', url: '/bugchecks/0x20/',
        learnUrl: 'https://learn.microsoft.com/', sameAs: null, parameterCount: 1, subtypes: [], notes: [],
        parameters: [{ index: 1 as const, name: 'APC address', description: 'An `nt!_KAPC`; `dt nt!_KAPC` on it, and <b>no</b> markup.', decode: 'hex' as const }],
      },
    ]
    const tree = await renderTree('```windbg\n0: kd> .bugcheck\nBugcheck code 00000020\nArguments 00000000`00000000 00000000`00000005 00000000`00000000 00000000`00000000\n```\n', { ...testOptions(), reference })
    const arg1 = selectAll('.wd-tip-body', tree).find((body) => text(body).startsWith('Arg1'))!
    expect(selectAll('code', arg1).map(text)).toEqual(['nt!_KAPC', 'dt nt!_KAPC'])
    expect(text(arg1)).toContain('An nt!_KAPC; dt nt!_KAPC on it, and <b>no</b> markup.')
    expect(selectAll('b', arg1)).toHaveLength(0)
    const codeTip = selectAll('.wd-tip-body', tree).find((body) => text(body).startsWith('0x20'))!
    expect(selectAll('code', codeTip).map(text)).toEqual(['!apc'])
  })

  test('every format of the same parameters is marked: Arg lines, BUGCHECK_Pn, !di', () => {
    const valuesOf = (selector: string) => selectAll(`${selector} .wd-param`, tree).map((button) => text(button))
    expect(valuesOf('#wd-analyze-v')).toEqual(['0000000000000000', '000000000000ffff', '0000000000000000', '0000000000000001', '0', 'ffff', '0', '1'])
    expect(valuesOf('#wd-di')).toEqual(['0', 'FFFF', '0', '1'])
  })

  test('the bugcheck code links to its catalog page, from the title, BUGCHECK_CODE and Key/Value lines', () => {
    const links = selectAll('#wd-analyze-v a.wd-code', tree)
    expect(links.map((link) => [text(link), attr(link, 'href')])).toEqual([
      ['20', '/bugchecks/0x20/'],
      ['0x20', '/bugchecks/0x20/'],
      ['0x20', '/bugchecks/0x20/'],
      ['20', '/bugchecks/0x20/'],
    ])
    expect(text(select('#wd-analyze-v a.wd-code + .wd-tip-body', tree))).toContain('KERNEL_APC_PENDING_DURING_EXIT')
  })

  test('a stack frame of nt!KeBugCheckEx gets no tooltip', () => {
    const stackLine = sourceText(select('#wd-analyze-v', tree))
      .split('\n')
      .find((line) => line.includes('nt!KeBugCheckEx'))
    expect(stackLine).toBeDefined()
    const tipsInStack = selectAll('#wd-analyze-v .wd-tip', tree).filter((tip) => stackLine!.includes(text(select('button, a', tip))) && text(select('button, a', tip)).includes('`'))
    expect(tipsInStack).toEqual([])
  })

  test('commands have a toggletip with a description and a documentation link', () => {
    const help = select('.wd-step:has(#wd-analyze-v) .wd-help', tree)!
    const popover = select(`#${String(attr(help, 'popoverTarget'))}`, tree)!
    expect(attr(popover, 'popover')).toBe('auto')
    expect(text(popover)).toContain('!analyze')
    expect(String(attr(select('a', popover), 'href'))).toMatch(/^https:\/\/learn\.microsoft\.com\//)
  })

  test('UI text and tooltip bodies are kept out of the search index', () => {
    for (const node of selectAll('.wd-count, .wd-tip-body, .wd-actions, .wd-meta', tree)) {
      expect(node.properties['dataPagefindIgnore']).toBe('')
    }
  })
})

describe('real Microsoft docs transcripts', async () => {
  const notes = await renderTree(fixture('ms-docs-notes-and-prompts').input)

  test('an author note after a command is shown beside it, not as part of the command', () => {
    const heads = selectAll('figure:first-of-type .wd-head', notes).map((head) => [text(select('.wd-cmd', head)), text(select('.wd-aside', head))])
    expect(heads[0]).toEqual(['.bugcheck', 'get the bug check data'])
    expect(heads[2]).toEqual(['dd fe40caf8 L2', 'dump EXCEPTION_POINTERS structure'])
  })

  test('x86, 0:kd> and system:process:thread prompts, and a bare prompt', () => {
    const prompts = selectAll('.wd-prompt', notes).map((prompt) => text(prompt))
    expect(prompts).toEqual(expect.arrayContaining(['0:000:x86>', '0:001>', '0:kd>', '3:2:005>']))
    const bare = select('.wd-cmd--bare', notes)
    expect(bare).toBeDefined()
  })

  test('the .bugcheck reply is decoded: code 0x1E linked, c0000005 read as an NTSTATUS only where declared', () => {
    expect(selectAll('a.wd-code', notes).map((link) => attr(link, 'href'))).toEqual(['/bugchecks/0x1e/'])
    const first = text(select('.wd-param + .wd-tip-body', notes))
    expect(first).toContain('Arg1')
    expect(first).toContain('0xc0000005')
  })

  const subtypes = fixture('ms-docs-subtypes')
  const tree = await renderTree(subtypes.input, testOptions(subtypes.frontmatter))

  test('parameter 1 selects the meaning of parameters 2-4 (0x9F, subtypes 3 and 4)', () => {
    const bodies = selectAll('.wd-param + .wd-tip-body', tree).map((body) => text(body))
    const subtype3 = bodies.filter((body) => body.includes('Parameter 1 = 0x3'))
    expect(subtype3.some((body) => body.startsWith('Arg2 · PDO'))).toBe(true)
    expect(subtype3.some((body) => body.startsWith('Arg4 · Blocked IRP'))).toBe(true)
    // Arg3 has no subtype entry: the general definition applies.
    expect(bodies.some((body) => body.startsWith('Arg3 · Parameter 3'))).toBe(true)
    const timeout = bodies.find((body) => body.startsWith('Arg2 · Timeout'))
    expect(timeout).toContain('0x258: 600 in decimal')
    expect(timeout).toContain('Parameter 1 = 0x4: The power transition timed out')
  })

  test('an indented transcript and a dbgcmd banner without prompt are both rendered', () => {
    expect(selectAll('figure.wd-transcript', tree)).toHaveLength(3)
    expect(selectAll('.wd-preamble', tree)).toHaveLength(1)
    expect(text(select('.wd-preamble a.wd-code', tree))).toBe('9F')
  })
})

describe('fences that are not transcripts', () => {
  test('are left exactly as remark-rehype renders them without the plugin', async () => {
    const { input } = fixture('untouched-fences')
    const withPlugin = await renderHtml(input)
    const { unified } = await import('unified')
    const { default: remarkParse } = await import('remark-parse')
    const { default: remarkRehype } = await import('remark-rehype')
    const { default: rehypeStringify } = await import('rehype-stringify')
    const without = String(await unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).process(input))
    expect(withPlugin).toBe(without)
    expect(withPlugin).not.toContain('wd-')
  })
})

describe('annotations (synthetic)', async () => {
  const tree = await renderTree(fixture('synthetic-annotations').input)

  test('title, forced open and closed steps, fold threshold', () => {
    expect(text(select('.wd-title', tree))).toBe('Dump information, annotated')
    expect(attr(select('figure', tree), 'ariaLabel')).toBe('Dump information, annotated')
    // Step 1 has 4 lines (> fold=2) but open=1; step 2 is forced closed.
    expect(selectAll('details', tree).map((details) => attr(details, 'open'))).toEqual([true, false])
  })

  test('$$ lines become notes, not output; a $$ step is a note between steps', () => {
    const notes = selectAll('.wd-note', tree).map((note) => text(note))
    expect(notes).toEqual(['The build matters: symbols must match 22621.', 'Now the bugcheck itself'])
    expect(text(select('#wd-di', tree))).not.toContain('$$')
    expect(selectAll('.wd-step', tree)).toHaveLength(3)
  })

  test('a trailing $$ comment is the step note, and the copy button copies the command alone', () => {
    const last = selectAll('.wd-step', tree).at(-1)!
    expect(text(select('.wd-aside', last))).toBe('the exiting thread')
    expect(attr(select('.wd-copy', last), 'dataCopy')).toBe('kb')
  })

  test('marked text and marked lines', () => {
    expect(selectAll('mark.wd-mark', tree).map((mark) => text(mark))).toEqual(['PsLoadedModuleList'])
    expect(selectAll('.wd-hl', tree).map((line) => text(line))).toEqual(['Windows 10 Kernel Version 22621 MP (6 procs) Free x64'])
  })

  test('meta it does not understand is reported, not fatal', async () => {
    const { VFile } = await import('vfile')
    const { unified } = await import('unified')
    const { default: remarkParse } = await import('remark-parse')
    const { default: remarkWindbg } = await import('../index.ts')
    const file = new VFile('```windbg colour=red\nkd> k\n```\n')
    const processor = unified().use(remarkParse).use(remarkWindbg)
    await processor.run(processor.parse(file), file)
    expect(file.messages.map((message) => message.reason)).toEqual([
      'Unexpected `colour=red` in `windbg` fence meta, expected `title`, `open`, `closed`, `mark`, `lines` or `fold`',
    ])
  })
})

describe('edge cases (synthetic)', async () => {
  const { input } = fixture('synthetic-edge-cases')
  const html = await renderHtml(input)
  const tree = await renderTree(input)

  test('CRLF input splits into the same steps as LF', () => {
    expect(selectAll('.wd-prompt', tree).map((prompt) => text(prompt))).toEqual(['kd>', '0: kd>', '0:000>', '1: kd>'])
    expect(text(select('.wd-preamble', tree))).toBe('Output pasted before any prompt <b>bold?</b>\n')
  })

  test('markup in output, commands and the title stays text', () => {
    const parsed = fromHtml(html, { fragment: true })
    expect(selectAll('img, b', parsed)).toEqual([])
    expect(selectAll('script', parsed).map((script) => script.properties['src'])).toEqual(['/transcript.js'])
    expect(selectAll('*', parsed).flatMap((node) => Object.keys(node.properties).filter((name) => /^on/i.test(name)))).toEqual([])
    expect(text(select('.wd-title', parsed))).toBe('<script>alert(1)</script>')
    expect(text(selectAll('.wd-cmd', tree)[2])).toBe('!analyze -v" onmouseover="alert(1)')
  })

  test('tabs and non-ASCII survive; control characters are shown as their symbols', () => {
    const output = sourceText(select('#wd-dt-img-src-x-onerror-alert-1', tree))
    expect(output).toContain('\tField :\ttab\there')
    expect(output).toContain('naïve ✓ 日本語 — “quotes” ␁␂␡')
  })
})

describe('every real fence (the seed and Microsoft docs)', async () => {
  const { realFences } = await import('./helpers.ts')
  const { isWindbgFence } = await import('../src/detect.ts')
  const { resolveOptions } = await import('../src/options.ts')
  const settings = resolveOptions({})

  test.each(realFences().map((fence) => [`${fence.file} #${fence.index}`, fence] as const))('%s', async (_name, fence) => {
    const markdown = '```' + (fence.lang ?? '') + (fence.meta ? ` ${fence.meta}` : '') + '\n' + fence.value + '\n```\n'
    const tree = await renderTree(markdown)
    const figures = selectAll('figure.wd-transcript', tree)
    // A fence is rendered as a transcript exactly when the plugin's detection says so, and then
    // every prompt becomes a step and every line is still there.
    expect(figures).toHaveLength(isWindbgFence(fence, settings) ? 1 : 0)
    if (figures.length === 0) return
    const { parseTranscript } = await import('../parser.ts')
    const model = parseTranscript(fence.value)
    const steps = model.steps.filter((step) => !step.command.startsWith('$$'))
    expect(selectAll('.wd-step', tree)).toHaveLength(steps.length)
    const shown = sourceText(figures[0])
    const { matchPrompt } = await import('../parser.ts')
    for (const line of fence.value.split('\n')) {
      // A glued prompt (`kd>!analyze -v`) is shown with a space after it.
      const prompt = matchPrompt(line)
      const spaced = prompt ? `${prompt.prompt} ${prompt.rest}` : line
      for (const word of spaced.split(/\s+/).filter(Boolean)) expect(shown).toContain(word)
    }
  })
})
