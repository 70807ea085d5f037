import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { findParameterMarks, indexReference, normaliseHex, splitLines, type BugcheckReference, type ParameterFormat } from 'bugcheck-reference'
import { readFrontmatterDocs } from 'bugcheck-reference/schema'
import { realFences, REAL_DIR } from '../../plugins/remark-windbg/test/helpers.ts'
import { catalog, canonicalCode, numberOf, reference, referenceIndex } from '../../src/lib/catalog.ts'
import {
  formatDescriptions,
  knowledgeOf,
  readParameters,
  subtypesOf,
  triage,
  type TriagedBugcheck,
  type TriageResult,
} from 'bugcheck-reference/triage'
import { isShareHash, readDecodeQuery, readShareHash, shareHash } from '../../src/scripts/triage/share.ts'

const fences = realFences()

/** The real fence of a fixture (seed write-up or Microsoft docs) whose first line starts with `start`. */
function realFence(file: string, start: string): string {
  const found = fences.filter((fence) => fence.file === file).find((fence) => fence.value.trimStart().startsWith(start))
  if (!found) throw new Error(`no fence starting with ${start} in ${file}`)
  return found.value
}

function found(result: TriageResult): Extract<TriageResult, { kind: 'found' }> {
  if (result.kind !== 'found') throw new Error(`expected one bugcheck, got ${result.kind}: ${JSON.stringify(result).slice(0, 300)}`)
  return result
}

const seedAnalyze = realFence('seed-0x20.md', '4: kd> !analyze -v')
const seedDi = realFence('seed-0x20.md', '4: kd> !di')
const runbookDocs = readFrontmatterDocs(
  parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync('content/runbooks/0x20-kmutex-not-released.md', 'utf8'))?.[1] ?? ''),
)

