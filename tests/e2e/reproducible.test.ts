// Two builds of the same content are byte-identical: no timestamps, random ids or absolute paths
// in the output (issue "Performance"). Builds the project twice, each into a temporary outDir.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs')
const scratch = mkdtempSync(join(tmpdir(), 'reproducible-'))

function build(outDir: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let log = ''
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()))
    child.on('error', fail)
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`astro build --outDir ${outDir} failed (${String(code)}):\n${log.slice(-3000)}`))))
  })
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort()
}

/** Where two files first differ, with a little context, so a failure says what changed. */
function firstDifference(a: Buffer, b: Buffer): string {
  let index = 0
  while (index < a.length && index < b.length && a[index] === b[index]) index += 1
  const context = (buffer: Buffer) => JSON.stringify(buffer.subarray(Math.max(0, index - 40), index + 60).toString('utf8'))
  return `at byte ${index}: ${context(a)} vs ${context(b)}`
}

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
})

describe('reproducible build', () => {
  it('two builds of the same content are byte-identical', { timeout: 600_000 }, async () => {
    const [first, second] = [join(scratch, 'first'), join(scratch, 'second')]
    await build(first)
    await build(second)
    const listed = files(first)
    expect(files(second)).toEqual(listed)
    const different = listed.flatMap((file) => {
      const [a, b] = [readFileSync(join(first, file)), readFileSync(join(second, file))]
      return a.equals(b) ? [] : [`${file} ${firstDifference(a, b)}`]
    })
    expect(different.slice(0, 10), `${different.length} of ${listed.length} files differ`).toEqual([])
    expect(listed.length).toBeGreaterThan(400)
  })
})
