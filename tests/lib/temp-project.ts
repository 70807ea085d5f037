// A throwaway copy of the project for tests and benchmarks that build other content: the
// configuration, src/, public/ and the catalog are copied; node_modules is a folder of links to
// the project's packages, so caches (.vite, .astro) stay in the copy and never touch the real one.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)))

export interface TempProject {
  root: string
  /** Writes a file relative to the copy's root. */
  write(path: string, contents: string): void
  /** Runs an Astro command (`sync`, `build`) with the project's Node 22; returns its exit code and output. */
  astro(args: string[], env?: Record<string, string>): { status: number; output: string }
  remove(): void
}

export function createTempProject(options: { runbooks?: boolean } = {}): TempProject {
  const root = mkdtempSync(join(tmpdir(), 'bugcheck-runbooks-'))
  for (const entry of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public', 'CONTRIBUTING.md']) {
    cpSync(join(PROJECT_ROOT, entry), join(root, entry), { recursive: true })
  }
  mkdirSync(join(root, 'content/runbooks'), { recursive: true })
  cpSync(join(PROJECT_ROOT, 'content/bugchecks.json'), join(root, 'content/bugchecks.json'))
  if (options.runbooks ?? true) cpSync(join(PROJECT_ROOT, 'content/runbooks'), join(root, 'content/runbooks'), { recursive: true })
  const modules = join(root, 'node_modules')
  mkdirSync(modules)
  for (const name of readdirSync(join(PROJECT_ROOT, 'node_modules'))) {
    if (name === '.vite' || name === '.astro') continue
    symlinkSync(join(PROJECT_ROOT, 'node_modules', name), join(modules, name))
  }
  return {
    root,
    write(path, contents) {
      mkdirSync(join(root, path, '..'), { recursive: true })
      writeFileSync(join(root, path), contents)
    },
    astro(args, env = {}) {
      const run = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/node'), [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
        maxBuffer: 256 * 1024 * 1024,
      })
      return { status: run.status ?? 1, output: `${run.stdout}${run.stderr}` }
    },
    remove() {
      rmSync(root, { recursive: true, force: true })
    },
  }
}
