// Shared by the tests of the contributor tools (npm run new / import / check).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'
import { checkRunbook, loadContext, type Finding } from '../../scripts/lib/check/index.ts'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const FIXTURES = join(ROOT, 'tests', 'fixtures', 'contrib')
/** The seed write-up as the plugin's tests keep it (a copy of ../shared/seeds/, with a provenance comment). */
export const SEED = join(ROOT, 'plugins', 'remark-windbg', 'test', 'fixtures', 'real', 'seed-0x20.md')

const made: string[] = []

// Each test file that makes folders removes them when it is done.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A fresh folder under the system's temp dir: the tests never write into content/. */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `contrib-${name}-`))
  made.push(dir)
  return dir
}

/** Runs one of the commands as `npm run` would, with the Node that runs the tests. */
export function run(script: 'new' | 'import' | 'check', args: readonly string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', `${script}.ts`), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: result.stdout + result.stderr }
}

/** The check of one file against the runbooks folder it is in, as `npm run check` does it. */
export function checkFile(path: string, dir: string): Finding[] {
  return checkRunbook(path, readFileSync(path, 'utf8'), loadContext(ROOT, dir, [path]))
}

export function errors(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.severity === 'error')
}
