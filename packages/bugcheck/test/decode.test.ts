// The decoders on values from real debugger output (the project's fixtures from Microsoft's docs
// and the seed write-up), read with the reference files of content/bugchecks/.
import { describe, expect, it } from 'vitest'
import { decodeValue, describeParameter, findBugchecks, guessArchitecture, indexReference, parseU64, proseSpans, type BugcheckFinding, type ParameterIndex } from '../src/index.ts'
import { loadReference } from '../src/load.ts'
import { realFences } from '../../../plugins/remark-windbg/test/helpers.ts'

const index = indexReference(loadReference(new URL('../../../content/bugchecks/', import.meta.url).pathname))
const fences = realFences()

/** The `nth` report of `code` in a real fixture, one fence at a time. */
function realFinding(file: string, code: number, nth = 0): BugcheckFinding {
  const findings = fences
    .filter((fence) => fence.file === file)
    .flatMap((fence) => findBugchecks(fence.value))
    .filter((finding) => finding.code === code)
  const finding = findings[nth]
  if (!finding) throw new Error(`no 0x${code.toString(16)} in ${file}`)
  return finding
}

/** Reads parameter `index` of a real finding as triage and the tooltips do. */
function read(finding: BugcheckFinding, parameter: ParameterIndex) {
  return describeParameter({
    index: parameter,
    text: finding.parameters[parameter - 1] as string,
    parameters: finding.parameters,
    docs: index.docs(finding.code),
    arch: guessArchitecture(finding.widths),
    bugcheckName: (code) => index.get(code)?.name,
  })
}

describe('decoders on real values', () => {
  it('0x1E: the exception code is named (NTSTATUS)', () => {
    const finding = realFinding('bug-check-0x1e--kmode-exception-not-handled.md', 0x1e)
    expect(read(finding, 1)).toMatchObject({ name: expect.any(String), value: '0xc0000005' })
    expect(read(finding, 1).decoded[0]).toMatch(/^STATUS_ACCESS_VIOLATION: /)
  })

  it('0x1000008E from a dump banner: the variant reads with the parameters of 0x8E', () => {
    const finding = realFinding('-chkimg.md', 0x1000008e)
    expect(read(finding, 1).decoded[0]).toMatch(/^STATUS_ACCESS_VIOLATION/)
    expect(read(finding, 2).decoded).toEqual(['kernel-mode address'])
  })

  it('0xD1: the access type is an enum (read on x64, write on x86) and the IRQL is named', () => {
    const x64 = realFinding('bug-check-0xd1--driver-irql-not-less-or-equal.md', 0xd1, 0)
    // Microsoft's !analyze page prints the title and the Arg lines of one 32-bit dump in two blocks.
    const blocks = fences.filter((fence) => fence.file === 'using-the--analyze-extension.md').map((fence) => fence.value)
    const x86 = findBugchecks(blocks.join('\n')).find((finding) => finding.code === 0xd1)!
    expect(guessArchitecture(x86.widths)).toBe('x86')
    expect(read(x64, 3).decoded).toEqual(['read'])
    expect(read(x86, 3).decoded).toEqual(['write'])
    expect(read(x64, 2).decoded).toEqual(['IRQL 2 (DISPATCH_LEVEL)'])
    // 0x4 on a 32-bit target: below the first 64 KB, no valid address.
    expect(read(x86, 1).decoded).toEqual(['a small integer, not a valid address'])
    expect(read(x64, 4).decoded).toEqual(['kernel-mode address'])
  })

  it('0x133: the case of parameter 1 = 0, and DPC times in clock ticks', () => {
    const finding = realFinding('bug-check-0x133-dpc-watchdog-violation.md', 0x133, 0)
    expect(read(finding, 1).subtype).toMatch(/single DPC or ISR/)
    expect(read(finding, 2)).toMatchObject({ name: 'DPC time count', decoded: ['1281 clock ticks'] })
    expect(read(finding, 3).decoded).toEqual(['1280 clock ticks'])
    expect(read(finding, 2).subtype).toMatch(/^Parameter 1 = 0x0: /)
  })

  it('0x9F with parameter 1 = 4 on a 32-bit target: a time-out in seconds', () => {
    const finding = realFinding('bug-check-0x9f--driver-power-state-failure.md', 0x9f, 1)
    expect(finding.parameters[0]).toBe('0x4')
    expect(read(finding, 2).decoded).toEqual(['600 seconds (10 min)'])
    expect(read(finding, 3).decoded).toEqual(['kernel-mode address'])
  })

  it('0x20 from the seed: the APC disable count is -1, the reserved parameter says so', () => {
    const finding = realFinding('seed-0x20.md', 0x20)
    expect(read(finding, 2).decoded).toEqual(['-1 as a signed 16-bit value'])
    expect(read(finding, 1).decoded).toEqual(['NULL pointer'])
    expect(read(finding, 4)).toMatchObject({ reserved: true, decoded: [] })
  })
})

