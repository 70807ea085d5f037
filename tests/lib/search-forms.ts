// The ways people type a bugcheck code, for every code of the catalog: what the search test and
// the search benchmark query.
import { catalog, canonicalCode, codePath, numberOf, type BugcheckEntry } from '../../src/lib/catalog.ts'

export type SearchForm = 'short' | 'padded' | 'bare' | 'padded7' | 'name' | 'spaced' | 'partial'

export interface SearchCase {
  form: SearchForm
  query: string
  /** The page that must come first: the code's page. */
  expected: string
}

const words = (name: string) => name.toLowerCase().split('_').filter(Boolean)

/**
 * A distinctive part of the name, as people remember it (`apc pending` for
 * KERNEL_APC_PENDING_DURING_EXIT): the shortest run of two or more consecutive words of two or
 * more letters, starting and ending on a word of three or more, that no other catalog name contains, preferring runs after the first word (often a
 * broad category such as KERNEL or DRIVER), then earliest; the whole name where there is none (`THREAD_STUCK_IN_DEVICE_DRIVER_M` differs from 0xEA's name only by its `M`).
 */
export function partialName(entry: BugcheckEntry, all: readonly BugcheckEntry[] = catalog): string {
  const own = words(entry.name)
  const others = all.filter((other) => other !== entry).map((other) => ` ${words(other.name).join(' ')} `)
  for (let length = 2; length < own.length; length++) {
    const starts = [...Array(own.length - length + 1).keys()]
    for (const start of [...starts.slice(1), 0]) {
      const runWords = own.slice(start, start + length)
      // People remember the content words: a fragment neither starts nor ends on `in`, `on`, `of`.
      if (runWords.some((word) => word.length < 2) || (runWords[0]?.length ?? 0) < 3 || (runWords.at(-1)?.length ?? 0) < 3) continue
      const run = runWords.join(' ')
      if (!others.some((other) => other.includes(` ${run} `))) return run
    }
  }
  return own.join(' ')
}

export function searchCases(entries: readonly BugcheckEntry[] = catalog): SearchCase[] {
  return entries.flatMap((entry) => {
    const code = numberOf(entry)
    const hex = code.toString(16)
    const expected = codePath(code)
    const cases: SearchCase[] = [
      { form: 'short', query: entry.short, expected },
      { form: 'padded', query: entry.code, expected },
      { form: 'bare', query: hex, expected },
      { form: 'padded7', query: hex.length <= 7 ? `0x${hex.padStart(7, '0')}` : canonicalCode(code), expected },
      { form: 'name', query: entry.name, expected },
      { form: 'spaced', query: words(entry.name).join(' '), expected },
      { form: 'partial', query: partialName(entry), expected },
    ]
    return cases
  })
}
