import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root, wherever the command is run from. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Where runbooks live: the default of every command's `--content` / `--out`. */
export const RUNBOOKS_DIR = join(ROOT, 'content', 'runbooks')

/** A path as the person at the terminal would type it: relative to where they are, when that is shorter. */
export function display(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel && !rel.startsWith('..') ? rel : path
}
