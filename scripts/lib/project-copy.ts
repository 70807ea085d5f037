// A working copy of this project in another folder, for what must build other content than
// content/ holds: the benchmark's corpora, the tests of bad frontmatter. Keep copies inside the
// repository (bench/tmp/, tests/.output/): Vite resolves the linked packages to their real paths,
// and a copy outside the repository's tree confuses Astro's paths to them.
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs'
import { basename, isAbsolute, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * A node_modules of links to the project's packages, but a real folder: Astro and Vite keep their
 * caches in `node_modules/.astro` and `.vite`, and a shared folder would let one build read the
 * previous one's cache (or another's). Links to the workspace's own packages
 * (`remark-windbg` → `../plugins/remark-windbg`) stay relative, so they reach the copy's plugins.
 */
export function linkNodeModules(dir: string): void {
  const source = join(PROJECT_ROOT, 'node_modules')
  const target = join(dir, 'node_modules')
  mkdirSync(target, { recursive: true })
  for (const name of readdirSync(source)) {
    if (name.startsWith('.') && name !== '.bin') continue
    const from = join(source, name)
    const link = lstatSync(from).isSymbolicLink() ? readlinkSync(from) : from
    const resolved = isAbsolute(link) || existsSync(join(target, link)) ? link : from
    symlinkSync(resolved, join(target, name))
  }
}

/** Leaves tests, benchmarks and editor litter out of the copied plugins. */
function copyFilter(path: string): boolean {
  const name = basename(path)
  return name !== 'node_modules' && name !== 'test' && name !== 'bench' && !name.startsWith('.')
}

/**
 * Copies the project into `dir` (emptied first): every top-level file (the config, package.json,
 * whose dependencies tell Vite what to bundle, tsconfig.json, CONTRIBUTING.md that a page renders),
 * src/, packages/, plugins/, public/ and the bugcheck reference; the real runbooks too unless
 * `runbooks` is false.
 */
export function copyProject(dir: string, options: { runbooks: boolean }): void {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(join(dir, 'content/runbooks'), { recursive: true })
  for (const entry of readdirSync(PROJECT_ROOT, { withFileTypes: true })) {
    if (entry.isFile() && entry.name !== 'package-lock.json') cpSync(join(PROJECT_ROOT, entry.name), join(dir, entry.name))
  }
  for (const folder of ['src', 'packages', 'plugins', 'public']) {
    cpSync(join(PROJECT_ROOT, folder), join(dir, folder), { recursive: true, filter: copyFilter })
  }
  cpSync(join(PROJECT_ROOT, 'content/bugchecks'), join(dir, 'content/bugchecks'), { recursive: true })
  if (options.runbooks) cpSync(join(PROJECT_ROOT, 'content/runbooks'), join(dir, 'content/runbooks'), { recursive: true })
  linkNodeModules(dir)
}
