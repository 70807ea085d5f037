import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { runbookFields } from '../../src/lib/runbook-schema.ts'
import { createRunbook, defaultSlug, UsageError } from '../../scripts/lib/new.ts'
import { splitArticle } from '../../scripts/lib/markdown.ts'
import { checkFile, errors, run, tempDir } from './contrib-helpers.ts'

const today = new Date(2024, 4, 1)

function frontmatterOf(text: string): Record<string, unknown> {
  return parseYaml(splitArticle(text).yaml ?? '') as Record<string, unknown>
}

describe('npm run new', () => {
  it('creates a runbook from the catalog that passes the check unchanged', () => {
    const dir = tempDir('new')
    const { path, slug, text } = createRunbook({ code: '0x9F', title: 'USB hub blocking a power IRP', dir, today })
    expect(slug).toBe('0x9f-usb-hub-blocking-a-power-irp')
    expect(path).toBe(join(dir, `${slug}.md`))
    expect(readFileSync(path, 'utf8')).toBe(text)
    expect(text).toContain('bugcheck: "0x9f"\n')
    expect(text).toContain('updated: 2024-05-01\n')
    expect(text).toContain('https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0x9f--driver-power-state-failure')
    for (const section of ['What happened', 'Reproducing it', 'Walking through the dump', 'How to find the culprit', 'References']) {
      expect(text).toContain(`\n## ${section}\n`)
    }
    const data = runbookFields(new Set([slug])).parse(frontmatterOf(text))
    expect(data).toMatchObject({ kind: 'runbook', bugcheck: '0x9f', tags: [], related: [] })
    // The parameters are the reference's: content/bugchecks/0x9f.yaml explains them in every transcript.
    expect(data.parameters).toEqual([])
    const findings = checkFile(path, dir)
    expect(errors(findings)).toEqual([])
    // What is left to write shows as warnings: the summary and four section hints.
    expect(findings.every((finding) => finding.kind === 'placeholder' && finding.severity === 'warning')).toBe(true)
    expect(findings).toHaveLength(5)
  })

  it('leaves parameters to the reference for every code, whatever its count', () => {
    const dir = tempDir('new-count')
    const two = createRunbook({ code: 'MSRPC_STATE_VIOLATION', title: 'Two parameters', dir, today })
    // 0x2 DEVICE_QUEUE_NOT_BUSY: the reference does not say how many.
    const unknown = createRunbook({ code: '0x2', title: 'Count not documented', dir, today })
    for (const created of [two, unknown]) {
      expect(frontmatterOf(created.text)['parameters']).toEqual([])
      expect(errors(checkFile(created.path, dir))).toEqual([])
    }
  })

  it('makes an article about no single bugcheck with --code none', () => {
    const dir = tempDir('new-none')
    const { path, slug, text } = createRunbook({ code: 'none', title: 'A deadlock found in a live session', dir, today })
    expect(slug).toBe('a-deadlock-found-in-a-live-session')
    expect(text).toContain('bugcheck: none\n')
    expect(errors(checkFile(path, dir))).toEqual([])
  })

  it('quotes titles that YAML would otherwise misread', () => {
    const dir = tempDir('new-yaml')
    const title = 'KMUTEX: "held" at exit # again'
    const { text } = createRunbook({ code: '0x20', title, dir, today })
    expect(frontmatterOf(text)['title']).toBe(title)
  })

  it('refuses an unknown code, an ambiguous one, a taken slug and a bad slug', () => {
    const dir = tempDir('new-refuse')
    expect(() => createRunbook({ code: '0x12345', title: 'X', dir, today })).toThrow(/unknown bugcheck code 0x12345/)
    expect(() => createRunbook({ code: '20', title: 'X', dir, today })).toThrow(/ambiguous.*0x20/)
    expect(() => createRunbook({ code: '0x20', title: '  ', dir, today })).toThrow(UsageError)
    expect(() => createRunbook({ code: '0x20', title: 'X', slug: 'Not A Slug', dir, today })).toThrow(/cannot be a file name/)
    createRunbook({ code: '0x20', title: 'Taken', dir, today })
    expect(() => createRunbook({ code: '0x20', title: 'Taken', dir, today })).toThrow(/already exists/)
    writeFileSync(join(dir, 'an-mdx-one.mdx'), 'kept')
    expect(() => createRunbook({ code: '0x20', title: 'X', slug: 'an-mdx-one', dir, today })).toThrow(/already exists/)
    expect(readFileSync(join(dir, 'an-mdx-one.mdx'), 'utf8')).toBe('kept')
    expect(readdirSync(dir).sort()).toEqual(['0x20-taken.md', 'an-mdx-one.mdx'])
  })

  it('the default slug is the code and the title in lower-case words', () => {
    expect(defaultSlug(0x133, 'DPC watchdog: a storport miniport’s spin loop')).toBe('0x133-dpc-watchdog-a-storport-miniports-spin-loop')
    expect(defaultSlug(undefined, 'Élan d’un pilote')).toBe('elan-dun-pilote')
  })

  it('the command refuses with a clear message and a non-zero exit', () => {
    const dir = tempDir('new-cli')
    const unknown = run('new', ['--code', '0xabcdef', '--title', 'X', '--out', dir])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toMatch(/Not created: unknown bugcheck code 0xabcdef/)
    const created = run('new', ['--code', '0x20', '--title', 'Mutex kept', '--out', dir])
    expect(created.status, created.output).toBe(0)
    expect(created.stdout).toMatch(/Created .*0x20-mutex-kept\.md/)
    const before = readFileSync(join(dir, '0x20-mutex-kept.md'), 'utf8')
    const again = run('new', ['--code', '0x20', '--title', 'Mutex kept', '--out', dir])
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/already exists/)
    expect(readFileSync(join(dir, '0x20-mutex-kept.md'), 'utf8')).toBe(before)
    // Not a terminal and no flags: a usage error rather than a prompt nobody can answer.
    const usage = run('new', ['--out', dir])
    expect(usage.status).toBe(2)
    expect(usage.stderr).toMatch(/--code and --title are required/)
    expect(existsSync(join(dir, 'undefined.md'))).toBe(false)
  })
})