describe('triage on real debugger output', () => {
  test("the seed's !analyze -v: code, parameters and every failure detail", () => {
    const result = found(triage(seedAnalyze))
    expect(result.bugcheck.code).toBe(0x20)
    expect(result.bugcheck.hex).toBe('0x20')
    expect(result.bugcheck.parameters).toEqual(['0x0', '0xffff', '0x0', '0x1'])
    expect(result.bugcheck.arch).toBe('x64')
    expect(result.bugcheck.descriptions[1]).toBe("The thread's APC disable count")
    expect(result.details).toEqual({
      module: 'nt',
      image: 'ntkrnlmp.exe',
      bucket: '0x20_NULLAPC_KAPC_NEGATIVE_nt!PspExitThread',
      process: 'System',
      symbol: 'nt!PspExitThread+1f8f14',
      symbolSource: 'SYMBOL_NAME',
    })
    expect(result.differing).toEqual([])
    expect(result.bugcheck.formats).toEqual(['analyze-title', 'analyze-arg', 'analyze-key', 'analyze-field'])
  })

  test("the seed's !di block", () => {
    const result = found(triage(seedDi))
    expect(result.bugcheck.code).toBe(0x20)
    expect(result.bugcheck.parameters).toEqual(['0x0', '0xffff', '0x0', '0x1'])
    expect(result.bugcheck.formats).toEqual(['dump-info'])
    expect(result.details).toEqual({})
  })

  test('the whole seed write-up: !di and !analyze agree, so one bugcheck', () => {
    const result = found(triage(readFileSync(`${REAL_DIR}seed-0x20.md`, 'utf8')))
    expect(result.bugcheck.code).toBe(0x20)
    expect(result.bugcheck.parameters).toEqual(['0x0', '0xffff', '0x0', '0x1'])
    expect(result.details.module).toBe('nt')
  })

  test.each([
    // file, start of fence, code, parameters
    ['blue-screen-data.md', '***', '0x9f', ['0x3', '0xffffe000f38c06a0', '0xfffff803c596cad0', '0xffffe000f46a1010']],
    ['interpreting-bug-check-0xcb.md', 'Use !analyze', '0xcb', ['0xf90c6ae0', '0xf9949215', '0x81861788', '0x26']],
    ['-chkimg.md', 'kd> !analyze', '0x1000008e', ['0xc0000005', '0xbf920e48', '0xbaf75b38', '0x0']],
    ['bug-check-0x1e--kmode-exception-not-handled.md', 'kd> .bugcheck', '0x1e', ['0xc0000005', '0x8013cd0a', '0x0', '0x362cffff']],
    ['bug-check-0xf2--hardware-interrupt-storm.md', '*** STOP', '0xf2', ['0xfca7c55c', '0x817b9b28', '0x817d2aa0', '0x2']],
    ['bug-check-0xd1--driver-irql-not-less-or-equal.md', 'DRIVER_IRQL', '0xd1', ['0xfffff808add27150', '0x2', '0x0', '0xfffff808adc386a6']],
    ['bug-check-0x9f--driver-power-state-failure.md', 'kd>!analyze -v', '0x9f', ['0x3', '0xfffffa8007b13440', '0xfffff8000386c3d8', '0xfffffa800ab61bd0']],
    ['bug-check-0x133-dpc-watchdog-violation.md', '0: kd> !analyze -v', '0x133', ['0x0', '0x501', '0x500', '0x0']],
    ['bug-check-0x117---video-tdr-timeout-detected.md', '3: kd> !analyze -v', '0x117', ['0x8975d500', '0x9a02381e', '0x0', '0x0']],
  ] as const)('%s: %s… → %s', (file, start, hex, parameters) => {
    const result = found(triage(realFence(file, start)))
    expect(result.bugcheck.code).toBe(Number.parseInt(hex.slice(2), 16))
    expect(result.bugcheck.hex).toBe(hex)
    expect(result.bugcheck.parameters).toEqual(parameters)
  })

  test('a short !analyze: the banner and "Probably caused by"', () => {
    expect(found(triage(realFence('blue-screen-data.md', '***'))).details).toEqual({ probablyCausedBy: 'hidusb.sys' })
  })

  test('IMAGE_NAME of a cut !analyze, and 32-bit values read as a 32-bit target', () => {
    expect(found(triage(realFence('bug-check-0x133-dpc-watchdog-violation.md', '0: kd> !analyze -v'))).details.image).toBe('BthA2DP.sys')
    expect(found(triage(realFence('bug-check-0x117---video-tdr-timeout-detected.md', '3: kd> !analyze -v'))).bugcheck.arch).toBe('x86')
  })

  test('two !analyze runs of one code with different values: one bugcheck, the differences named', () => {
    const result = found(triage(readFileSync(`${REAL_DIR}bug-check-0x9f--driver-power-state-failure.md`, 'utf8')))
    expect(result.bugcheck.parameters[0]).toBe('0x3')
    expect(result.differing.map((entry) => entry.index)).toEqual([1, 2, 3, 4])
    expect(result.differing[0]?.values).toEqual(['0x3', '0x4'])
  })

  test('a 32-bit value sign-extended by BUGCHECK_P2 is not a different value', () => {
    const result = found(triage(readFileSync(`${REAL_DIR}bug-check-0x117---video-tdr-timeout-detected.md`, 'utf8')))
    expect(result.bugcheck.parameters[1]).toBe('0x9a02381e')
    expect(result.differing).toEqual([])
  })

  test.each(['-process.md', 'lm--list-loaded-modules-.md', 'dt--display-type-.md', 'x--examine-symbols-.md', '-heap.md'])(
    '%s has no bugcheck',
    (file) => {
      const result = triage(readFileSync(REAL_DIR + file, 'utf8'))
      expect(result.kind).toBe('none')
    },
  )

  test('a user-mode exception analysis: none, and says why', () => {
    const result = triage(realFence('using-the--analyze-extension.md', '0:000> !analyze -v'))
    expect(result).toMatchObject({ kind: 'none', empty: false, clues: ['exception-analysis'] })
  })

  test('BUGCHECK_STR alone is not taken for the code', () => {
    expect(triage(realFence('using-the--analyze-extension.md', 'BUGCHECK_STR:  0xD1'))).toMatchObject({ kind: 'none', clues: ['bugcheck-str'] })
  })

  test('Arg lines without the line naming the code: none, and says what is missing', () => {
    expect(triage(realFence('using-the--analyze-extension.md', 'Arguments:'))).toMatchObject({ kind: 'none', clues: ['arguments-without-code'] })
  })
})

