import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkRunbook, createContext, loadContext, runbookFiles, type Finding } from '../../scripts/lib/check/index.ts'
import { errors, FIXTURES, ROOT, run } from './contrib-helpers.ts'

const BROKEN = join(FIXTURES, 'broken')
const CLEAN = join(FIXTURES, 'clean')

function brief(findings: readonly Finding[]) {
  return findings.map(({ kind, line, severity }) => ({ kind, line, severity }))
}

// Each synthetic article in broken/ is wrong in one way, and must get exactly this finding.
const EXPECTED: Record<string, Pick<Finding, 'kind' | 'line' | 'severity'>> = {
  'frontmatter.md': { kind: 'frontmatter', line: 3, severity: 'error' },
  'unknown-field.md': { kind: 'unknown-field', line: 10, severity: 'warning' },
  '0x1e-file-name.md': { kind: 'file-name', line: 3, severity: 'warning' },
  'duplicate-title-a.md': { kind: 'duplicate-title', line: 2, severity: 'error' },
  'duplicate-title-b.md': { kind: 'duplicate-title', line: 2, severity: 'error' },
  'parameter-count-more.md': { kind: 'parameter-count', line: 5, severity: 'error' },
  'bugcheck-mismatch.md': { kind: 'bugcheck-mismatch', line: 3, severity: 'error' },
  'transcript.md': { kind: 'transcript', line: 19, severity: 'warning' },
  'fence-meta.md': { kind: 'fence-meta', line: 19, severity: 'warning' },
  'untagged-transcript.md': { kind: 'untagged-transcript', line: 19, severity: 'warning' },
  'link.md': { kind: 'link', line: 19, severity: 'error' },
  'image.md': { kind: 'image', line: 19, severity: 'error' },
  'heading.md': { kind: 'heading', line: 15, severity: 'info' },
  'placeholder.md': { kind: 'placeholder', line: 10, severity: 'warning' },
}

