// A built site served locally and loaded in Chromium (playwright-core), recording every response:
// what a reader's browser fetches, by kind, raw and gzipped.
import { gzipSync } from 'node:zlib'
import type { Browser, Page, Response } from 'playwright-core'
import { launchChromium } from '../../scripts/ensure-chromium.ts'
import { serveDirectory, type StaticServer } from '../../tests/e2e/server.ts'


export type Kind = 'html' | 'js' | 'css' | 'other'

export interface Fetched {
  /** Path and query, e.g. `/_astro/page.abc123.js`. */
  path: string
  kind: Kind
  status: number
  /** Body bytes as served (the local server does not compress). */
  bytes: number
  /** The same body gzipped at zlib's default level, as a typical host would send it. */
  gzip: number
}

export interface Session {
  browser: Browser
  server: StaticServer
  close(): Promise<void>
}

export async function openSession(dist: string): Promise<Session> {
  const browser = await launchChromium()
  const server = await serveDirectory(dist)
  return {
    browser,
    server,
    async close() {
      await browser.close()
      await server.close()
    },
  }
}

function kindOf(response: Response): Kind {
  const type = response.request().resourceType()
  const path = new URL(response.url()).pathname
  if (type === 'document') return 'html'
  if (type === 'script' || /\.m?js$/.test(path)) return 'js'
  if (type === 'stylesheet' || path.endsWith('.css')) return 'css'
  return 'other'
}

/**
 * Records every response a page receives from now on. `settle()` waits until none is still in
 * flight and returns what arrived since the last call.
 */
export function recorder(page: Page): { settle(): Promise<Fetched[]> } {
  let pending: Promise<Fetched | undefined>[] = []
  let inFlight = 0
  page.on('request', () => {
    inFlight += 1
  })
  const finished = () => {
    inFlight -= 1
  }
  page.on('requestfinished', finished)
  page.on('requestfailed', finished)
  page.on('response', (response) => {
    // The browser fetches the favicon once per site, whenever it likes: not part of a page.
    if (new URL(response.url()).pathname.startsWith('/favicon.')) return
    pending.push(
      response.body().then(
        (body) => ({ path: new URL(response.url()).pathname + new URL(response.url()).search, kind: kindOf(response), status: response.status(), bytes: body.length, gzip: gzipSync(body).length }),
        () => undefined,
      ),
    )
  })
  return {
    async settle() {
      // Requests started by a response just handled (a module importing another) count too:
      // done when nothing has been in flight for three checks in a row. Pagefind fetches from
      // its worker, whose events can reach us after the page's own answer: shorter waits let
      // a query's bytes slip into the next call's share.
      for (let quiet = 0; quiet < 3; ) {
        await new Promise((done) => setTimeout(done, 50))
        quiet = inFlight === 0 ? quiet + 1 : 0
      }
      const taken = pending
      pending = []
      return (await Promise.all(taken)).filter((item): item is Fetched => item !== undefined)
    },
  }
}

export interface Totals {
  requests: number
  bytes: Record<Kind, number>
  gzip: Record<Kind, number>
}

export function totals(fetched: readonly Fetched[]): Totals {
  const zero = (): Record<Kind, number> => ({ html: 0, js: 0, css: 0, other: 0 })
  const result: Totals = { requests: fetched.length, bytes: zero(), gzip: zero() }
  for (const item of fetched) {
    result.bytes[item.kind] += item.bytes
    result.gzip[item.kind] += item.gzip
  }
  return result
}

/** Loads `path` in a fresh context (empty cache) and returns everything it fetched. */
export async function loadPage(session: Session, path: string): Promise<Fetched[]> {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } })
  try {
    const page = await context.newPage()
    const record = recorder(page)
    await page.goto(session.server.url + path, { waitUntil: 'load' })
    return await record.settle()
  } finally {
    await context.close()
  }
}
