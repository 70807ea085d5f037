import catalogData from '../../content/bugchecks.json' with { type: 'json' }

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

/** `0x20` → 32; `0x00000020` → 32; anything that is not a `0x` hex string → undefined. */
export function parseHexCode(text: string): number | undefined {
  const match = /^0x([0-9a-f]{1,8})$/i.exec(text.trim())
  return match ? Number.parseInt(match[1] as string, 16) : undefined
}

export function findByNumber(code: number): BugcheckEntry | undefined {
  return byNumber.get(code)
}

export function findByName(name: string): BugcheckEntry | undefined {
  return byName.get(name.trim().toUpperCase())
}

export function numberOf(entry: BugcheckEntry): number {
  return Number.parseInt(entry.code.slice(2), 16)
}

/** The canonical short form used in URLs and frontmatter: lower-case hex, no padding (`0x1e`). */
export function canonicalCode(code: number): string {
  return `0x${code.toString(16)}`
}

/** The code page's path, the one canonical URL of a code: `/bugchecks/0x1e/`. */
export function codePath(code: number): string {
  return `/bugchecks/${canonicalCode(code)}/`
}

/** Eight-digit form as WinDbg's `BUGCHECK_CODE` and Microsoft's docs print it: `0x0000001E`. */
export function paddedCode(code: number): string {
  return `0x${code.toString(16).toUpperCase().padStart(8, '0')}`
}

/**
 * The spellings a person may type or paste for a code: `0x1E`, `0x1e`, `0x0000001E`, `1E`, `1e`.
 * Search normalises queries to the padded form, so these are for people reading the page.
 */
export function codeSpellings(code: number): string[] {
  const hex = code.toString(16)
  const spellings = [`0x${hex.toUpperCase()}`, `0x${hex}`, paddedCode(code), paddedCode(code).toLowerCase(), hex.toUpperCase(), hex]
  return [...new Set(spellings)]
}

/** `KERNEL_APC_PENDING_DURING_EXIT` → `kernel apc pending during exit`. */
export function spacedName(name: string): string {
  return name.toLowerCase().replace(/_/g, ' ')
}