describe('triage on synthetic variations of real output', () => {
  test('synthetic: CRLF and lone CR line ends read the same as LF', () => {
    const lf = triage(seedAnalyze)
    expect(triage(seedAnalyze.replace(/\n/g, '\r\n'))).toEqual(lf)
    expect(triage(seedAnalyze.replace(/\n/g, '\r'))).toEqual(lf)
  })

  test('synthetic: indented output and trailing spaces', () => {
    const spaced = seedAnalyze
      .split('\n')
      .map((line) => `    ${line}   `)
      .join('\n')
    expect(triage(spaced)).toEqual(triage(seedAnalyze))
  })

  test('synthetic: extra spaces inside the one-line formats', () => {
    const result = found(triage('BugCheck   20,   {0,   ffff,  0,   1}'))
    expect(result.bugcheck.parameters).toEqual(['0x0', '0xffff', '0x0', '0x1'])
    expect(found(triage('BUGCHECK_CODE:      20\nBUGCHECK_P2:     ffff')).bugcheck.parameters).toEqual(['', '0xffff', '', ''])
  })

  test('synthetic: upper- and lower-case hex read the same', () => {
    const lower = found(triage('BugCheck 9f, {3, ffffe000f38c06a0, fffff803c596cad0, ffffe000f46a1010}'))
    const upper = found(triage('BugCheck 9F, {3, FFFFE000F38C06A0, FFFFF803C596CAD0, FFFFE000F46A1010}'))
    expect(upper.bugcheck.code).toBe(0x9f)
    expect(upper.bugcheck.parameters).toEqual(lower.bugcheck.parameters)
    expect(found(triage(seedAnalyze.replace(/000000000000ffff/, '000000000000FFFF'))).bugcheck.parameters[1]).toBe('0xffff')
  })

  test('synthetic: the seed cut after Arg2 keeps what it has', () => {
    const cut = seedAnalyze.slice(0, seedAnalyze.indexOf('Arg3:'))
    const result = found(triage(cut))
    expect(result.bugcheck.parameters).toEqual(['0x0', '0xffff', '', ''])
    expect(result.details).toEqual({})
  })

  test('synthetic: the seed cut inside a field, with a field left empty', () => {
    const cut = `${seedAnalyze.slice(0, seedAnalyze.indexOf('MODULE_NAME:'))}MODULE_NAME:`
    const result = found(triage(cut))
    expect(result.details.module).toBeUndefined()
    expect(result.details.symbol).toBe('nt!PspExitThread+1f8f14')
  })

  test('synthetic: without SYMBOL_NAME, the first STACK_TEXT frame after nt!KeBugCheckEx', () => {
    const result = found(triage(seedAnalyze.replace(/^SYMBOL_NAME:.*$/m, '')))
    expect(result.details.symbol).toBe('nt!PspExitThread+0x1f8f14')
    expect(result.details.symbolSource).toBe('STACK_TEXT')
  })

  test('synthetic: without FAILURE_BUCKET_ID, the Failure.Bucket key', () => {
    const result = found(triage(seedAnalyze.replace(/^FAILURE_BUCKET_ID:.*$/m, '')))
    expect(result.details.bucket).toBe('0x20_NULLAPC_KAPC_NEGATIVE_nt!PspExitThread')
  })

  test('synthetic: a 32-bit STACK_TEXT (no colons) with a warning line among the frames', () => {
    const text = [
      'synthetic: made-up frames in the 32-bit layout',
      'BUGCHECK_CODE:  d1',
      'STACK_TEXT:  ',
      'WARNING: Stack unwind information not available. Following frames may be wrong.',
      '8053a000 8053b000 0000000a 00000004 00000002 nt!KeBugCheckEx+0x1b',
      '8053a010 8053b010 00000000 00000000 00000000 mydrv!Dispatch+0x42',
      '',
      'STACK_COMMAND:  kb',
    ].join('\n')
    expect(found(triage(text)).details).toEqual({ symbol: 'mydrv!Dispatch+0x42', symbolSource: 'STACK_TEXT' })
  })

  test('synthetic: just the BUGCHECK_CODE and BUGCHECK_Pn lines of the seed', () => {
    const fields = seedAnalyze
      .split('\n')
      .filter((line) => line.startsWith('BUGCHECK_'))
      .join('\n')
    const result = found(triage(fields))
    expect(result.bugcheck.parameters).toEqual(['0x0', '0xffff', '0x0', '0x1'])
    expect(result.bugcheck.formats).toEqual(['analyze-field'])
  })

  test('synthetic: two dumps of different codes pasted together are ambiguous, each with its own details', () => {
    const result = triage(`${seedAnalyze}\n\n${realFence('blue-screen-data.md', '***')}`)
    if (result.kind !== 'ambiguous') throw new Error(`expected ambiguous, got ${result.kind}`)
    expect(result.candidates.map((candidate) => candidate.bugcheck.code)).toEqual([0x20, 0x9f])
    expect(result.candidates[0]?.details.module).toBe('nt')
    expect(result.candidates[1]?.details).toEqual({ probablyCausedBy: 'hidusb.sys' })
  })

  test('synthetic: garbage and empty input', () => {
    expect(triage('synthetic: lorem ipsum 0x20 ffff {0, 1}\n\u0000\u202e\t')).toMatchObject({ kind: 'none', empty: false, clues: [] })
    expect(triage('')).toMatchObject({ kind: 'none', empty: true })
    expect(triage(' \r\n\t ')).toMatchObject({ kind: 'none', empty: true })
  })

  test('synthetic: the code is never read from a stack frame', () => {
    const stack = seedAnalyze.slice(seedAnalyze.indexOf('STACK_TEXT:'))
    expect(triage(stack).kind).toBe('none')
  })

  test('synthetic: very long lines take no time', () => {
    const started = performance.now()
    const long = [`MODULE_NAME: x${' '.repeat(100_000)}y`, `Probably caused by : ${'[ '.repeat(50_000)}`, `STACK_TEXT:`, `ffffd98c\`3ff17428 ${' ['.repeat(50_000)}`]
    expect(triage(`BUGCHECK_CODE: 20\n${long.join('\n')}`).kind).toBe('found')
    expect(performance.now() - started).toBeLessThan(1000)
  })

  test('synthetic: a value of a mangled paste is clipped', () => {
    const result = found(triage(`BUGCHECK_CODE: 20\nMODULE_NAME: ${'x'.repeat(1500)}`))
    expect(result.details.module).toMatch(/^x{200}…$/)
  })
})

