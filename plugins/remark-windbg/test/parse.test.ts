import { describe, expect, test } from 'vitest'
import { findBugcheck, findBugchecks, findParameterMarks, isTranscript, matchPrompt, parseMeta, parseTranscript, splitLines } from '../parser.ts'
import { fencesOf, realFences } from './helpers.ts'

describe('matchPrompt', () => {
  test.each([
    ['0: kd> !analyze -v', '0: kd>', '!analyze -v'],
    ['kd> .bugcheck', 'kd>', '.bugcheck'],
    ['lkd> !process 816a550 7', 'lkd>', '!process 816a550 7'],
    ['0:000> lm', '0:000>', 'lm'],
    ['0:000:x86> x /0 MyApp!Add*', '0:000:x86>', 'x /0 MyApp!Add*'],
    ['3:2:005> ||*', '3:2:005>', '||*'],
    ['||1:1:017> k', '||1:1:017>', 'k'],
    ['0:kd> !deadlock', '0:kd>', '!deadlock'],
    ['kd>!analyze -v', 'kd>', '!analyze -v'],
    ['0:001>', '0:001>', ''],
    ['    0: kd> dt nt!_TRIAGE_9F_POWER fffff8000386c3d8', '0: kd>', 'dt nt!_TRIAGE_9F_POWER fffff8000386c3d8'],
    ['0:000>  x Fabric!Common', '0:000>', ' x Fabric!Common'],
  ])('recognises %j', (line, prompt, rest) => {
    expect(matchPrompt(line)).toMatchObject({ prompt, rest })
  })

  // Synthetic lines in the shapes pasted sessions take (issue 10): marks, malformed and doubled prompts.
  test.each([
    ['## 0:001> !cs', '## ', '0:001>', '!cs'],
    ['# 0: kd> dx @$curprocess', '# ', '0: kd>', 'dx @$curprocess'],
    ['3: 3: kd> !thread', '', '3: 3: kd>', '!thread'],
    ['0 kd> kb', '', '0 kd>', 'kb'],
    [':000> g', '', ':000>', 'g'],
    ['0:000>2: kd> k', '0:000>', '2: kd>', 'k'],
    ['0:000>0:000>0: kd> !process 0 0', '0:000>0:000>', '0: kd>', '!process 0 0'],
    ['0:000> *', '', '0:000>', '*'],
  ])('reads %j as pasted', (line, lead, prompt, rest) => {
    expect(matchPrompt(line)).toMatchObject({ lead, prompt, rest })
  })

  test.each(['windbg> k', '***> x', '-> here', '> fffffa8007b13440  \\Driver\\usbhub', '    >[IRP_MJ_POWER(16), IRP_MN_SET_POWER(2)]', 'kd', 'BUGCHECK_CODE:  20', '0:00> k', 'PS C:\\> k', '#include <kd>', 'x ## 0:001> !cs'])(
    'rejects %j',
    (line) => {
      expect(matchPrompt(line)).toBeNull()
    },
  )
})

