import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { irqlName, irqlNames } from '../src/data/irql.ts'
import { isCustomerNtstatus, knownNtstatusValues, ntstatusName, ntstatusSeverity, statusOf } from '../src/data/ntstatus.ts'
import { parseU64 } from '../src/hex.ts'

function readFixture(name: string): string {
  return readFileSync(new URL(`../../../plugins/remark-windbg/test/fixtures/real/${name}`, import.meta.url), 'utf8')
}

/** The hex value after a label in debugger output, e.g. `ExceptionCode: c0000005`. */
function hexAfter(text: string, label: RegExp): number {
  const match = new RegExp(`${label.source}\\s*([0-9a-fA-F]{8})\\b`).exec(text)
  if (!match?.[1]) throw new Error(`no value after ${label}`)
  return Number.parseInt(match[1], 16)
}

describe('ntstatusName', () => {
  it('names the exception code of the real 0x1E transcript', () => {
    const text = readFixture('bug-check-0x1e--kmode-exception-not-handled.md')
    const fromExr = hexAfter(text, /ExceptionCode:/)
    const fromBugcheck = hexAfter(text, /Arguments/)
    expect(fromExr).toBe(0xc0000005)
    expect(fromBugcheck).toBe(0xc0000005)
    expect(ntstatusName(fromExr)?.name).toBe('STATUS_ACCESS_VIOLATION')
    expect(ntstatusSeverity(fromExr)).toBe('error')
  })

  it('names the first parameter of the banner in the real !chkimg transcript', () => {
    const value = hexAfter(readFixture('-chkimg.md'), /BugCheck 1000008E, \{/)
    expect(ntstatusName(value)?.name).toBe('STATUS_ACCESS_VIOLATION')
  })

  it('names the exception of the real !analyze transcript', () => {
    const text = readFixture('using-the--analyze-extension.md')
    const value = hexAfter(text, /BUGCHECK_STR:/)
    expect(ntstatusName(value)?.name).toBe('STATUS_BREAKPOINT')
    expect(ntstatusSeverity(value)).toBe('warning')
    // The same page prints an HRESULT (E_FAIL), which is not an NTSTATUS.
    expect(ntstatusName(hexAfter(text, /Open failed/))).toBeUndefined()
  })

  it('reads the forms debuggers print: 32 bits, or sign-extended to 64', () => {
    expect(statusOf(parseU64('ffffffffc0000005')!)).toBe(0xc0000005)
    expect(statusOf(parseU64('c0000005')!)).toBe(0xc0000005)
    expect(statusOf(parseU64('1c0000005')!)).toBeUndefined()
    expect(statusOf(parseU64('ffffffff00000005')!)).toBeUndefined()
  })

  it('knows the values seen most in crash dumps', () => {
    const expected: ReadonlyArray<readonly [number, string]> = [
      [0x00000000, 'STATUS_SUCCESS'],
      [0x00000102, 'STATUS_TIMEOUT'],
      [0x00000103, 'STATUS_PENDING'],
      [0x80000002, 'STATUS_DATATYPE_MISALIGNMENT'],
      [0x80000003, 'STATUS_BREAKPOINT'],
      [0x80000004, 'STATUS_SINGLE_STEP'],
      [0x80000005, 'STATUS_BUFFER_OVERFLOW'],
      [0xc0000001, 'STATUS_UNSUCCESSFUL'],
      [0xc0000002, 'STATUS_NOT_IMPLEMENTED'],
      [0xc0000005, 'STATUS_ACCESS_VIOLATION'],
      [0xc0000006, 'STATUS_IN_PAGE_ERROR'],
      [0xc0000008, 'STATUS_INVALID_HANDLE'],
      [0xc000000d, 'STATUS_INVALID_PARAMETER'],
      [0xc000000e, 'STATUS_NO_SUCH_DEVICE'],
      [0xc0000010, 'STATUS_INVALID_DEVICE_REQUEST'],
      [0xc0000017, 'STATUS_NO_MEMORY'],
      [0xc000001d, 'STATUS_ILLEGAL_INSTRUCTION'],
      [0xc0000023, 'STATUS_BUFFER_TOO_SMALL'],
      [0xc0000032, 'STATUS_DISK_CORRUPT_ERROR'],
      [0xc0000034, 'STATUS_OBJECT_NAME_NOT_FOUND'],
      [0xc000003f, 'STATUS_CRC_ERROR'],
      [0xc000008d, 'STATUS_FLOAT_DENORMAL_OPERAND'],
      [0xc000008e, 'STATUS_FLOAT_DIVIDE_BY_ZERO'],
      [0xc000008f, 'STATUS_FLOAT_INEXACT_RESULT'],
      [0xc0000090, 'STATUS_FLOAT_INVALID_OPERATION'],
      [0xc0000091, 'STATUS_FLOAT_OVERFLOW'],
      [0xc0000092, 'STATUS_FLOAT_STACK_CHECK'],
      [0xc0000093, 'STATUS_FLOAT_UNDERFLOW'],
      [0xc0000094, 'STATUS_INTEGER_DIVIDE_BY_ZERO'],
      [0xc0000096, 'STATUS_PRIVILEGED_INSTRUCTION'],
      [0xc000009a, 'STATUS_INSUFFICIENT_RESOURCES'],
      [0xc000009c, 'STATUS_DEVICE_DATA_ERROR'],
      [0xc00000a3, 'STATUS_DEVICE_NOT_READY'],
      [0xc00000b5, 'STATUS_IO_TIMEOUT'],
      [0xc00000fd, 'STATUS_STACK_OVERFLOW'],
      [0xc0000102, 'STATUS_FILE_CORRUPT_ERROR'],
      [0xc0000120, 'STATUS_CANCELLED'],
      [0xc0000194, 'STATUS_POSSIBLE_DEADLOCK'],
      [0xc0000225, 'STATUS_NOT_FOUND'],
      [0xc0000374, 'STATUS_HEAP_CORRUPTION'],
      [0xc0000409, 'STATUS_STACK_BUFFER_OVERRUN'],
      [0xc0000420, 'STATUS_ASSERTION_FAILURE'],
      [0xc0000602, 'STATUS_FAIL_FAST_EXCEPTION'],
    ]
    for (const [value, name] of expected) expect(ntstatusName(value)?.name, name).toBe(name)
  })

  it('keeps a table of plain one-line summaries', () => {
    const values = knownNtstatusValues()
    expect(values.length).toBeGreaterThanOrEqual(40)
    for (const value of values) {
      const info = ntstatusName(value)
      expect(info?.name).toMatch(/^STATUS_[A-Z0-9_]+$/)
      expect(info?.summary.length).toBeLessThan(110)
      expect(info?.summary).toMatch(/^[A-Z].*\.$/)
    }
  })
})

describe('ntstatusSeverity and isCustomerNtstatus', () => {
  it('reads the severity from the two high bits', () => {
    expect(ntstatusSeverity(0x00000000)).toBe('success')
    expect(ntstatusSeverity(0x00000103)).toBe('success')
    expect(ntstatusSeverity(0x40000000)).toBe('informational')
    expect(ntstatusSeverity(0x80000003)).toBe('warning')
    expect(ntstatusSeverity(0xc0000005)).toBe('error')
    expect(ntstatusSeverity(statusOf(parseU64('ffffffffc0000409')!)!)).toBe('error')
  })

  it('reads the customer bit', () => {
    expect(isCustomerNtstatus(0xe0000001)).toBe(true)
    expect(isCustomerNtstatus(0xc0000005)).toBe(false)
  })
})

describe('irqlName', () => {
  it('matches what !irql printed in the real transcripts', () => {
    // Microsoft's !irql page: the first example is from an x86 machine, the second from x64.
    const irqlPage = readFixture('-irql.md')
    const printed = [...irqlPage.matchAll(/-- (\d+) \(([A-Z0-9_]+)\)/g)].map(([, level, name]) => [Number(level), name])
    expect(printed).toEqual([
      [28, 'CLOCK2_LEVEL'],
      [0, 'LOW_LEVEL'],
      [12, 'SYNCH_LEVEL'],
    ])
    expect(irqlNames(28, 'x86')[0]).toBe('CLOCK2_LEVEL')
    expect(irqlNames(0, 'x86')[0]).toBe('LOW_LEVEL')
    expect(irqlNames(12, 'x64')[0]).toBe('SYNCH_LEVEL')

    const d1 = readFixture('bug-check-0xd1--driver-irql-not-less-or-equal.md')
    const saved = /-- (\d+) \(([A-Z_]+)\)/.exec(d1)
    expect(saved?.[2]).toBe('DISPATCH_LEVEL')
    expect(irqlName(Number(saved?.[1]), 'x64')).toBe('DISPATCH_LEVEL')
    // Parameter 2 of bug check 0xD1 is the IRQL.
    const arg2 = /Arg2: ([0-9a-f]+), IRQL/.exec(d1)?.[1] ?? ''
    expect(irqlName(Number.parseInt(arg2, 16), 'x64')).toBe('DISPATCH_LEVEL')
  })

  it('gives the same number different names per architecture', () => {
    expect(irqlName(12, 'x64')).toBe('SYNCH_LEVEL')
    expect(irqlName(12, 'x86')).toBe('DIRQL')
    expect(irqlName(28, 'x86')).toBe('CLOCK2_LEVEL/CLOCK1_LEVEL/CLOCK_LEVEL')
    expect(irqlName(28, 'x64')).toBeUndefined()
    expect(irqlName(13, 'x64')).toBe('CLOCK_LEVEL')
    expect(irqlName(13, 'x86')).toBe('DIRQL')
  })

  it('knows the named levels of each architecture', () => {
    expect(irqlName(0, 'x64')).toBe('LOW_LEVEL/PASSIVE_LEVEL')
    expect(irqlName(1, 'arm64')).toBe('APC_LEVEL')
    expect(irqlName(2, 'x86')).toBe('DISPATCH_LEVEL')
    expect(irqlNames(14, 'x64')).toEqual(expect.arrayContaining(['IPI_LEVEL', 'POWER_LEVEL']))
    expect(irqlNames(15, 'x64')).toEqual(expect.arrayContaining(['HIGH_LEVEL', 'PROFILE_LEVEL']))
    expect(irqlName(15, 'arm64')).toBe('HIGH_LEVEL/PROFILE_LEVEL')
    expect(irqlName(5, 'x64')).toBe('CMCI_LEVEL/DIRQL')
    expect(irqlName(5, 'arm64')).toBe('DIRQL')
    expect(irqlNames(27, 'x86')).toEqual(['PROFILE_LEVEL', 'SYNCH_LEVEL'])
    expect(irqlName(29, 'x86')).toBe('IPI_LEVEL')
    expect(irqlName(30, 'x86')).toBe('POWER_LEVEL')
    expect(irqlName(31, 'x86')).toBe('HIGH_LEVEL')
  })

  it('names every level in range and nothing outside it', () => {
    const ranges = { x64: 15, arm64: 15, x86: 31 } as const
    for (const [arch, highest] of Object.entries(ranges) as Array<[keyof typeof ranges, number]>) {
      for (let level = 0; level <= highest; level++) expect(irqlName(level, arch), `${arch} ${level}`).toBeDefined()
      expect(irqlName(highest + 1, arch)).toBeUndefined()
      expect(irqlName(-1, arch)).toBeUndefined()
      expect(irqlName(1.5, arch)).toBeUndefined()
    }
  })
})