describe('parameter reading', () => {
  const seed = found(triage(seedAnalyze)).bugcheck

  test("with the runbook's docs, as the tooltips read them: Arg2 is -1", () => {
    const rows = readParameters(seed, runbookDocs)
    expect(rows.map((row) => row.reading?.name)).toEqual(['APC address', 'APC disable count', 'Current IRQL', 'Reserved'])
    expect(rows[0]?.reading?.decoded).toEqual(['NULL pointer'])
    expect(rows[1]?.reading?.decoded).toEqual(['-1 as a signed 16-bit value'])
    expect(rows[1]?.reading?.note).toMatch(/One disable too many/)
    expect(rows[2]?.reading?.decoded[0]).toMatch(/^IRQL 0 \(.*PASSIVE_LEVEL\)$/)
  })

  test("without docs, the debugger's own descriptions", () => {
    const rows = readParameters(seed, undefined)
    expect(rows[1]?.reading).toMatchObject({ value: '0xffff', description: "The thread's APC disable count", decoded: [] })
    expect(rows[3]?.reading?.description).toBeUndefined()
  })

  test('a parameter the output did not show has no reading', () => {
    const cut = found(triage('BugCheck 20, {0, ffff}')).bugcheck
    expect(readParameters(cut, runbookDocs).map((row) => row.reading?.value)).toEqual(['0x0', '0xffff', undefined, undefined])
  })
})

