// Search as a reader meets it, in Chromium on the built site: the bytes and time of a first
// search (the shared-link case: /search/?q=… from an empty cache), of a second search in the same
// page, and the time from query to results for every catalog code.
import type { Page } from 'playwright-core'
import { catalog, canonicalCode, codePath, numberOf } from '../../src/lib/catalog.ts'
import { normaliseQuery } from '../../src/lib/search-query.ts'
import { openSession, recorder, type Fetched } from './browser.ts'
import { median, sum } from './stats.ts'

export interface SearchFigures {
  /** Bytes of /pagefind/ requests for the first search, and of everything the page fetched. */
  firstSearchBytes: number
  /** The same gzipped, as a host would send them (Pagefind's index files are compressed already). */
  firstSearchGzip: number
  firstPageBytes: number
  firstPageGzip: number
  firstRequests: number
  /** The first search's /pagefind/ bytes by kind of file (from the first run). */
  firstBreakdown: Record<string, number>
  /** From navigation start to the first result on the page. */
  firstMs: number
  secondSearchBytes: number
  secondSearchGzip: number
  secondRequests: number
  secondMs: number
  /** Query to results, Pagefind loaded, for each catalog code: median and 90th percentile. */
  perCodeMs: number
  perCodeP90Ms: number
  /** Bytes fetched for all code queries together (after the first two searches). */
  allCodesBytes: number
  codes: number
  /** Share of codes whose own page is the first result. */
  top1: number
  runs: number
}

interface Timed {
  ms: number
  urls: string[]
}

/**
 * One query through the Pagefind instance the page itself loaded (the same module URL, so the
 * same instance and the same ranking options), the way src/scripts/search-client.ts does it:
 * the normalised query first, then, for a query with a code and too few hits, the raw words.
 */
async function query(page: Page, raw: string, limit = 20): Promise<Timed> {
  const { search, codes } = normaliseQuery(raw)
  return page.evaluate(
    async ({ search, raw, hasCodes, limit }) => {
      type Result = { data(): Promise<{ url: string }> }
      const url = '/pagefind/pagefind.js'
      const pagefind = (await import(url)) as { search(term: string): Promise<{ results: Result[] } | null> }
      const start = performance.now()
      const first = await pagefind.search(search)
      const urls = (await Promise.all((first?.results ?? []).slice(0, limit).map((result) => result.data()))).map((data) => data.url)
      if (hasCodes && urls.length < limit) {
        const more = await pagefind.search(raw)
        for (const data of await Promise.all((more?.results ?? []).slice(0, limit).map((result) => result.data()))) {
          if (!urls.includes(data.url) && urls.length < limit) urls.push(data.url)
        }
      }
      return { ms: performance.now() - start, urls }
    },
    { search, raw, hasCodes: codes.length > 0, limit },
  )
}

/** `/pagefind/fragment/en_1a2b.pf_fragment` → `fragment`; `/pagefind/wasm.en.pagefind` → `wasm`. */
function pagefindPart(path: string): string {
  const name = path.replace(/^\/pagefind\//, '').replace(/\?.*$/, '')
  if (name.includes('/')) return name.split('/')[0] as string
  if (name.startsWith('wasm')) return 'wasm'
  if (name.endsWith('.pf_meta')) return 'meta'
  return name
}

const fromPagefind = (fetched: readonly Fetched[]) => fetched.filter((item) => item.path.startsWith('/pagefind/'))
const searchBytes = (fetched: readonly Fetched[]) => sum(fromPagefind(fetched).map((item) => item.bytes))
const searchGzip = (fetched: readonly Fetched[]) => sum(fromPagefind(fetched).map((item) => item.gzip))

const FIRST_QUERIES = ['0x20', '0xd1', '0x9f', '0x1e', '0x133', '0x50', '0x7e', '0xa']

// Marks when the results page first shows a result, in the page's own clock.
const WATCH_RESULTS = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('#search-results li')) {
      window.__firstResult = performance.now()
      observer.disconnect()
    }
  }).observe(document, { childList: true, subtree: true })
