import catalogData from '../../content/bugchecks.json' with { type: 'json' }

export { canonicalCode, codePath, codeSpellings, paddedCode, parseHexCode, spacedName } from './codes.ts'

/** One documented bugcheck code, as the catalog (`content/bugchecks.json`) records it. */
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

export const catalog: readonly BugcheckEntry[] = catalogData as BugcheckEntry[]

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