describe('the reference, for any code', () => {
  test('bare BUGCHECK_Pn lines of a code without a runbook: names, meanings, decoded values and the case', () => {
    // Synthetic: the field lines `!analyze` prints, for 0x133 with parameter 1 = 0 (a single DPC).
    const result = found(triage('BUGCHECK_CODE:  133\nBUGCHECK_P1: 0\nBUGCHECK_P2: 501\nBUGCHECK_P3: 500\nBUGCHECK_P4: fffff80170efb320'))
    const docs = referenceIndex.docs(0x133)
    const rows = readParameters(result.bugcheck, docs)
    expect(rows.every((row) => row.reading?.name)).toBe(true)
    expect(rows.map((row) => row.reading?.description).every(Boolean)).toBe(true)
    expect(subtypesOf(result.bugcheck, docs).map((subtype) => subtype.value)).toEqual(['0x0'])
    expect(rows[1]?.reading?.decoded.join(' ')).toMatch(/1281 clock ticks/)
    expect(rows[3]?.reading?.decoded).toContain('kernel-mode address')
  })

  test('0x9F from a real dump banner: the case of parameter 1 = 0x3 names parameters 2 to 4', () => {
    const banner = found(triage('BugCheck 9F, {3, ffffe000f38c06a0, fffff803c596cad0, ffffe000f46a1010}')).bugcheck
    const rows = readParameters(banner, referenceIndex.docs(0x9f))
    expect(rows[0]?.reading?.subtype).toMatch(/power IRP/)
    expect(rows.slice(1).map((row) => row.reading?.name)).toEqual(['Physical device object', 'Triage block', 'Blocked IRP'])
    expect(rows[2]?.reading?.subtype).toMatch(/^Parameter 1 = 0x3: /)
  })

  test('an undocumented value of a selecting parameter says so', () => {
    const odd = found(triage('BugCheck 9F, {77, 0, 0, 0}')).bugcheck
    expect(readParameters(odd, referenceIndex.docs(0x9f))[0]?.reading?.decoded).toContain('not a documented value')
  })

  const runbooks = (entry: BugcheckReference) =>
    entry.code === '0x20'
      ? [{ title: 'synthetic a', url: '/runbooks/a/' }]
      : entry.code === '0x7e'
        ? [{ title: 'synthetic c', url: '/runbooks/c/' }]
        : []

  test('a code: its entry, runbooks and documentation', () => {
    const knowledge = knowledgeOf(referenceIndex, 0x20, runbooks)
    expect(knowledge.entry?.name).toBe('KERNEL_APC_PENDING_DURING_EXIT')
    expect(knowledge.entry?.url).toBe('/bugchecks/0x20/')
    expect(knowledge.runbooks).toEqual([{ title: 'synthetic a', url: '/runbooks/a/' }])
    expect(knowledge.docs.parameters.map((parameter) => parameter.index)).toEqual([1, 2, 3, 4])
  })

  test('a variant code gets the parameters and runbooks of the code it shares them with', () => {
    const knowledge = knowledgeOf(referenceIndex, 0x1000007e, runbooks)
    expect(knowledge.entry?.name).toBe('SYSTEM_THREAD_EXCEPTION_NOT_HANDLED_M')
    expect(knowledge.parametersOf?.code).toBe('0x7e')
    expect(knowledge.runbooks).toEqual([{ title: 'synthetic c', url: '/runbooks/c/' }])
    expect(knowledge.docs.parameters[0]?.decode).toBe('ntstatus')
  })

  test('an unknown code, and no reference at all', () => {
    expect(knowledgeOf(referenceIndex, 0x12345)).toEqual({ runbooks: [], docs: { parameters: [], subtypes: [] } })
    expect(knowledgeOf(undefined, 0x20)).toEqual({ runbooks: [], docs: { parameters: [], subtypes: [] } })
  })

  test('an index of the published JSON reads the same as the loaded reference', () => {
    const republished = indexReference(JSON.parse(JSON.stringify(reference)) as BugcheckReference[])
    expect(republished.docs(0xc4)).toEqual(referenceIndex.docs(0xc4))
  })

  test('the page writes codes as the catalog does, so a found code finds its entry', () => {
    for (const entry of catalog) {
      const code = numberOf(entry)
      expect(normaliseHex(code.toString(16))).toBe(canonicalCode(code))
    }
  })
})

