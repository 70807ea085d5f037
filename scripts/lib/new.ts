import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { canonicalCode } from '../../src/lib/catalog.ts'
import { readCode } from './codes.ts'
import { frontmatterYaml, isoDay, placeholderSummary, skeletonBody } from './scaffold.ts'
import { isCleanSlug, kebab } from './slug.ts'

export interface NewOptions {
  /** As typed: `0x9f`, `DRIVER_POWER_STATE_FAILURE`, or `none`. */
  code: string
  title: string
  slug?: string | undefined
  /** The runbooks folder to write into. */
  dir: string
  today: Date
}

/** A refusal with the message to show, as opposed to a bug. */
export class UsageError extends Error {}

/** `0x9f` + `USB hub blocking a power IRP` → `0x9f-usb-hub-blocking-a-power-irp`. */
export function defaultSlug(code: number | undefined, title: string): string {
  const words = kebab(title)
  return code === undefined ? words : [canonicalCode(code), words].filter(Boolean).join('-')
}

/** The file a runbook with this slug would be, if one already is (`.md` or `.mdx`). */
export function existingRunbook(dir: string, slug: string): string | undefined {
  return ['.md', '.mdx'].map((ext) => join(dir, slug + ext)).find((path) => existsSync(path))
}

/** The text of a new runbook: frontmatter from the catalog, and the sections to write. */
export function scaffoldRunbook(code: number | undefined, title: string, today: Date): string {
  // The parameters are the reference's (content/bugchecks/): a runbook adds `parameters` only to
  // say more than it does about this case.
  const frontmatter = frontmatterYaml({
    title,
    bugcheck: code === undefined ? 'none' : canonicalCode(code),
    summary: placeholderSummary(code),
    parameters: [],
    tags: [],
    related: [],
    updated: isoDay(today),
  })
  return `---\n${frontmatter}---\n\n${skeletonBody(code)}`
}

/** Checks the choices and writes the file; refuses an unknown code and a slug that is taken. */
export function createRunbook(options: NewOptions): { path: string; slug: string; text: string } {
  const choice = readCode(options.code)
  if ('error' in choice) throw new UsageError(choice.error)
  const code = 'entry' in choice ? choice.code : undefined
  const title = options.title.trim()
  if (!title) throw new UsageError('the title is empty: say in a few words what this case is about')
  const slug = options.slug?.trim() || defaultSlug(code, title)
  if (!isCleanSlug(slug)) {
    throw new UsageError(`"${slug}" cannot be a file name: use lower-case letters, digits and single hyphens, e.g. ${kebab(slug) || '0x9f-usb-hub-power-irp'}`)
  }
  const taken = existingRunbook(options.dir, slug)
  if (taken) throw new UsageError(`${taken} already exists: choose another title or pass --slug`)
  const text = scaffoldRunbook(code, title, options.today)
  mkdirSync(options.dir, { recursive: true })
  const path = join(options.dir, `${slug}.md`)
  // `wx`: even a file created a moment ago by someone else is never overwritten.
  writeFileSync(path, text, { flag: 'wx' })
  return { path, slug, text }
}