describe('decodeValue, each kind', () => {
  const x64 = { arch: 'x64' } as const
  const value = (text: string) => parseU64(text)!
  it('bit fields: each documented bit, and the undocumented ones set', () => {
    const flags = [{ bit: 0, set: 'write', clear: 'read' }, { bit: 3, set: 'execute' }]
    expect(decodeValue(value('8'), { decode: 'flags', flags }, x64)).toEqual(['bit 0 clear: read; bit 3 set: execute'])
    expect(decodeValue(value('1'), { decode: 'flags', flags }, x64)).toEqual(['bit 0 set: write'])
    expect(decodeValue(value('30'), { decode: 'flags', flags }, x64)).toEqual(['bit 0 clear: read; undocumented bits set (0x30)'])
  })
  it('enums: a value not listed is undocumented, never guessed', () => {
    expect(decodeValue(value('2'), { decode: 'enum', values: { '0x0': 'read', '0x1': 'write' } }, x64)).toEqual(['not a documented value'])
  })
  it('pointers versus small integers, and addresses no x64 target has', () => {
    expect(decodeValue(value('0'), { decode: 'pointer' }, x64)).toEqual(['NULL pointer'])
    expect(decodeValue(value('10'), { decode: 'pointer' }, x64)).toEqual(['a small integer, not a valid address'])
    expect(decodeValue(value('00007ff6`12340000'), { decode: 'pointer' }, x64)).toEqual(['user-mode address'])
    expect(decodeValue(value('0000f00000000000'), { decode: 'pointer' }, x64)).toEqual(['non-canonical address: invalid on x64'])
    expect(decodeValue(value('ffffffff9a02381e'), { decode: 'pointer' }, { arch: 'x86' })).toEqual(['kernel-mode address'])
    expect(decodeValue(value('fffff80622c00000'), { decode: 'decimal' }, x64)).toContain('looks like a kernel address, not a count')
  })
  it('durations in each unit', () => {
    expect(decodeValue(value('78'), { decode: 'duration', unit: 'seconds' }, x64)).toEqual(['120 seconds (2 min)'])
    expect(decodeValue(value('2710'), { decode: 'duration', unit: 'milliseconds' }, x64)).toEqual(['10000 milliseconds (10 s)'])
    expect(decodeValue(value('1'), { decode: 'duration', unit: 'ticks' }, x64)).toEqual(['1 clock tick'])
  })
  it('signed values at every width, exactly, without BigInt', () => {
    expect(decodeValue(value('ffffffffffffffff'), { decode: 'signed' }, x64)).toEqual(['-1 as a signed 64-bit value'])
    expect(decodeValue(value('8000000000000000'), { decode: 'signed' }, x64)).toEqual(['-9223372036854775808 as a signed 64-bit value'])
    expect(decodeValue(value('ff'), { decode: 'signed', bits: 8 }, x64)).toEqual(['-1 as a signed 8-bit value'])
    expect(decodeValue(value('7fffffff'), { decode: 'signed' }, x64)).toEqual(['2147483647 as a signed 32-bit value'])
  })
  it('NTSTATUS values this table does not name: severity and facility only', () => {
    expect(decodeValue(value('c00d1234'), { decode: 'ntstatus' }, x64)).toEqual(['an error status not named here (facility 0xd)'])
    expect(decodeValue(value('100000000'), { decode: 'ntstatus' }, x64)).toEqual(['wider than 32 bits: not an NTSTATUS'])
  })
  it('IRQLs, ASCII names and bugcheck codes', () => {
    expect(decodeValue(value('1c'), { decode: 'irql' }, { arch: 'x86' })).toEqual(['IRQL 28 (CLOCK2_LEVEL/CLOCK1_LEVEL/CLOCK_LEVEL)'])
    expect(decodeValue(value('1c'), { decode: 'irql' }, x64)).toEqual(['IRQL 28: above the highest level on x64'])
    expect(decodeValue(value('5752505f'), { decode: 'ascii' }, x64)).toEqual(['“_PRW” as ASCII characters'])
    expect(decodeValue(value('ffff0000'), { decode: 'ascii' }, x64)).toEqual([])
    expect(decodeValue(value('9f'), { decode: 'bugcheck' }, { arch: 'x64', bugcheckName: (code) => index.get(code)?.name })).toEqual(['bugcheck 0x9f DRIVER_POWER_STATE_FAILURE'])
  })
})

describe('proseSpans: the reference’s sentences, code marked with backticks', () => {
  it('splits code from text, in order, with nothing lost', () => {
    expect(proseSpans('An `nt!_TRIAGE_9F_POWER` structure; `dt` on it.')).toEqual([
      { text: 'An ', code: false },
      { text: 'nt!_TRIAGE_9F_POWER', code: true },
      { text: ' structure; ', code: false },
      { text: 'dt', code: true },
      { text: ' on it.', code: false },
    ])
  })

  it('leaves an unpaired backtick and empty code as text', () => {
    expect(proseSpans('fffff800`12345678 is an address')).toEqual([{ text: 'fffff800`12345678 is an address', code: false }])
    expect(proseSpans('two `` ticks')).toEqual([{ text: 'two `` ticks', code: false }])
    expect(proseSpans('')).toEqual([])
  })
})
