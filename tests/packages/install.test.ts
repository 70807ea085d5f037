// The two packages as a user gets them: built and packed (npm run build:packages), installed from
// their tarballs into an empty project with only their declared dependencies, and used there on
// plain Node: the machine's own (20 here) and the project's Node 22. The README's example is run
// as written; a consumer is type-checked against the shipped .d.ts; publint and attw check the
// packages; the `bugcheck` command triages real debugger output from the fixtures.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { realFences } from '../../plugins/remark-windbg/test/helpers.ts'
import { buildPackages } from '../../scripts/build-packages.ts'
import { PROJECT_ROOT } from '../lib/temp-project.ts'

const require = createRequire(import.meta.url)
const BIN = join(PROJECT_ROOT, 'node_modules/.bin')

/** The Node of the machine, not the project's: the first `node` on PATH outside node_modules. */
function machineNode(): string {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir.includes('node_modules')) continue
    const candidate = join(dir, 'node')
    if (existsSync(candidate)) return candidate
  }
  return process.execPath
}

const NODES = [...new Set([machineNode(), join(BIN, 'node')])]

function version(node: string): string {
  return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()
}

let consumer: string
let tarballs: string[]
let built: { reference: string; plugin: string }

function run(command: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: consumer, encoding: 'utf8', input: options.input ?? '', env: { ...process.env, NO_COLOR: '1', ...options.env }, maxBuffer: 64 * 1024 * 1024 })
}

/** The README's usage example, exactly as written: the first `js` fence after "## Use". */
function readmeExample(): string {
  const readme = readFileSync(join(PROJECT_ROOT, 'plugins/remark-windbg/README.md'), 'utf8')
  const use = readme.slice(readme.indexOf('## Use'))
  const match = /^```js\n([\s\S]*?)^```$/m.exec(use)
  if (!match?.[1]) throw new Error('no js example under "## Use" in the README')
  return match[1]
}

const versions = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> }
const pipeline = ['remark-parse', 'remark-rehype', 'rehype-stringify', 'unified'].map((name) => `${name}@${versions.dependencies[name] ?? versions.devDependencies[name]}`)

beforeAll(() => {
  const result = buildPackages({ pack: true })
  tarballs = result.tarballs
  built = result
  const parent = join(PROJECT_ROOT, 'tests/.output/consumers')
  mkdirSync(parent, { recursive: true })
  consumer = mkdtempSync(join(parent, 'empty-'))
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
  const install = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs, ...pipeline])
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.stdout}${install.stderr}`)
}, 600_000)

afterAll(() => {
  if (consumer) rmSync(consumer, { recursive: true, force: true })
})

describe('installed from the tarballs into an empty project', () => {
  test('only the declared runtime dependencies come along', () => {
    const installed = readdirSync(join(consumer, 'node_modules'))
    expect(installed).toEqual(expect.arrayContaining(['bugcheck-reference', 'remark-windbg', 'shiki', 'unist-util-visit', 'zod']))
    for (const absent of ['astro', 'yaml', 'vitest', 'typescript', '@astrojs']) expect(installed).not.toContain(absent)
    const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules/remark-windbg/package.json'), 'utf8')) as Record<string, Record<string, unknown>>
    expect(Object.keys(manifest['dependencies'] ?? {}).sort()).toEqual(['bugcheck-reference', 'oniguruma-to-es', 'shiki', 'unist-util-visit'])
    expect(Object.keys(manifest['exports']?.['.'] as object)).toEqual(['types', 'default'])
  })

  test.each(NODES)("the README's example renders a real transcript on %s", (node) => {
    writeFileSync(join(consumer, 'readme-example.js'), readmeExample())
    const result = run(node, ['readme-example.js'])
    expect(result.stderr, `${node} ${version(node)}`).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^<link rel="stylesheet" href="\/assets\/transcript\.css">/)
    expect(result.stdout).toContain('<strong>Arg2 · APC disable count</strong>')
    expect(result.stdout).toContain('0xffff: -1 as a signed 16-bit value')
    expect(result.stdout).toContain('<a class="wd-code" href="/bugchecks/0x20/"')
    expect(result.stdout).toContain('<strong>0x20 KERNEL_APC_PENDING_DURING_EXIT</strong>')
  })

  test('the parser alone, as a browser bundle would take it', () => {
    writeFileSync(
      join(consumer, 'parser.js'),
      "import { parseTranscript, findBugcheck } from 'remark-windbg/parser'\nconst t = parseTranscript('## 0:001> !cs\\nout')\nconsole.log(JSON.stringify([t.steps[0].prompt, t.steps[0].command, findBugcheck('BUGCHECK_CODE: 50 (PAGE_FAULT)')?.code]))\n",
    )
    for (const node of NODES) expect(run(node, ['parser.js']).stdout.trim()).toBe('["0:001>","!cs",80]')
  })

  test('the default highlighter and Shiki’s (remark-windbg/shiki) give the same tokens', () => {
    writeFileSync(
      join(consumer, 'highlighters.js'),
      [
        "import { createWindbgHighlighter } from 'remark-windbg'",
        "import { createShikiWindbgHighlighter } from 'remark-windbg/shiki'",
        "const lines = ['4: kd> !analyze -v', 'Arg2: 000000000000ffff, APC disable count', 'ffffd000`2a3c7a08 fffff803`22c8b7d6 nt!KeBugCheckEx+0x107']",
        'const fast = createWindbgHighlighter()(lines)',
        'const shiki = (await createShikiWindbgHighlighter())(lines)',
        'console.log(JSON.stringify(fast) === JSON.stringify(shiki), fast.flat().filter((token) => token.className).length)',
      ].join('\n'),
    )
    for (const node of NODES) {
      const result = run(node, ['highlighters.js'])
      expect(result.stderr, node).toBe('')
      const [same, classed] = result.stdout.trim().split(' ')
      expect(same).toBe('true')
      expect(Number(classed)).toBeGreaterThan(5)
    }
  })

  test('a consumer type-checks against the shipped .d.ts, strictly', () => {
    writeFileSync(
      join(consumer, 'consumer.ts'),
      `import remarkWindbg, { type Options } from 'remark-windbg'
