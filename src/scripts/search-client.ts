import { normaliseQuery } from '../lib/search-query.ts'

/** One search hit, reduced to what the pages show. */
export interface SearchHit {
  url: string
  title: string
  /** Pagefind's excerpt: HTML with `<mark>` around matched words. Render with {@link renderExcerpt}. */
  excerpt: string
}

interface PagefindResultData {
  url: string
  meta: Record<string, string | undefined>
  excerpt: string
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>
  search(query: string): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] } | null>
}

let pagefind: Promise<PagefindApi> | undefined

/** Loads Pagefind the first time it is needed: pages that never search never fetch it. */
function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    // Built by Pagefind after the site; a variable keeps the bundler from resolving it.
    const url = '/pagefind/pagefind.js'
    const api = (await import(/* @vite-ignore */ url)) as PagefindApi
    // Code pages are short and carry their code's spellings with a high weight: keep page length
    // from outweighing that (Pagefind's default favours short pages strongly).
    // Code pages hold long reference tables now: how often a word recurs says little, so term
    // frequency counts for nothing and where a word is (its weight) decides.
    await api.options({ ranking: { pageLength: 0.1, termFrequency: 0, termSaturation: 1 } })
    return api
  })()
  return pagefind
}

// How many of Pagefind's hits are read to find those whose title names the query.
const RERANK_WINDOW = 20

function titleWords(title: string): Set<string> {
  return new Set(title.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean))
}

/**
 * Hits whose title holds every word of the query come first, in Pagefind's order: a query of name
 * words (`lock entry`) means the code named so, not the pages that use those words most.
 */
export function titleMatchesFirst<T extends { title: string }>(query: string, hits: readonly T[]): T[] {
  const words = query.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)
  if (words.length === 0) return [...hits]
  const named = (hit: T) => {
    const title = titleWords(hit.title)
    return words.every((word) => title.has(word))
  }
  return [...hits.filter(named), ...hits.filter((hit) => !named(hit))]
}

async function hits(query: string, limit: number): Promise<SearchHit[]> {
  const api = await loadPagefind()
  const found = await api.search(query)
  const data = await Promise.all((found?.results ?? []).slice(0, Math.max(limit, RERANK_WINDOW)).map((result) => result.data()))
  const all = data.map((item) => ({ url: item.url, title: item.meta['title'] ?? item.url, excerpt: item.excerpt }))
  return titleMatchesFirst(query, all).slice(0, limit)
}

/**
 * Searches the way a person means it: code-like words as the code (`20` → `0x00000020`), then, when
 * the query had such a word, the words as typed, so `c0000005` still finds a transcript that
 * prints it. Hits of the first search come first.
 */
export async function search(raw: string, limit = 10): Promise<SearchHit[]> {
  const query = normaliseQuery(raw)
  if (!query.search) return []
  const results = await hits(query.search, limit)
  if (query.codes.length > 0 && results.length < limit) {
    const seen = new Set(results.map((hit) => hit.url))
    for (const hit of await hits(raw, limit)) {
      if (!seen.has(hit.url) && results.length < limit) results.push(hit)
    }
  }
  return results
}

/** A link to a hit, its title as text. */
export function hitLink(hit: SearchHit): HTMLAnchorElement {
  const link = document.createElement('a')
  link.href = hit.url
  link.textContent = hit.title
  return link
}

/**
 * Puts an excerpt into an element as text, keeping only Pagefind's `<mark>` highlights: nothing
 * else of the excerpt's markup reaches the page.
 */
export function renderExcerpt(target: HTMLElement, excerpt: string): void {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html')
  target.replaceChildren()
  for (const node of parsed.body.firstChild?.childNodes ?? []) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark')
      mark.textContent = node.textContent
      target.append(mark)
    } else {
      target.append(node.textContent ?? '')
    }
  }
}
