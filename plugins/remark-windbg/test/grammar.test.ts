import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createHighlighterCore, type HighlighterCore, type RegexEngine } from 'shiki/core'
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript'
import { createOnigurumaEngine } from 'shiki/engine/oniguruma'
import githubDark from 'shiki/themes/github-dark.mjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { WINDBG_SCOPES, windbgLanguage, type WindbgTokenKind } from '../src/grammar/index.ts'

// Lines quoted below come from the seed article and Microsoft's windows-driver-docs (CC BY 4.0),
// the same sources as src/grammar/windbg.sample. Lines marked "shape" are not debugger output:
// they are the smallest text with a prompt or message shape that no quoted transcript contains.

/** One TextMate token: its scopes below `source.windbg`, joined by spaces (`''` when plain). */
interface Piece {
  scope: string
  text: string
}

// Any theme will do: only the scopes in the explanation are read.
const THEME = 'github-dark'
const SAMPLE_URL = new URL('../src/grammar/windbg.sample', import.meta.url)
const EXPECTED_URL = new URL('./grammar/windbg.sample.tokens.txt', import.meta.url)

const KIND_OF_SCOPE = new Map<string, WindbgTokenKind>(
  Object.entries(WINDBG_SCOPES).map(([kind, scope]) => [scope, kind as WindbgTokenKind]),
)

function tokenize(highlighter: HighlighterCore, code: string, lang = 'windbg'): Piece[][] {
  const { tokens } = highlighter.codeToTokens(code, {
    lang,
    theme: THEME,
    includeExplanation: 'scopeName',
  })
  return tokens.map((line) =>
    line.flatMap((token) =>
      (token.explanation ?? []).map((part) => ({
        scope: part.scopes
          .map((scope) => scope.scopeName)
          .filter((name) => name !== 'source.windbg')
          .join(' '),
        text: part.content,
      })),
    ),
  )
}

/** The scoped pieces of one line as `[kind, text]`, plain text left out, for readable expectations. */
function scoped(highlighter: HighlighterCore, line: string): Array<[string, string]> {
  const [pieces = []] = tokenize(highlighter, line)
  return pieces
    .filter((piece) => piece.scope !== '')
    .map((piece) => [KIND_OF_SCOPE.get(piece.scope) ?? piece.scope, piece.text])
}

// Tabs, trailing blanks and control characters stay visible and unambiguous when quoted.
function serialize(lines: Piece[][]): string {
  return lines
    .map((pieces) => pieces.map((p) => `${p.scope || 'source.windbg'}\t${JSON.stringify(p.text)}\n`).join('') + '\n')
    .join('')
}

function rulesOf(rule: unknown, into: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (!rule || typeof rule !== 'object') return into
  const record = rule as Record<string, unknown>
  into.push(record)
  for (const key of ['patterns', 'captures', 'repository']) {
    const child = record[key]
    if (Array.isArray(child)) for (const item of child) rulesOf(item, into)
    else if (child && typeof child === 'object') for (const item of Object.values(child)) rulesOf(item, into)
  }
  return into
}

function highlighterWith(engine: RegexEngine | Promise<RegexEngine>): Promise<HighlighterCore> {
  return createHighlighterCore({ langs: [windbgLanguage], themes: [githubDark], engine })
}

const engines = [
  { name: 'oniguruma', create: () => highlighterWith(createOnigurumaEngine(import('shiki/wasm'))) },
  { name: 'javascript', create: () => highlighterWith(createJavaScriptRegexEngine()) },
]

describe('windbg grammar file', () => {
  const rules = rulesOf({ patterns: windbgLanguage.patterns, repository: windbgLanguage.repository })

  test('registers as windbg with the kd and dbgeng aliases', () => {
    expect(windbgLanguage.name).toBe('windbg')
    expect(windbgLanguage.scopeName).toBe('source.windbg')
    expect(windbgLanguage.aliases).toEqual(['kd', 'dbgeng'])
  })

  test('uses only single-line match rules, so no scope can run across lines', () => {
    for (const rule of rules) {
      expect(rule).not.toHaveProperty('begin')
      expect(rule).not.toHaveProperty('end')
      expect(rule).not.toHaveProperty('while')
    }
  })

  test('names only the exported scopes', () => {
    const names = new Set(rules.map((rule) => rule['name']).filter((name) => typeof name === 'string'))
    expect([...names].filter((name) => !KIND_OF_SCOPE.has(name as string))).toEqual([])
  })

  test('includes every repository rule somewhere and includes nothing missing', () => {
    const repository = Object.keys(windbgLanguage.repository)
    const included = new Set(
      rules.map((rule) => rule['include']).filter((include): include is string => typeof include === 'string'),
    )
    expect([...included].filter((include) => !repository.includes(include.slice(1)))).toEqual([])
    expect(repository.filter((key) => !included.has(`#${key}`))).toEqual([])
  })
})

