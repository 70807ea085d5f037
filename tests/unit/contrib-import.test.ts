import { copyFileSync, readFileSync, readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Code } from 'mdast'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { runbookFields } from '../../src/lib/runbook-schema.ts'
import { importWriteup } from '../../scripts/lib/import/convert.ts'
import { parameterFromDescription } from '../../scripts/lib/import/bugcheck.ts'
import { guessLanguage } from '../../scripts/lib/languages.ts'
import { parseMarkdown, splitArticle } from '../../scripts/lib/markdown.ts'
import { checkFile, errors, FIXTURES, run, SEED, tempDir } from './contrib-helpers.ts'

const today = new Date(2024, 4, 1)
const RE_BARE_FENCE = /^\s*(?:`{3,}|~{3,})\s*$/

/**
 * The body of the runbook is the write-up line for line; the one edit allowed is a language
 * added to an opening fence that had none.
 */
function expectEveryLineKept(input: string, output: string): void {
  const body = splitArticle(output).body.split(/\r?\n/)
  const lines = input.split(/\r?\n/)
  expect(body).toHaveLength(lines.length)
  lines.forEach((line, index) => {
    const out = body[index] as string
    if (out === line) return
    expect(RE_BARE_FENCE.test(line), `line ${index + 1} changed: ${JSON.stringify(line)} → ${JSON.stringify(out)}`).toBe(true)
    const [marker = ''] = /^\s*(?:`{3,}|~{3,})/.exec(line) ?? []
    expect(out).toMatch(new RegExp(`^${marker.replace(/[`~]/g, '\\$&')}(?:windbg|c|cpp|cmd|powershell)\\s*$`))
  })
}

function fencesOf(text: string): { lang: string | null | undefined; value: string }[] {
  const fences: { lang: string | null | undefined; value: string }[] = []
  visit(parseMarkdown(splitArticle(text).body), 'code', (node: Code) => {
    fences.push({ lang: node.lang, value: node.value })
  })
  return fences
}

/** The frontmatter as the site reads it: the runbook fields through their schema, and the title. */
function frontmatterOf(text: string) {
  const raw = parseYaml(splitArticle(text).yaml ?? '') as { title?: unknown }
  return { ...runbookFields(new Set()).parse(raw), title: raw.title }
}

describe('npm run import on the seed write-up', () => {
  const dir = tempDir('import-seed')
  const source = join(dir, '0x20-kernel-apc-pending-during-exit.md')
  copyFileSync(SEED, source)
  const out = join(dir, 'runbooks')
  const result = run('import', [source, '--out', out])
  const target = join(out, '0x20-kernel-apc-pending-during-exit.md')
  const input = readFileSync(source, 'utf8')

  it('writes the runbook and prints what it inferred and what it could not', () => {
    expect(result.status, result.output).toBe(0)
    expect(readdirSync(out)).toEqual([basename(target)])
    expect(result.stdout).toMatch(/bugcheck {3}0x20 KERNEL_APC_PENDING_DURING_EXIT, from the !di Bugcheck: line at line 187; the !analyze title line at line 202/)
    expect(result.stdout).toMatch(/parameters none written: content\/bugchecks\/0x20\.yaml documents them/)
    expect(result.stdout).toMatch(/npm run check: 0 errors/)
  })

  const output = readFileSync(target, 'utf8')

  it('passes the check unchanged: no errors and no warnings', () => {
    const findings = checkFile(target, out)
    expect(errors(findings)).toEqual([])
    expect(findings.filter((finding) => finding.severity === 'warning')).toEqual([])
  })

  it('keeps every line of the write-up', () => {
    expectEveryLineKept(input, output)
  })

  it('has bugcheck "0x20", and leaves the parameters to the reference', () => {
    expect(output).toContain('bugcheck: "0x20"\n')
    const data = frontmatterOf(output)
    expect(data.bugcheck).toBe('0x20')
    expect(data.title).toBe('KERNEL_APC_PENDING_DURING_EXIT (0x20)')
    expect(data.summary).toMatch(/^The KERNEL_APC_PENDING_DURING_EXIT bug check has a value of 0x00000020\. This indicates/)
    // The reference documents 0x20's parameters: the debugger's words would only override it.
    expect(data.parameters).toEqual([])
  })

  it('tags the transcripts windbg, keeps the C fence c and tags the sc.exe fences cmd', () => {
    const fences = fencesOf(output)
    expect(fences.map((fence) => fence.lang)).toEqual(['c', 'cmd', 'cmd', 'windbg', 'windbg', 'windbg'])
    expect(fences.filter((fence) => fence.lang === 'cmd').map((fence) => fence.value.split(' ')[0])).toEqual(['sc.exe', 'sc.exe'])
    expect(fences.filter((fence) => fence.lang === 'windbg').map((fence) => fence.value.split('\n')[0])).toEqual([
      '2: kd> .load mex',
      '4: kd> !di',
      '4: kd> !analyze -v',
    ])
  })

  it('never overwrites: a second import of the same write-up is refused', () => {
    const again = run('import', [source, '--out', out])
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/not written: .* already exists/)
    expect(readFileSync(target, 'utf8')).toBe(output)
  })
})

describe('npm run import on synthetic write-ups', () => {
  const WRITEUPS = join(FIXTURES, 'writeups')
  const read = (name: string) => readFileSync(join(WRITEUPS, name), 'utf8')

  it('reads the code from the dump banner alone', () => {
    const input = read('bsod-usb-hub-power-irp.md')
    const result = importWriteup(input, { baseName: 'bsod-usb-hub-power-irp', today })
    expect(result.slug).toBe('0x9f-bsod-usb-hub-power-irp')
    const data = frontmatterOf(result.text)
    expect(data.bugcheck).toBe('0x9f')
    expect(data.title).toBe('A USB keyboard that kept a power IRP')
    expect(data.parameters).toEqual([])
    expect(result.inferred.join('\n')).toMatch(/the dump banner at line 18/)
    expect(result.inferred).toContain('parameters none written: content/bugchecks/0x9f.yaml documents them')
    expect(result.missing).toContain('fence at line 36: language unclear, left untagged')
    expect(fencesOf(result.text).map((fence) => fence.lang)).toEqual(['windbg', 'windbg', null])
    expectEveryLineKept(input, result.text)
  })

  it('reads the code from the !di Bugcheck: line alone, and tags PowerShell', () => {
    const input = read('mutex-di-only.md')
    const result = importWriteup(input, { baseName: 'mutex-di-only', today })
    const data = frontmatterOf(result.text)
    expect(data.bugcheck).toBe('0x20')
    expect(data.summary).toBe('A quick note on a test machine that stopped right after a driver was started. I only ran !di before moving on.')
    expect(result.inferred.join('\n')).toMatch(/the !di Bugcheck: line at line 26/)
    expect(fencesOf(result.text).map((fence) => fence.lang)).toEqual(['powershell', 'windbg'])
    expectEveryLineKept(input, result.text)
  })

  it('writes bugcheck: none and says so when no fence names a bugcheck', () => {
    const input = read('spinlock-deadlock.md')
    const result = importWriteup(input, { baseName: 'spinlock-deadlock', today })
    expect(result.slug).toBe('spinlock-deadlock')
    const data = frontmatterOf(result.text)
    expect(data.bugcheck).toBe('none')
    expect(data.parameters).toEqual([])
    // The first heading, "Overview", names a section: the file name makes the title.
    expect(data.title).toBe('Spinlock deadlock')
    expect(result.missing[0]).toMatch(/^bugcheck: no !analyze title, !di Bugcheck: line, dump banner or BUGCHECK_CODE in any fence; wrote bugcheck: none/)
    expect(fencesOf(result.text).map((fence) => fence.lang)).toEqual(['windbg', 'windbg', 'cpp', null])
    expectEveryLineKept(input, result.text)
  })

  it('each imported write-up passes the check unchanged', () => {
    const out = tempDir('import-synthetic')
    const files = readdirSync(WRITEUPS).map((name) => join(WRITEUPS, name))
    const result = run('import', [...files, '--out', out])
    expect(result.status, result.output).toBe(0)
    const written = readdirSync(out).sort()
    expect(written).toEqual(['0x20-mutex-di-only.md', '0x9f-bsod-usb-hub-power-irp.md', 'spinlock-deadlock.md'])
    for (const name of written) expect(errors(checkFile(join(out, name), out)), name).toEqual([])
  })

  it('takes --code, --title and --slug, and keeps a frontmatter the write-up already has', () => {
    const input = '---\ntags: [hang]\n---\nSome notes without a transcript, long enough to be a summary of the case.\n'
    const result = importWriteup(input, { baseName: 'notes', title: 'Given title', slug: 'given-slug', code: 0x9f, today })
    expect(result.slug).toBe('given-slug')
    const data = frontmatterOf(result.text)
    expect(data).toMatchObject({ title: 'Given title', bugcheck: '0x9f', tags: ['hang'], parameters: [] })
    expect(splitArticle(result.text).body).toBe('Some notes without a transcript, long enough to be a summary of the case.\n')
  })

  it('keeps CRLF line endings', () => {
    const input = read('mutex-di-only.md').replace(/\n/g, '\r\n')
    const result = importWriteup(input, { baseName: 'mutex-di-only', today })
    expect(result.text).not.toMatch(/[^\r]\n/)
    expectEveryLineKept(input, result.text)
  })
})

describe('import: guesses', () => {
  it('names a parameter from the first words of its description', () => {
    expect(parameterFromDescription(2, "The thread's APC disable count")).toEqual({ name: "Thread's APC disable count", description: "The thread's APC disable count" })
    expect(parameterFromDescription(1, 'A device object has been blocking an Irp for too long a time').name).toBe('Device object has been blocking')
    expect(parameterFromDescription(3, 'value 0 = read operation, 1 = write operation').name).toBe('Value 0 = read operation')
    expect(parameterFromDescription(4, 'address which referenced memory')).toMatchObject({ name: 'Address which referenced memory', decode: 'pointer' })
    expect(parameterFromDescription(2, 'IRQL')).toMatchObject({ name: 'IRQL', decode: 'irql' })
  })

  it('tags a fence only where its language is clear', () => {
    expect(guessLanguage('#include <ntddk.h>\n')).toBe('c')
    expect(guessLanguage('NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r) {\n  return STATUS_SUCCESS;\n}\n')).toBe('c')
    expect(guessLanguage('#include <mutex>\nstd::mutex m;\n')).toBe('cpp')
    expect(guessLanguage('Get-Service -Name TestDrv\n')).toBe('powershell')
    expect(guessLanguage('PS C:\\> sc.exe query TestDrv\n')).toBe('powershell')
    expect(guessLanguage('sc.exe start TestDrv\n')).toBe('cmd')
    expect(guessLanguage('bcdedit /set testsigning on\n')).toBe('cmd')
    expect(guessLanguage('C:\\Windows\\System32>verifier /standard /driver TestDriver.sys\n')).toBe('cmd')
    expect(guessLanguage('reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\CrashControl\n')).toBe('cmd')
    // Words that are also commands, and plain notes, stay untagged.
    expect(guessLanguage('net result: the hub lost power\n')).toBeUndefined()
    expect(guessLanguage('Thread 0: A then B\nThread 1: B then A\n')).toBeUndefined()
    expect(guessLanguage('set the registry value and reboot\n')).toBeUndefined()
  })
})