describe('npm run check on broken articles (synthetic, one per kind of finding)', () => {
  const context = loadContext(ROOT, BROKEN)

  it('has a fixture for every expectation and an expectation for every fixture', () => {
    expect(readdirSync(BROKEN).sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${expected.severity} ${expected.kind} at line ${expected.line}, and nothing else`, () => {
      const path = join(BROKEN, file)
      const findings = checkRunbook(path, readFileSync(path, 'utf8'), context)
      expect(brief(findings)).toEqual([expected])
      const [finding] = findings
      expect(finding?.file).toBe(path)
      expect(finding?.message.length).toBeGreaterThan(10)
      expect(finding?.fix.length).toBeGreaterThan(10)
    })
  }

  it('the command prints file:line for each finding and exits 1 on errors', () => {
    const result = run('check', ['--content', BROKEN])
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(/broken[\\/]link\.md:19: error \[link\] link \/runbooks\/no-such-runbook\/: there is no runbook/)
    expect(result.stdout).toMatch(/\n {4}fix: /)
    expect(result.stdout).toMatch(/14 files checked: 7 errors, 6 warnings, 1 note\n$/)
  })
})

describe('npm run check on correct articles', () => {
  it('finds nothing in the clean synthetic runbook (transcripts, annotations, links, images)', () => {
    const path = join(CLEAN, '0x20-clean-runbook.md')
    const findings = checkRunbook(path, readFileSync(path, 'utf8'), loadContext(ROOT, CLEAN))
    expect(findings).toEqual([])
  })

  it('passes on the bundled content/runbooks/', () => {
    const dir = join(ROOT, 'content', 'runbooks')
    const files = runbookFiles(dir)
    expect(files.length).toBeGreaterThan(0)
    const context = loadContext(ROOT, dir)
    const found = files.flatMap((file) => checkRunbook(file, readFileSync(file, 'utf8'), context))
    expect(errors(found)).toEqual([])
  })

  it('the command exits 0 on the bundled content', () => {
    const result = run('check', [])
    expect(result.status, result.output).toBe(0)
    expect(result.stdout).toMatch(/checked: 0 errors/)
  })
})

describe('npm run check: details', () => {
  const context = createContext({ root: ROOT, runbooks: [{ path: '/virtual/0x20-other.md', text: '---\ntitle: Other\n---\n' }] })
  const head = (extra = '') =>
    `---\ntitle: Details\nbugcheck: none\nsummary: A synthetic article for one check.\nupdated: 2024-05-01\n${extra}---\n`
  const check = (text: string) => brief(checkRunbook('/virtual/details.md', text, context))

  it('reports YAML syntax errors on their line', () => {
    expect(check('---\ntitle: Details\nsummary: "unclosed\nupdated: 2024-05-01\n---\n')).toEqual([{ kind: 'frontmatter', line: 3, severity: 'error' }])
  })

  it('reports a missing frontmatter and missing required fields', () => {
    expect(check('Just text.\n')).toEqual([{ kind: 'frontmatter', line: 1, severity: 'error' }])
    expect(check('---\ntitle: Details\n---\n')).toEqual([
      { kind: 'frontmatter', line: 1, severity: 'error' },
      { kind: 'frontmatter', line: 1, severity: 'error' },
      { kind: 'frontmatter', line: 1, severity: 'error' },
    ])
  })

  it('points a nested schema error at its field', () => {
    const text = `${head('parameters:\n  - name: Only a name\n')}`
    expect(check(text)).toEqual([{ kind: 'frontmatter', line: 7, severity: 'error' }])
  })

  it('tells links that work through a redirect from links to nowhere', () => {
    const links = (href: string) => check(`${head()}\n[x](${href})\n`)
    expect(links('/runbooks/0x20-other/')).toEqual([])
    expect(links('/search/?q=0x20')).toEqual([])
    expect(links('/opensearch.xml')).toEqual([])
    expect(links('/0x20/')).toEqual([{ kind: 'link', line: 8, severity: 'warning' }])
    expect(links('/0x00000020/')).toEqual([{ kind: 'link', line: 8, severity: 'warning' }])
    expect(links('/bugchecks/0x20')).toEqual([{ kind: 'link', line: 8, severity: 'warning' }])
    expect(links('/bugchecks/0x00000020/')).toEqual([{ kind: 'link', line: 8, severity: 'error' }])
    expect(links('/0x0020/')).toEqual([{ kind: 'link', line: 8, severity: 'error' }])
    expect(links('/bugchecks/')).toEqual([])
    expect(links('/search')).toEqual([{ kind: 'link', line: 8, severity: 'warning' }])
    expect(links('/bugchecks/0x99999/')).toEqual([{ kind: 'link', line: 8, severity: 'error' }])
    expect(links('/no-such-page/')).toEqual([{ kind: 'link', line: 8, severity: 'error' }])
    expect(links('0x20-other.md')).toEqual([{ kind: 'link', line: 8, severity: 'error' }])
    expect(links('../0x20-other/')).toEqual([])
    expect(links('https://example.org/anything')).toEqual([])
  })

  it('checks reference-style images and HTML images', () => {
    expect(check(`${head()}\n![x][shot]\n\n[shot]: ./nowhere.png\n`)).toEqual([{ kind: 'image', line: 10, severity: 'error' }])
    expect(check(`${head()}\n<img src="/nowhere.png" alt="">\n`)).toEqual([{ kind: 'image', line: 8, severity: 'error' }])
  })

  it('warns on debugger output the site will not render: a banner without a prompt', () => {
    // Output before the first prompt is a transcript's preamble: rendered, no warning.
    expect(check(`${head()}\n\`\`\`\nOutput first:\n0: kd> k\n\`\`\`\n`)).toEqual([])
    expect(check(`${head()}\n\`\`\`\nBugCheck 9F, {3, ffffe000f38c06a0, fffff803c596cad0, ffffe000f46a1010}\n\`\`\`\n`)).toEqual([
      { kind: 'untagged-transcript', line: 8, severity: 'warning' },
    ])
    // The site renders these as transcripts: no warning.
    expect(check(`${head()}\n\`\`\`\n0: kd> k\n\`\`\`\n`)).toEqual([])
    expect(check(`${head()}\n\`\`\`console\n0: kd> k\n\`\`\`\n`)).toEqual([])
  })

  it('warns when bugcheck is none but the transcripts show a code', () => {
    expect(check(`${head()}\n\`\`\`windbg\n4: kd> !di\nBugcheck: 20 (0, FFFF, 0, 1)\n\`\`\`\n`)).toEqual([{ kind: 'bugcheck-mismatch', line: 3, severity: 'warning' }])
  })

  it('checks every annotation of a transcript', () => {
    const fence = (meta: string) => check(`${head()}\n\`\`\`windbg ${meta}\n0: kd> k\nnt!KeBugCheckEx\n\`\`\`\n`)
    expect(fence('title="Stack" open closed="1" lines="1-2" mark="KeBugCheckEx" fold=10')).toEqual([])
    expect(fence('colour="red"')).toEqual([{ kind: 'fence-meta', line: 8, severity: 'warning' }])
    expect(fence('lines="3"')).toEqual([{ kind: 'fence-meta', line: 8, severity: 'warning' }])
    expect(fence('mark="PspExitThread"')).toEqual([{ kind: 'fence-meta', line: 8, severity: 'warning' }])
  })

  it('warns on a file name that is not its address', () => {
    const findings = checkRunbook('/virtual/My Case.md', head(), context)
    expect(brief(findings)).toEqual([{ kind: 'file-name', line: 1, severity: 'warning' }])
    expect(findings[0]?.fix).toContain('my-case.md')
  })

  it('leaves the runbook checks out of pages that say kind: page', () => {
    expect(check('---\ntitle: A page\nkind: page\n---\n\nText.\n')).toEqual([])
  })

  it('keeps lines right in files with CRLF line endings', () => {
    const text = `${head()}\n[x](/no-such-page/)\n`.replace(/\n/g, '\r\n')
    expect(check(text)).toEqual([{ kind: 'link', line: 8, severity: 'error' }])
  })
})
