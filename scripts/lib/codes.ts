import { canonicalCode, findByName, findByNumber, numberOf, parseHexCode, type BugcheckEntry } from '../../src/lib/catalog.ts'

/** What a person typed for a bugcheck: a catalog entry, `none`, or why it is not one. */
export type CodeChoice = { entry: BugcheckEntry; code: number } | { none: true } | { error: string }

/**
 * Reads a code as a contributor types it on the command line: `0x9f`, `0x0000009F`, the name
 * `DRIVER_POWER_STATE_FAILURE`, or `none`. A bare `20` is refused for the same reason the
 * frontmatter refuses it: it may mean 0x20 or decimal 20.
 */
export function readCode(text: string): CodeChoice {
  const typed = text.trim()
  if (typed.toLowerCase() === 'none') return { none: true }
  const number = parseHexCode(typed)
  if (number !== undefined) {
    const entry = findByNumber(number)
    if (entry) return { entry, code: number }
    return { error: `unknown bugcheck code ${typed}: it has no file in content/bugchecks/. Check the code in the dump's !analyze -v output.` }
  }
  const byName = findByName(typed)
  if (byName) return { entry: byName, code: numberOf(byName) }
  if (/^[0-9a-f]{1,8}$/i.test(typed)) {
    return { error: `"${typed}" is ambiguous: write the code in hex with its 0x prefix, e.g. 0x${typed.toLowerCase()}` }
  }
  return { error: `"${typed}" is neither a bugcheck code such as 0x9f nor a catalog name such as DRIVER_POWER_STATE_FAILURE` }
}

/**
 * How many parameters the catalog gives a code; the `0x1000007E`-style variants take the count
 * of the code they share their parameters with. Undefined where Microsoft's reference does not say.
 */
export function paramCountOf(entry: BugcheckEntry): number | undefined {
  if (entry.paramCount !== null) return entry.paramCount
  const same = entry.paramsSameAs === undefined ? undefined : parseHexCode(entry.paramsSameAs)
  const other = same === undefined ? undefined : findByNumber(same)
  return other?.paramCount ?? undefined
}

/** `0x9f DRIVER_POWER_STATE_FAILURE`: how reports name a code. */
export function describeCode(code: number): string {
  const entry = findByNumber(code)
  return entry ? `${canonicalCode(code)} ${entry.name}` : canonicalCode(code)
}