describe('parseTranscript on real transcripts', () => {
  test('the seed: one command per fence, output verbatim', () => {
    const [, , , loadMex, di, analyze] = fencesOf('seed-0x20.md')
    expect(parseTranscript(loadMex!.value)).toEqual({
      preamble: [],
      steps: [{ prompt: '2: kd>', command: '.load mex', output: ['Mex External 3.0.0.7172 Loaded!'], raw: '2: kd> .load mex', line: 0 }],
    })
    const diSteps = parseTranscript(di!.value).steps
    expect(diSteps).toHaveLength(1)
    expect(diSteps[0]).toMatchObject({ prompt: '4: kd>', command: '!di' })
    expect(diSteps[0]!.output).toContain('Bugcheck: 20 (0, FFFF, 0, 1)')
    const analyzeModel = parseTranscript(analyze!.value)
    expect(analyzeModel.steps.map((step) => step.command)).toEqual(['!analyze -v'])
    expect(analyzeModel.steps[0]!.output).toHaveLength(analyze!.value.split('\n').length - 1)
    expect(analyzeModel.steps[0]!.output[0]).toBe('*'.repeat(79))
  })

  test('several commands in one fence, with author notes after the commands (0x1E page)', () => {
    const [fence] = fencesOf('bug-check-0x1e--kmode-exception-not-handled.md')
    const { steps } = parseTranscript(fence!.value)
    expect(steps.map(({ prompt, command, note }) => ({ prompt, command, note }))).toEqual([
      { prompt: 'kd>', command: '.bugcheck', note: 'get the bug check data' },
      { prompt: 'kd>', command: 'kb', note: 'start with a stack trace' },
      { prompt: 'kd>', command: 'dd fe40caf8 L2', note: 'dump EXCEPTION_POINTERS structure' },
      { prompt: 'kd>', command: '.exr fe40cd88', note: 'first DWORD is the exception record' },
      { prompt: 'kd>', command: '.cxr fe40cbc4', note: 'second DWORD is the context record' },
      { prompt: 'kd>', command: 'kb', note: 'kb gives stack for context record' },
    ])
    expect(steps[0]!.output).toEqual(['Bugcheck code 0000001e', 'Arguments c0000005 8013cd0a 00000000 0362cffff', ''])
  })

  test('x86 user-mode prompts, and a bare prompt', () => {
    const fences = fencesOf('x--examine-symbols-.md')
    const x86 = fences.find((fence) => fence.value.startsWith('0:000:x86>'))!
    expect(parseTranscript(x86.value).steps.map((step) => [step.prompt, step.command])).toEqual([
      ['0:000:x86>', 'x /0 MyApp!Add*'],
      ['0:000:x86>', 'x /1 MyApp!Add*'],
      ['0:000:x86>', 'x /2 MyApp!Add*'],
    ])
    const bare = fences.find((fence) => fence.value.includes('x foo!MyClass\n'))!
    expect(parseTranscript(bare.value).steps).toMatchObject([
      { prompt: '0:001>', command: 'x foo!MyClass', output: [] },
      { prompt: '0:001>', command: '', output: [] },
    ])
  })

  test('an indented transcript keeps its output lines verbatim (0x9F page)', () => {
    const fence = fencesOf('bug-check-0x9f--driver-power-state-failure.md').find((f) => f.value.includes('!devstack'))!
    const { steps } = parseTranscript(fence.value)
    expect(steps).toHaveLength(1)
    expect(steps[0]).toMatchObject({ prompt: '0: kd>', command: '!devstack fffffa8007b13440' })
    // `    > fffffa8007b13440 ...` marks the current device: output, not a prompt.
    expect(steps[0]!.output.some((line) => line.trimStart().startsWith('> fffffa8007b13440'))).toBe(true)
  })

  test('comment steps typed at the prompt (0xCB page)', () => {
    const fence = fencesOf('interpreting-bug-check-0xcb.md').find((f) => f.value.includes('$ Not an Irp'))!
    const commands = parseTranscript(fence.value).steps.map((step) => step.command)
    expect(commands).toEqual(['dd 808A7B0C-4 l4', '$ Not an Irp', 'dd 80A04224-4 l4', '$ Not an Irp', 'dd 817329B4-4 l4', '$ Matches signature'])
  })

  test('output without a prompt is the preamble (the dump banner)', () => {
    const [fence] = fencesOf('blue-screen-data.md')
    const model = parseTranscript(fence!.value)
    expect(model.steps).toEqual([])
    expect(model.preamble.join('\n')).toBe(fence!.value)
  })

  test('every real fence parses without losing a line', () => {
    const fences = realFences()
    expect(fences.length).toBeGreaterThanOrEqual(97)
    for (const fence of fences) {
      const model = parseTranscript(fence.value)
      const lines = model.preamble.length + model.steps.reduce((sum, step) => sum + 1 + step.output.length, 0)
      expect(lines, `${fence.file} fence ${fence.index}`).toBe(splitLines(fence.value).length)
    }
  })
})