import { parseTranscript, type TranscriptStep } from 'remark-windbg/parser'
import { describeParameter, indexReference, type BugcheckReference, type ParameterReading } from 'bugcheck-reference'
import { codes } from 'bugcheck-reference/data'
import { triage } from 'bugcheck-reference/triage'
import { unified } from 'unified'
import remarkParse from 'remark-parse'

const options: Options = { reference: codes, foldAbove: 10 }
const processor = unified().use(remarkParse).use(remarkWindbg, options)
const steps: TranscriptStep[] = parseTranscript('0: kd> k').steps
const entries: readonly BugcheckReference[] = codes
const result = triage('BugCheck 20, {0, ffff, 0, 1}')
if (result.kind === 'found') {
  const reading: ParameterReading = describeParameter({ index: 2, text: 'ffff', parameters: result.bugcheck.parameters, docs: indexReference(entries).docs(0x20), arch: 'x64' })
  const decoded: string[] = reading.decoded
  console.log(decoded, steps.length, processor)
}
// @ts-expect-error: foldAbove is a number
const wrong: Options = { foldAbove: 'ten' }
console.log(wrong)
`,
    )
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'es2022', lib: ['esnext', 'dom'], module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['consumer.ts'] }),
    )
    const result = run(join(BIN, 'node'), [require.resolve('typescript/bin/tsc'), '-p', consumer])
    expect(result.stdout + result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  test('publint and are-the-types-wrong find nothing to fix', () => {
    for (const dir of [built.reference, built.plugin]) {
      const lint = run(join(BIN, 'node'), [join(BIN, 'publint'), dir, '--strict'])
      expect(lint.stdout, lint.stdout).toMatch(/All good!/)
    }
    const [reference, plugin] = tarballs as [string, string]
    const attw = (tarball: string, exclude: string[]) => run(join(BIN, 'node'), [join(BIN, 'attw'), tarball, '--profile', 'esm-only', '--format', 'ascii', '--exclude-entrypoints', ...exclude])
    for (const [tarball, exclude] of [[reference, ['data/reference.json']], [plugin, ['assets/transcript.css', 'assets/transcript.js']]] as const) {
      const result = attw(tarball, [...exclude])
      expect(result.status, `${tarball}\n${result.stdout}${result.stderr}`).toBe(0)
    }
  })
})

describe('the bugcheck command, installed', () => {
  const fences = realFences()
  const real = (file: string, start: string) => {
    const fence = fences.find((candidate) => candidate.file === file && candidate.value.trimStart().startsWith(start))
    if (!fence) throw new Error(`no fence starting with ${start} in ${file}`)
    return `${fence.value}\n`
  }
  let logs: string

  beforeAll(() => {
    logs = join(consumer, 'logs')
    mkdirSync(logs, { recursive: true })
    // Real debugger output: the seed write-up and Microsoft's docs (test/fixtures/real).
    writeFileSync(join(logs, 'seed-analyze.txt'), real('seed-0x20.md', '4: kd> !analyze -v'))
    writeFileSync(join(logs, 'banner-9f.txt'), real('blue-screen-data.md', '***'))
    writeFileSync(join(logs, 'dpc-133.txt'), real('bug-check-0x133-dpc-watchdog-violation.md', '0: kd> !analyze -v'))
    writeFileSync(join(logs, 'tdr-117-x86.txt'), real('bug-check-0x117---video-tdr-timeout-detected.md', '3: kd> !analyze -v'))
    writeFileSync(join(logs, 'not-a-dump.txt'), 'synthetic: a shopping list, not debugger output\n')
  })

  test.each(NODES)('triage --json on real output, with %s', (node) => {
    const result = run(node, [join(consumer, 'node_modules/.bin/bugcheck'), 'triage', '--json', '--site', 'https://kb.example', join(logs, 'seed-analyze.txt'), join(logs, 'banner-9f.txt'), join(logs, 'tdr-117-x86.txt')])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const { results } = JSON.parse(result.stdout) as { results: Record<string, unknown>[] }
    expect(results.map((entry) => entry['code'])).toEqual(['0x20', '0x9f', '0x117'])
    const seed = results[0] as { name: string; parameters: { index: number; value: string; name: string; meaning: string; decoded: string[] }[]; runbooks: string[]; page: string; module: string; symbol: string }
    expect(seed.name).toBe('KERNEL_APC_PENDING_DURING_EXIT')
    expect(seed.parameters[1]).toMatchObject({ index: 2, value: '0xffff', name: 'APC disable count', decoded: ['-1 as a signed 16-bit value'] })
    expect(seed.page).toBe('https://kb.example/bugchecks/0x20/')
    expect(seed.runbooks).toEqual(['https://kb.example/runbooks/0x20-kmutex-not-released/'])
    expect(seed.module).toBeTruthy()
    expect(results[1]).toMatchObject({ subtype: expect.stringContaining('power IRP'), parameters: expect.arrayContaining([expect.objectContaining({ index: 2, name: 'Physical device object' })]) })
  })

  test('npx bugcheck: a plain-text report, a clear line for each file that fails, and exit status 1', () => {
    const missing = join(logs, 'gone.txt')
    symlinkSync(join(logs, 'never-written.txt'), missing)
    const result = run('npx', ['--no-install', 'bugcheck', 'triage', join(logs, 'dpc-133.txt'), join(logs, 'not-a-dump.txt'), missing])
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('0x133 DPC_WATCHDOG_VIOLATION')
    expect(result.stdout).toMatch(/Case {2}Time limit exceeded by a single DPC or ISR/)
    expect(result.stdout).toMatch(/2 {2}0x501 +DPC time count +1281 clock ticks/)
    expect(result.stdout).not.toContain('\u001b[')
    expect(result.stderr).toContain(`${join(logs, 'not-a-dump.txt')}: no bugcheck code in any format the debugger prints`)
    expect(result.stderr).toContain(`${missing}: no such file`)
  })

  test('standard input, and show with values', () => {
    const piped = run('npx', ['--no-install', 'bugcheck', 'triage', '--json'], { input: 'BUGCHECK_CODE: 50 (PAGE_FAULT_IN_NONPAGED_AREA)\nBUGCHECK_P2: 2 (write access)\n' })
    expect(JSON.parse(piped.stdout)).toMatchObject({ results: [{ file: '-', code: '0x50', name: 'PAGE_FAULT_IN_NONPAGED_AREA' }] })
    const show = run('npx', ['--no-install', 'bugcheck', 'show', '0xd1', 'fffff808add27150', '2', '1'])
    expect(show.status).toBe(0)
    expect(show.stdout).toContain('0x000000D1 DRIVER_IRQL_NOT_LESS_OR_EQUAL')
    expect(show.stdout).toMatch(/3 +0x1 +Access type +write/)
    expect(run('npx', ['--no-install', 'bugcheck', 'show', '0x12345678']).status).toBe(1)
  })

  test('--summary counts a fleet by code, module and bucket', () => {
    const fleet = join(consumer, 'fleet')
    mkdirSync(fleet, { recursive: true })
    const sources = ['seed-analyze.txt', 'banner-9f.txt', 'dpc-133.txt', 'dpc-133.txt', 'not-a-dump.txt']
    sources.forEach((name, index) => writeFileSync(join(fleet, `${index}.log`), readFileSync(join(logs, name))))
    const result = run('npx', ['--no-install', 'bugcheck', 'triage', '--summary', '--json', fleet])
    const summary = JSON.parse(result.stdout) as { files: number; failed: number; byCode: { key: string; count: number }[]; byModule: { key: string }[]; byBucket: { key: string }[] }
    expect(summary.files).toBe(5)
    expect(summary.failed).toBe(1)
    expect(summary.byCode.map((entry) => [entry.key, entry.count])).toEqual([['0x133', 2], ['0x20', 1], ['0x9f', 1]])
    expect(summary.byBucket.length).toBeGreaterThan(0)
    const text = run('npx', ['--no-install', 'bugcheck', 'triage', '--summary', fleet]).stdout
    expect(text).toMatch(/By code\n +Count +Code +Name\n +2 +0x133 +DPC_WATCHDOG_VIOLATION/)
  })

  test('--help documents every option', () => {
    const help = run('npx', ['--no-install', 'bugcheck', '--help'])
    expect(help.status).toBe(0)
    for (const option of ['--json', '--summary', '--site', '--no-color', '--help', '--version', 'triage', 'show', 'Exit status']) expect(help.stdout).toContain(option)
    const wrong = run('npx', ['--no-install', 'bugcheck', 'triage', '--colour'])
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toMatch(/Unknown option '--colour'/)
  })
})