`

/** Runs `runs` times, each in a fresh browser context with an empty cache. */
export async function measureSearch(dist: string, runs: number, codeLimit = Infinity): Promise<SearchFigures> {
  const session = await openSession(dist)
  const codes = catalog.slice(0, codeLimit).map((entry) => canonicalCode(numberOf(entry)))
  const samples: Omit<SearchFigures, 'runs' | 'codes' | 'firstBreakdown'>[] = []
  const firstBreakdown: Record<string, number> = {}
  try {
    for (let run = 0; run < runs; run++) {
      const context = await session.browser.newContext()
      const page = await context.newPage()
      await page.addInitScript(WATCH_RESULTS)
      const record = recorder(page)
      // Different well-known codes each run, so no run is a lucky one for index chunks.
      const firstCode = FIRST_QUERIES[(run * 2) % FIRST_QUERIES.length] as string
      const secondCode = FIRST_QUERIES[(run * 2 + 1) % FIRST_QUERIES.length] as string
      await page.goto(`${session.server.url}/search/?q=${encodeURIComponent(firstCode)}`)
      await page.waitForSelector('#search-results li', { timeout: 30_000 })
      const firstMs = (await page.evaluate('window.__firstResult')) as number
      const first = await record.settle()
      if (run === 0) {
        for (const item of first.filter((fetched) => fetched.path.startsWith('/pagefind/'))) {
          const part = pagefindPart(item.path)
          firstBreakdown[part] = (firstBreakdown[part] ?? 0) + item.bytes
        }
      }
      const second = await query(page, secondCode)
      const secondFetched = await record.settle()
      // Bytes are taken for all codes together: settling after every query would add a
      // fixed wait to each of hundreds of queries.
      const perCode: number[] = []
      let hits = 0
      for (const code of codes) {
        const result = await query(page, code)
        perCode.push(result.ms)
        if (result.urls[0]?.endsWith(codePath(Number.parseInt(code.slice(2), 16)))) hits += 1
      }
      const allCodes = await record.settle()
      const sorted = [...perCode].sort((a, b) => a - b)
      samples.push({
        firstSearchBytes: searchBytes(first),
        firstSearchGzip: searchGzip(first),
        firstPageBytes: sum(first.map((item) => item.bytes)),
        firstPageGzip: sum(first.map((item) => item.gzip)),
        firstRequests: first.filter((item) => item.path.startsWith('/pagefind/')).length,
        firstMs,
        secondSearchBytes: searchBytes(secondFetched),
        secondSearchGzip: searchGzip(secondFetched),
        secondRequests: secondFetched.length,
        secondMs: second.ms,
        perCodeMs: median(perCode),
        perCodeP90Ms: sorted[Math.floor(sorted.length * 0.9)] ?? Number.NaN,
        allCodesBytes: searchBytes(allCodes),
        top1: hits / codes.length,
      })
      await context.close()
    }
  } finally {
    await session.close()
  }
  const pick = (key: keyof (typeof samples)[number]) => median(samples.map((sample) => sample[key]))
  return {
    firstSearchBytes: pick('firstSearchBytes'),
    firstSearchGzip: pick('firstSearchGzip'),
    firstPageBytes: pick('firstPageBytes'),
    firstPageGzip: pick('firstPageGzip'),
    firstRequests: pick('firstRequests'),
    firstBreakdown,
    firstMs: pick('firstMs'),
    secondSearchBytes: pick('secondSearchBytes'),
    secondSearchGzip: pick('secondSearchGzip'),
    secondRequests: pick('secondRequests'),
    secondMs: pick('secondMs'),
    perCodeMs: pick('perCodeMs'),
    perCodeP90Ms: pick('perCodeP90Ms'),
    allCodesBytes: pick('allCodesBytes'),
    codes: codes.length,
    top1: pick('top1'),
    runs,
  }
}