describe('parseTranscript on synthetic edge cases (made up here, not debugger output)', () => {
  test('CRLF and lone CR line ends', () => {
    expect(parseTranscript('kd> k\r\nline one\r\nkd> r\rline two').steps.map((step) => [step.command, step.output])).toEqual([
      ['k', ['line one']],
      ['r', ['line two']],
    ])
  })

  test('tabs and trailing spaces stay in the output', () => {
    expect(parseTranscript('0: kd> dt x\n\tField :\t1   ').steps[0]!.output).toEqual(['\tField :\t1   '])
  })

  test('empty prompts, and a prompt inside output starts a new step', () => {
    const { steps } = parseTranscript('kd>\nkd> \nsome output\n1: kd> k')
    expect(steps.map((step) => step.command)).toEqual(['', '', 'k'])
    expect(steps[1]!.output).toEqual(['some output'])
  })

  test('WinDbg `$$` comments after a command are notes, a `$$` step is kept as the command', () => {
    expect(parseTranscript('kd> !thread $$ the owner of the mutex').steps[0]).toMatchObject({ command: '!thread', note: 'the owner of the mutex' })
    expect(parseTranscript('kd> $$ look at this').steps[0]).toMatchObject({ command: '$$ look at this' })
  })

  test('a command with wide spacing but no words after is not split', () => {
    expect(parseTranscript('kd> dt nt!_EPROCESS    ffffe00012345678').steps[0]).toMatchObject({
      command: 'dt nt!_EPROCESS    ffffe00012345678',
    })
  })

  test('10,000-line output and non-ASCII text', () => {
    const output = Array.from({ length: 10_000 }, (_, index) => `line ${index} – ümlaut ✓ 日本`)
    const { steps } = parseTranscript(`0: kd> dd\n${output.join('\n')}`)
    expect(steps[0]!.output).toEqual(output)
  })
})

describe('isTranscript', () => {
  test('true when any line holds a prompt with a command; a bare prompt alone is not enough', () => {
    expect(isTranscript('\n\n  0: kd> k')).toBe(true)
    // Synthetic: output pasted before the first command.
    expect(isTranscript('Loading Dump File [C:\\Windows\\MEMORY.DMP]\n0: kd> !analyze -v')).toBe(true)
    expect(isTranscript('sc.exe start TestDrv')).toBe(false)
    expect(isTranscript('0: kd>')).toBe(false)
    expect(isTranscript('')).toBe(false)
  })

  // Synthetic negatives: text with `>` that is not a debugger prompt.
  test.each([
    ['C++ with ->', 'if (p->kd > 0)\n  p->next = q;\nx >> 2;'],
    ['PowerShell', 'PS C:\\> Get-Process windbg\nPS C:\\> kd -k com:port=1'],
    ['cmd', 'C:\\> dir\nC:\\Windows> copy a b'],
    ['WinDbg-like but not prompts', 'windbg> k\n***> x\n-> here'],
    ['Markdown quote and device markers', '> note: run !analyze\n> fffffa8007b13440  \\Driver\\usbhub'],
    ['a table', '| Prompt | Meaning |\n| 0: kd> | kernel |'],
    ['a shell line that starts the debugger', 'D:\\Debugging Tools for Windows> kd -z memory.dmp'],
  ])('%s is not a transcript', (_, text) => {
    expect(isTranscript(text)).toBe(false)
  })

  test('every seed transcript is recognised, the C code and sc.exe fences are not', () => {
    expect(fencesOf('seed-0x20.md').map((fence) => isTranscript(fence.value))).toEqual([false, false, false, true, true, true])
  })
})

