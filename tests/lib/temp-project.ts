// A throwaway copy of the project for tests that build other content (scripts/lib/project-copy.ts
// says how it is made), in tests/.output/projects/.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { copyProject, PROJECT_ROOT } from '../../scripts/lib/project-copy.ts'

export { PROJECT_ROOT }

export interface TempProject {
  root: string
  /** Writes a file relative to the copy's root. */
  write(path: string, contents: string): void
  /** Runs an Astro command (`sync`, `build`) with the project's Node 22; returns its exit code and output. */
  astro(args: string[], env?: Record<string, string>): { status: number; output: string }
  remove(): void
}

export function createTempProject(options: { runbooks?: boolean } = {}): TempProject {
  const parent = join(PROJECT_ROOT, 'tests/.output/projects')
  mkdirSync(parent, { recursive: true })
  const root = mkdtempSync(join(parent, 'copy-'))
  copyProject(root, { runbooks: options.runbooks ?? true })
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
