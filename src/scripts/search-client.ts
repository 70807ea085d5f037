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
    await api.options({ ranking: { pageLength: 0.2, termFrequency: 0.6, termSaturation: 1.4 } })
    return api
  })()
  return pagefind
}

async function hits(query: string, limit: number): Promise<SearchHit[]> {
  const api = await loadPagefind()
  const found = await api.search(query)
  const data = await Promise.all((found?.results ?? []).slice(0, limit).map((result) => result.data()))
  return data.map((item) => ({ url: item.url, title: item.meta['title'] ?? item.url, excerpt: item.excerpt }))
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