describe('the formats the page lists', () => {
  test.each(Object.entries(formatDescriptions))('%s: the example is recognised as that format', (format, { example }) => {
    const marks = findParameterMarks(splitLines(example.join('\n')))
    expect(marks.map((found) => found.format)).toContain(format as ParameterFormat)
  })
})

describe('share links', () => {
  const seed = found(triage(seedAnalyze)).bugcheck

  test('hold the code and the four values only, and read back', () => {
    const hash = shareHash(seed)
    expect(hash).toBe('#code=0x20&p=0,ffff,0,1')
    const back = readShareHash(hash ?? '') as TriagedBugcheck
    expect(back).toMatchObject({ code: 0x20, hex: '0x20', parameters: seed.parameters, arch: 'x64' })
    expect(readParameters(back, runbookDocs)[1]?.reading?.decoded).toEqual(['-1 as a signed 16-bit value'])
  })

  test("the code page's decode form: a query of the code and the values typed", () => {
    expect(readDecodeQuery('?code=0x9f&p1=3&p2=ffffe000f38c06a0&p3=&p4=0x0')).toMatchObject({ code: 0x9f, parameters: ['0x3', '0xffffe000f38c06a0', '', '0x0'], arch: 'x64' })
    expect(readDecodeQuery('?code=0x20&p2=ffff&arch=x86')).toMatchObject({ parameters: ['', '0xffff', '', ''], arch: 'x86' })
    expect(readDecodeQuery('?code=0x20&p1=not-hex')).toBeUndefined()
    expect(readDecodeQuery('?q=0x20')).toBeUndefined()
  })

  test('keep a 32-bit target and missing values', () => {
    const x86 = found(triage(realFence('bug-check-0x117---video-tdr-timeout-detected.md', '3: kd> !analyze -v'))).bugcheck
    expect(readShareHash(shareHash(x86) ?? '')).toMatchObject({ parameters: x86.parameters, arch: 'x86' })
    const cut = found(triage('BugCheck 20, {0, ffff}')).bugcheck
    expect(shareHash(cut)).toBe('#code=0x20&p=0,ffff,,')
    expect(readShareHash('#code=0x20&p=0,ffff,,')?.parameters).toEqual(['0x0', '0xffff', '', ''])
  })

  test('a value too long to be a parameter makes no link', () => {
    expect(shareHash(found(triage('BugCheck 20, {123456789abcdef0123, 0, 0, 0}')).bugcheck)).toBeUndefined()
  })

  test('a link to a heading is no shared result', () => {
    expect(['#code=0x20&p=0,ffff,0,1', 'code=0x20', '#arch=x86&code=0x20'].map(isShareHash)).toEqual([true, true, true])
    expect(['', '#formats', '#_top', '#barcode=1'].map(isShareHash)).toEqual([false, false, false, false])
  })

  test.each(['', '#', '#code=20', '#code=0x20&p=0,1,2,3,4', '#code=0x20&p=<script>', '#code=0x123456789&p=0', '#p=0,ffff,0,1'])(
    'anything else is refused: %j',
    (hash) => {
      expect(readShareHash(hash)).toBeUndefined()
    },
  )
})
