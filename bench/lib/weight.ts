// Page weight: what Chromium fetches to show a page from an empty cache, by kind, raw and gzip;
// and what the transcripts add to the runbook page (the same page built without the plugin).
import { loadPage, openSession, totals, type Fetched, type Kind, type Totals } from './browser.ts'
import { median } from './stats.ts'

export const WEIGHT_PAGES = [
  { label: 'home', path: '/' },
  { label: 'catalog', path: '/bugchecks/' },
  { label: 'code page 0x20', path: '/bugchecks/0x20/' },
  { label: '0x20 runbook', path: '/runbooks/0x20-kmutex-not-released/' },
  // With the data its script fetches as the page loads: the reference, since issue 9.
  { label: 'triage', path: '/triage/' },
] as const

export const TRIAGE_PATH = '/triage/'

export const RUNBOOK_PATH = '/runbooks/0x20-kmutex-not-released/'

export interface PageWeight {
  label: string
  path: string
  totals: Totals
  /** The paths fetched, from the last run: to see what a figure is made of. */
  fetched: Fetched[]
}

const KINDS: Kind[] = ['html', 'js', 'css', 'other']

/** Each figure is the median over the runs; byte counts only vary if the page does. */
function medianTotals(samples: readonly Totals[]): Totals {
  const pick = (read: (sample: Totals) => number) => median(samples.map(read))
  return {
    requests: pick((sample) => sample.requests),
    bytes: Object.fromEntries(KINDS.map((kind) => [kind, pick((sample) => sample.bytes[kind])])) as Record<Kind, number>,
    gzip: Object.fromEntries(KINDS.map((kind) => [kind, pick((sample) => sample.gzip[kind])])) as Record<Kind, number>,
  }
}

export async function measurePages(dist: string, pages: readonly { label: string; path: string }[], runs: number): Promise<PageWeight[]> {
  const session = await openSession(dist)
  try {
    const results: PageWeight[] = []
    for (const { label, path } of pages) {
      const samples: Totals[] = []
      let fetched: Fetched[] = []
      for (let run = 0; run < runs; run++) {
        fetched = await loadPage(session, path)
        const failed = fetched.find((item) => item.status >= 400)
        if (failed) throw new Error(`${path}: ${failed.path} answered ${failed.status}`)
        samples.push(totals(fetched))
      }
      results.push({ label, path, totals: medianTotals(samples), fetched })
    }
    return results
  } finally {
    await session.close()
  }
}

/** `a - b` figure by figure: what the plugin adds to a page. */
export function difference(a: Totals, b: Totals): Totals {
  return {
    requests: a.requests - b.requests,
    bytes: Object.fromEntries(KINDS.map((kind) => [kind, a.bytes[kind] - b.bytes[kind]])) as Record<Kind, number>,
    gzip: Object.fromEntries(KINDS.map((kind) => [kind, a.gzip[kind] - b.gzip[kind]])) as Record<Kind, number>,
  }
}