describe.each(engines)('windbg grammar with the $name engine', ({ create }) => {
  let highlighter: HighlighterCore

  beforeAll(async () => {
    highlighter = await create()
  })

  afterAll(() => {
    highlighter?.dispose()
  })

  test.each(['kd', 'dbgeng'])('answers to the %s alias', (alias) => {
    const [pieces = []] = tokenize(highlighter, '4: kd> !analyze -v', alias)
    expect(pieces[0]).toEqual({ scope: WINDBG_SCOPES.prompt, text: '4: kd>' })
  })

  describe('prompt and command', () => {
    test.each<[string, Array<[string, string]>]>([
      ['4: kd> !analyze -v', [['prompt', '4: kd>'], ['command', '!analyze'], ['option', '-v']]],
      ['kd>!analyze -v', [['prompt', 'kd>'], ['command', '!analyze'], ['option', '-v']]],
      ['2: kd> .load mex', [['prompt', '2: kd>'], ['command', '.load']]],
      [
        '    0: kd> dt nt!_TRIAGE_9F_POWER fffff8000386c3d8',
        [['prompt', '0: kd>'], ['command', 'dt'], ['symbol', 'nt!_TRIAGE_9F_POWER'], ['address', 'fffff8000386c3d8']],
      ],
      ['lkd> dds f50bea74', [['prompt', 'lkd>'], ['command', 'dds'], ['address', 'f50bea74']]],
      ['0:kd> !deadlock 1', [['prompt', '0:kd>'], ['command', '!deadlock'], ['number', '1']]],
      ['0:000> !ntsdexts.heap -a', [['prompt', '0:000>'], ['command', '!ntsdexts.heap'], ['option', '-a']]],
      [
        '0:000:x86> x /0 MyApp!Add*',
        [['prompt', '0:000:x86>'], ['command', 'x'], ['option', '/0'], ['symbol', 'MyApp!Add*']],
      ],
      ['3:2:005> ||', [['prompt', '3:2:005>'], ['command', '||']]],
      ['3:2:005> ||2', [['prompt', '3:2:005>'], ['command', '||'], ['number', '2']]],
      ['1:0:011> !heap -l', [['prompt', '1:0:011>'], ['command', '!heap'], ['option', '-l']]],
      [
        '0:001>!heap -flt s 0x50',
        [['prompt', '0:001>'], ['command', '!heap'], ['option', '-flt'], ['number', '0x50']],
      ],
      [
        '0:000> x /f /v notepad!*main*',
        [['prompt', '0:000>'], ['command', 'x'], ['option', '/f'], ['option', '/v'], ['symbol', 'notepad!*main*']],
      ],
      [
        '0:001>  x Fabric!Common::ConfigEntry*TimeSpan?',
        [['prompt', '0:001>'], ['command', 'x'], ['symbol', 'Fabric!Common::ConfigEntry*TimeSpan?']],
      ],
      ['3: kd> lmvm atikmpag', [['prompt', '3: kd>'], ['command', 'lmvm']]],
      ['kd> dd 808A7B0C-4 l4', [['prompt', 'kd>'], ['command', 'dd'], ['address', '808A7B0C'], ['number', '4']]],
      ['0:001>', [['prompt', '0:001>']]],
      // shape: the system:process:thread prompt with the `||` system prefix
      ['||1:1:017>', [['prompt', '||1:1:017>']]],
    ])('%j', (line, expected) => {
      expect(scoped(highlighter, line)).toEqual(expected)
    })

    test.each([
      // shapes the README lists as not being prompts
      'windbg> k',
      '***> k',
      '-> k',
      // real output lines that start with `>`
      '    >[IRP_MJ_POWER(16), IRP_MN_SET_POWER(2)]',
      '    > fffffa8007b13440  \\Driver\\usbhub     fffffa8007b13590  Cannot read info offset from nt!ObpInfoMaskToOffset',
    ])('no prompt in %j', (line) => {
      const kinds = scoped(highlighter, line).map(([kind]) => kind)
      expect(kinds).not.toContain('prompt')
      expect(kinds).not.toContain('command')
    })

    test('commands after `;` (shape)', () => {
      expect(scoped(highlighter, 'kd> .cxr; .ecxr ; kb')).toEqual([
        ['prompt', 'kd>'],
        ['command', '.cxr'],
        ['command', '.ecxr'],
        ['command', 'kb'],
      ])
    })

    test('`;` in output is not a command separator', () => {
      expect(scoped(highlighter, 'STACK_COMMAND:  .cxr; .ecxr ; kb')).toEqual([['key', 'STACK_COMMAND:']])
    })
  })

  describe('comments', () => {
    test('`$$` at the start of a line', () => {
      const line = '$$ Sample assembled from real transcripts (seed article and Microsoft windows-driver-docs, CC BY 4.0)'
      expect(scoped(highlighter, line)).toEqual([['comment', line]])
    })

    test('`$$` after a command (shape)', () => {
      expect(scoped(highlighter, 'kd> kb $$ start with a stack trace')).toEqual([
        ['prompt', 'kd>'],
        ['command', 'kb'],
        ['comment', '$$ start with a stack trace'],
      ])
    })

    test('`*` as the command (shape)', () => {
      expect(scoped(highlighter, '0: kd> * the thread that exited')).toEqual([
        ['prompt', '0: kd>'],
        ['comment', '* the thread that exited'],
      ])
    })

    test('`*` as an argument is not a comment', () => {
      expect(scoped(highlighter, '0:000> x * ')).toEqual([['prompt', '0:000>'], ['command', 'x']])
      expect(scoped(highlighter, '3:2:005> ||*')).toEqual([['prompt', '3:2:005>'], ['command', '||']])
    })

    test.each<[string, Array<[string, string]>]>([
      [
        'kd> .bugcheck                 get the bug check data',
        [['prompt', 'kd>'], ['command', '.bugcheck'], ['comment', 'get the bug check data']],
      ],
      [
        'kd> dd fe40caf8 L2            dump EXCEPTION_POINTERS structure',
        [
          ['prompt', 'kd>'],
          ['command', 'dd'],
          ['address', 'fe40caf8'],
          ['comment', 'dump EXCEPTION_POINTERS structure'],
        ],
      ],
      [
        'kd> kb                        start with a stack trace ',
        [['prompt', 'kd>'], ['command', 'kb'], ['comment', 'start with a stack trace']],
      ],
      [
        '0: kd> !thread 0xffffcb088f0a4480            ',
        [['prompt', '0: kd>'], ['command', '!thread'], ['number', '0xffffcb088f0a4480']],
      ],
    ])("an author's note after a wide gap: %j", (line, expected) => {
      expect(scoped(highlighter, line)).toEqual(expected)
    })
  })

  describe('addresses and numbers', () => {
    test('a stack frame', () => {
      const line =
        'ffffd98c`3ff17428 fffff806`234b36a8     : 00000000`00000020 00000000`00000000 00000000`0000ffff 00000000`00000000 : nt!KeBugCheckEx'
      expect(scoped(highlighter, line)).toEqual([
        ['address', 'ffffd98c`3ff17428'],
        ['address', 'fffff806`234b36a8'],
        ['address', '00000000`00000020'],
        ['address', '00000000`00000000'],
        ['address', '00000000`0000ffff'],
        ['address', '00000000`00000000'],
        ['symbol', 'nt!KeBugCheckEx'],
      ])
    })

    test('a backtick address with 0x, and 0x numbers', () => {
      expect(scoped(highlighter, 'Kernel base = 0xfffff806`22c00000 PsLoadedModuleList = 0xfffff806`238134a0')).toEqual([
        ['address', '0xfffff806`22c00000'],
        ['address', '0xfffff806`238134a0'],
      ])
      expect(scoped(highlighter, 'Failed to read DPC at 0xffffe40b77190dd8').map(([kind]) => kind)).toEqual(['error'])
      expect(scoped(highlighter, ' 0: Normal  : 0xfffff8035f5ac290 0xfffff80363e15630 nt!PpmPerfAction')).toEqual([
        ['number', '0'],
        ['number', '0xfffff8035f5ac290'],
        ['number', '0xfffff80363e15630'],
        ['symbol', 'nt!PpmPerfAction'],
      ])
    })

    test('8-digit values are addresses, other hex runs that start with a digit are numbers', () => {
      expect(scoped(highlighter, 'Arguments c0000005 8013cd0a 00000000 0362cffff')).toEqual([
        ['address', 'c0000005'],
        ['address', '8013cd0a'],
        ['address', '00000000'],
        ['number', '0362cffff'],
      ])
    })

    test('negative decimals in dt output', () => {
      expect(scoped(highlighter, '      +0x004 HighPart                : -6035')).toEqual([
        ['number', '+0x004'],
        ['key', 'HighPart'],
        ['number', '-6035'],
      ])
    })

    test('a GUID is one number', () => {
      expect(scoped(highlighter, '    Value: {fcbbc787-b7cc-0ca4-c274-c788b86a9951}')).toEqual([
        ['key', 'Value:'],
        ['number', 'fcbbc787-b7cc-0ca4-c274-c788b86a9951'],
      ])
    })

    test('a hex value alone after a field is a number even when it starts with a letter', () => {
      expect(scoped(highlighter, 'BUGCHECK_P2: ffff')).toEqual([['key', 'BUGCHECK_P2:'], ['number', 'ffff']])
      expect(scoped(highlighter, '    Value: a10fc')).toEqual([['key', 'Value:'], ['number', 'a10fc']])
      expect(scoped(highlighter, 'BUGCHECK_P2: ffffffff9a02381e')).toEqual([
        ['key', 'BUGCHECK_P2:'],
        ['address', 'ffffffff9a02381e'],
      ])
    })

    test('a word that only looks like hex is not a number', () => {
      expect(scoped(highlighter, 'bf920e4e 0000             add     [eax],al')).toEqual([
        ['address', 'bf920e4e'],
        ['number', '0000'],
      ])
    })
  })

  describe('symbols', () => {
    test.each<[string, string]>([
      [
        '02 81d9ad24 976e664f dxgkrnl!DXGADAPTER::Reset+0x23f [d:\\blue_gdr\\windows\\core\\dxkernel\\dxgkrnl\\core\\adapter.cxx @ 14972]',
        'dxgkrnl!DXGADAPTER::Reset+0x23f',
      ],
      [
        "          ole32!CALLFRAME_CACHE<INTERFACE_HELPER_CLSID>::`vftable'",
        "ole32!CALLFRAME_CACHE<INTERFACE_HELPER_CLSID>::`vftable'",
      ],
      ['SYMBOL_NAME:  nt!PspExitThread+1f8f14', 'nt!PspExitThread+1f8f14'],
      ['fe40ce54 80402e09 ff6c4000 ff63d000 03ff0000 NT!_RtlMoveMemory@12+0x3e', 'NT!_RtlMoveMemory@12+0x3e'],
      [
        '000007f6`466a3020 Fabric!Common::ConfigEntry<Common::TimeSpan>::~ConfigEntry<Common::TimeSpan> (void)',
        'Fabric!Common::ConfigEntry<Common::TimeSpan>::~ConfigEntry<Common::TimeSpan>',
      ],
      [
        'prv func   00000001`0000a7b0   1c notepad!WinMainCRTStartup$filt$0 (void)',
        'notepad!WinMainCRTStartup$filt$0',
      ],
      ['win32k!HFDBASIS32::vHalveStepSize:', 'win32k!HFDBASIS32::vHalveStepSize'],
    ])('in %j', (line, symbol) => {
      expect(scoped(highlighter, line).filter(([kind]) => kind === 'symbol')).toEqual([['symbol', symbol]])
    })

    test('not in a bucket id, nor in "Loaded!"', () => {
      expect(scoped(highlighter, 'FAILURE_BUCKET_ID:  0x20_NULLAPC_KAPC_NEGATIVE_nt!PspExitThread')).toEqual([
        ['key', 'FAILURE_BUCKET_ID:'],
      ])
      expect(scoped(highlighter, 'Mex External 3.0.0.7172 Loaded!').map(([kind]) => kind)).not.toContain('symbol')
    })
  })

  describe('keys', () => {
    test.each<[string, Array<[string, string]>]>([
      ['    Key  : Analysis.CPU.mSec', [['key', 'Key'], ['key', 'Analysis.CPU.mSec']]],
      ['    Value: 3702', [['key', 'Value:'], ['number', '3702']]],
      ['    Value: 0x20', [['key', 'Value:'], ['number', '0x20']]],
      ['BUGCHECK_CODE:  20', [['key', 'BUGCHECK_CODE:'], ['number', '20']]],
      ['STACK_TEXT:  ', [['key', 'STACK_TEXT:']]],
      ['BLACKBOXBSD: 1 (!blackboxbsd)', [['key', 'BLACKBOXBSD:'], ['number', '1']]],
      [
        "Arg2: 000000000000ffff, The thread's APC disable count",
        [['key', 'Arg2:'], ['address', '000000000000ffff']],
      ],
      [
        '    Arg4: 82931b24, nt!TRIAGE_9F_PNP on Win7',
        [['key', 'Arg4:'], ['address', '82931b24'], ['symbol', 'nt!TRIAGE_9F_PNP']],
      ],
      [
        '   +0x000 Signature        : 0xaebecede',
        [['number', '+0x000'], ['key', 'Signature'], ['number', '0xaebecede']],
      ],
      [
        '   +0x038 CrtcTimeoutData  : _TDR_RECOVERY_CONTEXT::<unnamed-type-CrtcTimeoutData>',
        [['number', '+0x038'], ['key', 'CrtcTimeoutData']],
      ],
      ['\t                IRR: 0000000000000000', [['key', 'IRR:'], ['address', '0000000000000000']]],
    ])('%j', (line, expected) => {
      expect(scoped(highlighter, line)).toEqual(expected)
    })
  })

  test('strings', () => {
    expect(
      scoped(highlighter, 'KiBugCheckDriver                 : 0xffffc6092de892c8 : "Wdf01000.sys" [Type: _UNICODE_STRING *]'),
    ).toEqual([
      ['number', '0xffffc6092de892c8'],
      ['string', '"Wdf01000.sys"'],
    ])
    expect(scoped(highlighter, '      DeviceInst is "USB\\VID_04D8&PID_0033\\5&46fa7b7&0&1"')).toEqual([
      ['string', '"USB\\VID_04D8&PID_0033\\5&46fa7b7&0&1"'],
    ])
  })

  describe('errors and warnings', () => {
    test.each<[string, Array<[string, string]>]>([
      ['Memory read error 10041b08', [['error', 'Memory read error 10041b08']]],
      ['Failed to read DPC at 0xffffe40b77190dd8', [['error', 'Failed to read DPC at 0xffffe40b77190dd8']]],
      ['Type information missing error for _nh_malloc', [['error', 'Type information missing error for _nh_malloc']]],
      [
        '    > fffffa8007b13440  \\Driver\\usbhub     fffffa8007b13590  Cannot read info offset from nt!ObpInfoMaskToOffset',
        [
          ['address', 'fffffa8007b13440'],
          ['address', 'fffffa8007b13590'],
          ['error', 'Cannot read info offset from nt!ObpInfoMaskToOffset'],
        ],
      ],
      ['Debugger SolutionDb Connection::Open failed 80004005', [['error', 'failed 80004005']]],
      [
        'Warning: Any detected errors will be fixed to what we expect!',
        [['warning', 'Warning: Any detected errors will be fixed to what we expect!']],
      ],
      // shapes: the debugger's symbol-load messages
      [
        '*** ERROR: Module load completed but symbols could not be loaded',
        [['error', '*** ERROR: Module load completed but symbols could not be loaded']],
      ],
      ['*** WARNING: Unable to verify checksum', [['warning', '*** WARNING: Unable to verify checksum']]],
      // shape: an author's mark after output
      [
        'Arg1: 0000000000000000 <--- INVALID',
        [['key', 'Arg1:'], ['address', '0000000000000000'], ['error', '<--- INVALID']],
      ],
    ])('%j', (line, expected) => {
      expect(scoped(highlighter, line)).toEqual(expected)
    })

    test('prose about failure is not an error', () => {
      expect(scoped(highlighter, 'The display driver failed to respond in timely fashion.')).toEqual([])
      const line = 'If you ever see this error, be very suspicious of all drivers installed on the'
      expect(scoped(highlighter, line)).toEqual([])
    })
  })

  describe('banner and bugcheck name', () => {
    test('the !analyze box', () => {
      const box = [
        '*******************************************************************************',
        '*                                                                             *',
        '*                        Bugcheck Analysis                                    *',
      ]
      for (const line of box) expect(scoped(highlighter, line)).toEqual([['banner', line]])
      const indented = '    *******************************************************************************'
      expect(scoped(highlighter, indented)).toEqual([['banner', indented.trim()]])
      const heading = '**** NT ACTIVE PROCESS DUMP ****'
      expect(scoped(highlighter, heading)).toEqual([['banner', heading]])
    })

    test('a stop line is not a banner', () => {
      const line = '*** STOP: 0x000000F2 (0xFCA7C55C, 0x817B9B28, 0x817D2AA0, 0x00000002)'
      expect(scoped(highlighter, line).map(([kind]) => kind)).not.toContain('banner')
    })

    test.each<[string, Array<[string, string]>]>([
      ['KERNEL_APC_PENDING_DURING_EXIT (20)', [['bugcheck', 'KERNEL_APC_PENDING_DURING_EXIT'], ['number', '20']]],
      ['    DRIVER_POWER_STATE_FAILURE (9f)', [['bugcheck', 'DRIVER_POWER_STATE_FAILURE'], ['number', '9f']]],
      [
        'DRIVER_LEFT_LOCKED_PAGES_IN_PROCESS (cb)',
        [['bugcheck', 'DRIVER_LEFT_LOCKED_PAGES_IN_PROCESS'], ['number', 'cb']],
      ],
    ])('%j', (line, expected) => {
      expect(scoped(highlighter, line)).toEqual(expected)
    })

    test.each([
      '    >[IRP_MJ_POWER(16), IRP_MN_SET_POWER(2)]',
      'Debugger saved IRQL for processor 0x0 -- 2 (DISPATCH_LEVEL)',
    ])('no bugcheck name in %j', (line) => {
      expect(scoped(highlighter, line).map(([kind]) => kind)).not.toContain('bugcheck')
    })
  })

  describe('hostile input', () => {
    test('a 5,000-character line is tokenized to its end within the time limit', () => {
      const frame = 'ffffd98c`3ff17428 fffff806`234b36a8 00000000 0x20 nt!PspExitThread+0x1f8f14 '
      const line = frame.repeat(Math.ceil(5000 / frame.length)) + 'fffff806`22c00000'
      expect(line.length).toBeGreaterThan(5000)
      const [pieces = []] = tokenize(highlighter, line)
      expect(pieces.map((piece) => piece.text).join('')).toBe(line)
      expect(pieces.at(-1)).toEqual({ scope: WINDBG_SCOPES.address, text: 'fffff806`22c00000' })
    })

    test.each([
      ['a 5,000-character prompt line', '0: kd> ' + 'dt '.repeat(1700)],
      ['a 5,000-character run of stars', '*'.repeat(5000)],
      ['control characters', 'kd> !analyze\u0000 -v\u0001\u0007\u001b[31m\u007f\r\u0008 fffff806`22c00000\u0000'],
      ['odd Unicode', '0: kd> dt nt!_K\u00e9\u0301 \u200b\ufeff\u202e"\u{1F4A5}" \ud800 0x20 \udfff \uFFFF\u{10FFFF}'],
      ['a lone quote and unclosed template', 'nt!Foo<"' + '<'.repeat(3000)],
    ])('%s does not throw and keeps the text', (_name, line) => {
      const lines = tokenize(highlighter, line)
      expect(lines.map((pieces) => pieces.map((piece) => piece.text).join('')).join('\n')).toBe(line)
    })
  })

  describe('sample', () => {
    const sample = readFileSync(SAMPLE_URL, 'utf8')

    test('covers every token kind', () => {
      const seen = new Set(tokenize(highlighter, sample).flat().map((piece) => piece.scope))
      expect(Object.values(WINDBG_SCOPES).filter((scope) => !seen.has(scope))).toEqual([])
    })

    test('matches the committed token list', () => {
      const actual = serialize(tokenize(highlighter, sample))
      const path = fileURLToPath(EXPECTED_URL)
      if (process.env['UPDATE'] || !existsSync(path)) {
        mkdirSync(fileURLToPath(new URL('.', EXPECTED_URL)), { recursive: true })
        writeFileSync(path, actual)
      }
      expect(actual).toBe(readFileSync(path, 'utf8'))
    })
  })
})

test('both engines give the sample the same tokens', async () => {
  const sample = readFileSync(SAMPLE_URL, 'utf8')
  const outputs: string[] = []
  for (const engine of engines) {
    const highlighter = await engine.create()
    outputs.push(serialize(tokenize(highlighter, sample)))
    highlighter.dispose()
  }
  expect(new Set(outputs).size).toBe(1)
})
