// The real search (our query handling and Pagefind's index of the built site) in Chromium, for
// every catalog code typed every way people type it. Fails below 100% in the top 3.
import { mkdirSync, writeFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { searchCases, type SearchForm } from '../lib/search-forms.ts'
import { startSite, type Site } from './harness.ts'

let site: Site
let page: Page

beforeAll(async () => {
  site = await startSite()
  page = await site.open('/search/')
})
afterAll(async () => {
  await site?.close()
})

/** Runs one query through the search page, in place, and returns the result URLs in order. */
async function resultsFor(query: string): Promise<string[]> {
  return page.evaluate(async (q) => {
    history.pushState(null, '', `/search/?q=${encodeURIComponent(q)}`)
    dispatchEvent(new PopStateEvent('popstate'))
    const list = document.getElementById('search-results') as HTMLOListElement
    const deadline = performance.now() + 15_000
    while (list.dataset['query'] !== q) {
      if (performance.now() > deadline) throw new Error(`no results for ${q}`)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    return [...list.querySelectorAll('li > a')].map((link) => new URL((link as HTMLAnchorElement).href).pathname)
  }, query)
}

describe('search', () => {
  test('results are an ordered list of links inside <main>, for the query in the URL', async () => {
    const direct = await site.open('/search/?q=0x20')
    await direct.waitForSelector('main ol#search-results[data-query="0x20"] > li > a')
    expect(await direct.locator('main ol#search-results > li > a').first().getAttribute('href')).toBe('/bugchecks/0x20/')
    expect(await direct.locator('#search-page-input').inputValue()).toBe('0x20')
    await direct.context().close()
  })

  test("the reference is searchable: a case's meaning and a structure name find their code", async () => {
    expect((await resultsFor('single DPC exceeded'))[0]).toBe('/bugchecks/0x133/')
    expect((await resultsFor('nt!_TRIAGE_9F_POWER')).slice(0, 3)).toContain('/bugchecks/0x9f/')
    expect((await resultsFor('DPC_WATCHDOG_GLOBAL_TRIAGE_BLOCK')).slice(0, 3)).toContain('/bugchecks/0x133/')
    expect((await resultsFor('PoStartNextPowerIrp')).slice(0, 3)).toContain('/bugchecks/0x9f/')
  })

  test('a symbol from a transcript finds the runbook', async () => {
    expect((await resultsFor('PspExitThread')).slice(0, 3)).toContain('/runbooks/0x20-kmutex-not-released/')
  })

  test('the header search box suggests the code page and submits to /search/', async () => {
    const home = await site.open('/')
    await home.locator('#site-search-input').fill('KERNEL_APC_PENDING_DURING_EXIT')
    await home.waitForSelector('#site-search-suggestions li a')
    expect(await home.locator('#site-search-suggestions li a').first().getAttribute('href')).toBe('/bugchecks/0x20/')
    await home.locator('#site-search-input').press('Enter')
    await home.waitForURL(/\/search\/\?q=KERNEL_APC_PENDING_DURING_EXIT$/)
    await home.context().close()
  })

  test('every catalog code, every spelling: the code page in the top 3', async () => {
    const cases = searchCases()
    const firstMisses: string[] = []
    const tally = new Map<SearchForm, { total: number; top1: number; top3: number; misses: string[] }>()
    for (const { form, query, expected } of cases) {
      const results = await resultsFor(query)
      const row = tally.get(form) ?? { total: 0, top1: 0, top3: 0, misses: [] }
      row.total += 1
      if (results[0] === expected) row.top1 += 1
      else firstMisses.push(`${form}: ${query} → ${results[0] ?? 'nothing'}`)
      if (results.slice(0, 3).includes(expected)) row.top3 += 1
      else row.misses.push(`${query} → ${results.slice(0, 3).join(', ') || 'nothing'} (expected ${expected})`)
      tally.set(form, row)
    }
    const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`
    const lines = ['| form | queries | top-1 | top-3 |', '| --- | --- | --- | --- |']
    for (const [form, row] of tally) lines.push(`| ${form} | ${row.total} | ${percent(row.top1, row.total)} | ${percent(row.top3, row.total)} |`)
    const all = [...tally.values()]
    const total = all.reduce((sum, row) => sum + row.total, 0)
    lines.push(`| all | ${total} | ${percent(all.reduce((s, r) => s + r.top1, 0), total)} | ${percent(all.reduce((s, r) => s + r.top3, 0), total)} |`)
    const report = lines.join('\n')
    console.log(`Search over the whole catalog:\n${report}`)
    mkdirSync('tests/.output', { recursive: true })
    writeFileSync('tests/.output/search-report.md', `${report}\n\nNot first:\n${firstMisses.map((miss) => `- ${miss}`).join('\n')}\n`)
    const misses = all.flatMap((row) => row.misses)
    expect(misses).toEqual([])
  }, 900_000)
})
