// The bugcheck reference as the site reads it: every code of content/bugchecks/, loaded and
// checked once per process. A broken file stops the build with `file:line: field: problem`.
import { resolve } from 'node:path'
import { indexReference, type BugcheckReference } from 'bugcheck-reference'
import { loadReference } from 'bugcheck-reference/load'

export { canonicalCode, codePath, codeSpellings, paddedCode, parseHexCode, spacedName } from './codes.ts'

/**
 * The reference folder. Astro, the contributor scripts and the tests all run at the project's
 * root (a test's copy of the project is its own root), so it is found from there.
 */
export const REFERENCE_DIR = resolve(process.env['BUGCHECK_REFERENCE_DIR'] ?? 'content/bugchecks')

/** Every documented code, in code order. */
export const reference: readonly BugcheckReference[] = loadReference(REFERENCE_DIR, (file) => file.slice(resolve('.').length + 1))
export const referenceIndex = indexReference(reference)

/** One documented bugcheck code, as the catalog lists it. */
export interface BugcheckEntry {
  /** Eight hex digits, e.g. `0x00000020`. */
  code: string
  /** Shortest form, e.g. `0x20`. */
  short: string
  name: string
  /** Microsoft's reference page. */
  learnUrl: string
  /** Parameters the reference documents; null where it does not say. */
  paramCount: number | null
  /** The `0x1000007E`-style variants share their parameters with the code named here. */
  paramsSameAs?: string
}

function toEntry(code: BugcheckReference): BugcheckEntry {
  const entry: BugcheckEntry = {
    code: `0x${code.number.toString(16).toUpperCase().padStart(8, '0')}`,
    short: `0x${code.number.toString(16).toUpperCase()}`,
    name: code.name,
    learnUrl: code.learnUrl,
    paramCount: code.parameterCount,
  }
  if (code.sameAs) entry.paramsSameAs = `0x${code.sameAs.slice(2).toUpperCase()}`
  return entry
}

export const catalog: readonly BugcheckEntry[] = reference.map(toEntry)

const byNumber = new Map(catalog.map((entry) => [Number.parseInt(entry.code.slice(2), 16), entry]))
const byName = new Map(catalog.map((entry) => [entry.name, entry]))

export function findByNumber(code: number): BugcheckEntry | undefined {
  return byNumber.get(code)
}

export function findByName(name: string): BugcheckEntry | undefined {
  return byName.get(name.trim().toUpperCase())
}

export function numberOf(entry: BugcheckEntry): number {
  return Number.parseInt(entry.code.slice(2), 16)
}

/** A code's reference entry. */
export function referenceOf(code: number): BugcheckReference | undefined {
  return referenceIndex.get(code)
}
