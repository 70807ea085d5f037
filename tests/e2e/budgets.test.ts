// Byte budgets of the transcript feature on the built site (issue "Performance"): what a runbook
// page loads for its transcripts, and that pages without transcripts load none of it. Byte counts
// are deterministic, so they are asserted; timings are left to `npm run bench`.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIST, startSite, type Site } from './harness.ts'

const RUNBOOK = '/runbooks/0x20-kmutex-not-released/'
const WITHOUT_TRANSCRIPTS = ['/', '/bugchecks/', '/bugchecks/0x20/']
const FEATURE = '/_windbg/'
const JS_BUDGET = 4 * 1024
const CSS_BUDGET = 6 * 1024

interface Fetched {
  path: string
  kind: 'js' | 'css' | 'other'
  /** Gzipped at zlib's default level, as a host would send it. */
  gzip: number
}

let site: Site

/** Loads a page in a fresh context (empty cache) and returns every response it received. */
async function load(path: string): Promise<Fetched[]> {
  const context = await site.browser.newContext()
  try {
    const page = await context.newPage()
    const bodies: Promise<Fetched>[] = []
    page.on('response', (response) => {
      const type = response.request().resourceType()
      const kind = type === 'script' ? 'js' : type === 'stylesheet' ? 'css' : 'other'
      const url = new URL(response.url())
      bodies.push(response.body().then((body) => ({ path: url.pathname, kind, gzip: gzipSync(body).length })))
    })
    await page.goto(site.server.url + path, { waitUntil: 'networkidle' })
    return await Promise.all(bodies)
  } finally {
    await context.close()
  }
}

const total = (items: readonly Fetched[]) => items.reduce((sum, item) => sum + item.gzip, 0)

beforeAll(async () => {
  site = await startSite()
})

afterAll(async () => {
  await site?.close()
})

describe('transcript feature budgets', () => {
  it.each(WITHOUT_TRANSCRIPTS)('%s loads nothing of the transcript feature', async (path) => {
    const fetched = await load(path)
    expect(fetched.filter((item) => item.path.startsWith(FEATURE)).map((item) => item.path)).toEqual([])
    expect(readFileSync(join(DIST, path, 'index.html'), 'utf8')).not.toContain(FEATURE)
  })

  it(`the runbook's transcripts add at most ${JS_BUDGET} B of gzipped JS and ${CSS_BUDGET} B of gzipped CSS`, async () => {
    const others = new Set((await Promise.all(WITHOUT_TRANSCRIPTS.map(load))).flat().map((item) => item.path))
    const runbook = await load(RUNBOOK)
    // What the runbook page loads that pages without transcripts do not; of that, the feature's
    // own files. (The rest, such as Expressive Code for the article's C code, is not transcripts.)
    const added = runbook.filter((item) => !others.has(item.path))
    const feature = added.filter((item) => item.path.startsWith(FEATURE))
    const js = feature.filter((item) => item.kind === 'js')
    const css = feature.filter((item) => item.kind === 'css')
    expect(js.length, 'one transcript script').toBe(1)
    expect(css.length, 'one transcript stylesheet').toBe(1)
    expect(feature.length, `only the script and the stylesheet: ${feature.map((item) => item.path).join(', ')}`).toBe(2)
    expect(total(js), `gzipped JS of ${js.map((item) => item.path).join(', ')}`).toBeLessThanOrEqual(JS_BUDGET)
    expect(total(css), `gzipped CSS of ${css.map((item) => item.path).join(', ')}`).toBeLessThanOrEqual(CSS_BUDGET)
  })

  it('the runbook links each transcript asset once, however many transcripts it has', () => {
    const html = readFileSync(join(DIST, RUNBOOK, 'index.html'), 'utf8')
    const links = [...html.matchAll(/\/_windbg\/[\w.-]+/g)].map((match) => match[0])
    expect(links.length).toBe(2)
    expect(new Set(links).size).toBe(2)
  })
})