describe('findBugcheck', () => {
  test.each([
    ['!di', 'Bugcheck: 20 (0, FFFF, 0, 1)', 0x20, ['0x0', '0xffff', '0x0', '0x1']],
    ['dump banner', 'BugCheck 20, {0, ffff, 0, 1}', 0x20, ['0x0', '0xffff', '0x0', '0x1']],
    ['fields', 'BUGCHECK_CODE:  20\n\nBUGCHECK_P1: 0\n\nBUGCHECK_P2: ffff\n\nBUGCHECK_P3: 0\n\nBUGCHECK_P4: 1', 0x20, ['0x0', '0xffff', '0x0', '0x1']],
    ['.bugcheck', 'Bugcheck code 00000020\nArguments 00000000 0000ffff 00000000 00000001', 0x20, ['0x0', '0xffff', '0x0', '0x1']],
    ['blue screen', '*** STOP: 0x00000020 (0x00000000,0x0000FFFF,0x00000000,0x00000001)', 0x20, ['0x0', '0xffff', '0x0', '0x1']],
    ['key/value', '    Key  : Bugcheck.Code.LegacyAPI\n    Value: 0x20', 0x20, ['', '', '', '']],
  ])('reads the %s format (synthetic line in the real format)', (_name, text, code, parameters) => {
    expect(findBugcheck(text)).toMatchObject({ code, parameters })
  })

  // Synthetic: the lines as authors annotate them in write-ups (issue 10).
  test.each([
    ['fields with notes', 'BUGCHECK_CODE: 50 (PAGE_FAULT_IN_NONPAGED_AREA)\nBUGCHECK_P1: ffffe5068d8a4000 (memory referenced)\nBUGCHECK_P2: 2 (write access)', 0x50, ['0xffffe5068d8a4000', '0x2', '', '']],
    ['an arrow after a value', 'BUGCHECK_CODE:  20\nBUGCHECK_P2: ffff   <--- the count', 0x20, ['', '0xffff', '', '']],
    ['an Arg line with a note and no description', 'DRIVER_IRQL_NOT_LESS_OR_EQUAL (d1)\nArg3: 0000000000000001 (write)', 0xd1, ['', '', '0x1', '']],
    ['.bugcheck with a comment', 'Bugcheck code 0000001e   // the code\nArguments c0000005 8013cd0a 00000000 0362cfff  <-- from the dump', 0x1e, ['0xc0000005', '0x8013cd0a', '0x0', '0x362cfff']],
    ['key/value with a note', '    Key  : Bugcheck.Code.LegacyAPI\n    Value: 0x50 (page fault)', 0x50, ['', '', '', '']],
  ])('reads %s, ignoring the note', (_name, text, code, parameters) => {
    expect(findBugcheck(text)).toMatchObject({ code, parameters })
  })

  test('the seed: the same bugcheck in !di and in !analyze -v', () => {
    const [, , , , di, analyze] = fencesOf('seed-0x20.md')
    expect(findBugcheck(di!.value)).toMatchObject({ code: 0x20, parameters: ['0x0', '0xffff', '0x0', '0x1'] })
    const finding = findBugchecks(analyze!.value)
    expect(finding).toHaveLength(1)
    expect(finding[0]).toMatchObject({
      code: 0x20,
      parameters: ['0x0', '0xffff', '0x0', '0x1'],
      widths: [16, 16, 16, 16],
      descriptions: ['The address of the APC found pending during exit.', "The thread's APC disable count", 'The current IRQL', ''],
    })
  })

  test('real outputs of Microsoft docs in every format', () => {
    const first = (file: string, includes: string) => findBugcheck(fencesOf(file).find((fence) => fence.value.includes(includes))!.value)
    expect(first('blue-screen-data.md', 'BugCheck 9F')).toEqual({
      code: 0x9f,
      parameters: ['0x3', '0xffffe000f38c06a0', '0xfffff803c596cad0', '0xffffe000f46a1010'],
      widths: [1, 16, 16, 16],
      descriptions: ['', '', '', ''],
      marks: expect.any(Array),
    })
    expect(first('bug-check-0x1e--kmode-exception-not-handled.md', '.bugcheck')).toMatchObject({
      code: 0x1e,
      parameters: ['0xc0000005', '0x8013cd0a', '0x0', '0x362cffff'],
    })
    expect(first('bug-check-0xf2--hardware-interrupt-storm.md', 'STOP')).toMatchObject({
      code: 0xf2,
      parameters: ['0xfca7c55c', '0x817b9b28', '0x817d2aa0', '0x2'],
    })
    expect(first('-chkimg.md', 'BugCheck 1000008E')).toMatchObject({ code: 0x1000008e, parameters: ['0xc0000005', '0xbf920e48', '0xbaf75b38', '0x0'] })
    expect(first('bug-check-0x9f--driver-power-state-failure.md', 'Arg2: 00000258')).toMatchObject({
      code: 0x9f,
      parameters: ['0x4', '0x258', '0x84e01a70', '0x82931b24'],
      widths: [8, 8, 8, 8],
      descriptions: ['The power transition timed out waiting to synchronize with the Pnp subsystem.', 'Timeout in seconds.', 'The thread currently holding on to the Pnp lock.', 'nt!TRIAGE_9F_PNP on Win7'],
    })
    expect(first('bug-check-0x133-dpc-watchdog-violation.md', 'Arg2: 0000000000001e00')!.parameters).toEqual(['0x1', '0x1e00', '0xfffff803648fa320', '0x0'])
    expect(first('interpreting-bug-check-0xcb.md', 'Arg3: 81861788')).toMatchObject({ code: 0xcb, parameters: ['', '', '0x81861788', ''] })
  })

  test('a stack frame of nt!KeBugCheckEx is never read as the code', () => {
    const [, , , , , analyze] = fencesOf('seed-0x20.md')
    const stack = analyze!.value.split('\n').filter((line) => line.includes('nt!KeBugCheckEx')).join('\n')
    expect(stack).toContain('00000000`00000020')
    expect(findBugcheck(stack)).toBeNull()
  })

  test('`Bugcheck: This is a myfault.sys dump.` carries no code; output with no bugcheck gives null', () => {
    expect(findBugcheck('Bugcheck: This is a myfault.sys dump.')).toBeNull()
    expect(findBugcheck(fencesOf('-heap.md')[0]!.value)).toBeNull()
  })

  test('two different dumps give two findings (synthetic)', () => {
    expect(findBugchecks('BugCheck 20, {0, ffff, 0, 1}\nBugCheck 9F, {3, 1, 2, 3}').map((finding) => finding.code)).toEqual([0x20, 0x9f])
  })

  test('marks point at the printed values', () => {
    const line = 'Bugcheck: 20 (0, FFFF, 0, 1)'
    const marks = findParameterMarks([line])
    expect(marks.map((mark) => [mark.index, line.slice(mark.start, mark.end)])).toEqual([
      [0, '20'],
      [1, '0'],
      [2, 'FFFF'],
      [3, '0'],
      [4, '1'],
    ])
  })
})

