// Shared set-up of the browser tests: the built site (dist/, made by `astro build` before the
// tests run) served on a free port, and Debian's Chromium driven by playwright-core.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { launchChromium } from '../../scripts/ensure-chromium.ts'
import { serveDirectory, type StaticServer } from './server.ts'

/** The built site: dist/, or another build named by SITE_DIST (a benchmark's, a second build). */
export const DIST = process.env['SITE_DIST'] ?? fileURLToPath(new URL('../../dist/', import.meta.url))


export interface Site {
  server: StaticServer
  browser: Browser
  /** A new page in a fresh context; pass `javaScriptEnabled: false` to test without script. */
  open(path: string, options?: BrowserContextOptions): Promise<Page>
  close(): Promise<void>
}

/** Serves dist/ and starts Chromium. Call in `beforeAll`, and `close()` in `afterAll`. */
export async function startSite(): Promise<Site> {
  if (!existsSync(`${DIST}/index.html`)) throw new Error('dist/ has no built site: run `npm run build` before the browser tests.')
  const browser = await launchChromium()
  const server = await serveDirectory(DIST)
  return {
    server,
    browser,
    async open(path, options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options })
      const page = await context.newPage()
      await page.goto(server.url + path)
      return page
    },
    async close() {
      await browser.close()
      await server.close()
    },
  }
}

/**
 * axe-core's violations on the page, as `rule: selectors` lines; `include` limits the run to
 * those parts of the page.
 */
export async function axeViolations(page: Page, include?: string[]): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') })
  return page.evaluate(async (selectors) => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[] }
    const axe = (window as unknown as { axe: { run(context?: unknown): Promise<Result> } }).axe
    const result = await (selectors ? axe.run({ include: selectors.map((selector) => [selector]) }) : axe.run())
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
  }, include)
}