describe('parseMeta', () => {
  test('title, open, closed, mark, lines and fold', () => {
    expect(parseMeta('title="Triage of MEMORY.DMP" open="1,3" closed=2 mark="PspExitThread" mark=\'nt!\' lines="4-6,9" fold=40')).toEqual({
      title: 'Triage of MEMORY.DMP',
      open: [1, 3],
      closed: [2],
      mark: ['PspExitThread', 'nt!'],
      lines: [4, 5, 6, 9],
      fold: 40,
      unknown: [],
    })
  })

  test('bare open/closed mean every step; unknown meta is reported', () => {
    expect(parseMeta('open colour=red')).toMatchObject({ open: 'all', unknown: ['colour=red'] })
    expect(parseMeta(null)).toMatchObject({ open: [], closed: [], unknown: [] })
  })
})

describe('findBugcheck on hand-edited lines (synthetic)', () => {
  test.each([
    ['Arg2:  000000000000ffff, two spaces', 2, '0xffff'],
    ['BUGCHECK_P2:ffff', 2, '0xffff'],
    ['BUGCHECK_P2: 0xffff', 2, '0xffff'],
  ])('%j', (line, index, value) => {
    expect(findBugcheck(`BUGCHECK_CODE:  20\n${line}`)!.parameters[index - 1]).toBe(value)
  })

  test.each(['BUGCHECK_CODE:  0x20', 'BugCheck 0x20, {0, ffff, 0, 1}', 'Bugcheck code 0x00000020'])('%j names 0x20', (line) => {
    expect(findBugcheck(line)!.code).toBe(0x20)
  })

  test('widths come from the widest printing, whichever report comes first', () => {
    const text = 'Bugcheck: 9f (3, 84e01a70, 0, 0)\nArg1: 00000003, x\nArg2: 84e01a70, y'
    expect(findBugchecks(text)[0]!.widths.slice(0, 2)).toEqual([8, 8])
  })
})
