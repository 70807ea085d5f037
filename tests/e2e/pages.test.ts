// The site's pages in Chromium: home, catalog, code pages, runbook page, redirects, 404, OpenSearch.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DIST, startSite, type Site } from './harness.ts'

let site: Site
beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.close()
})

describe('pages', () => {
  test('home: a search box that takes a code, the counts, the newest runbooks, a link to triage', async () => {
    const page = await site.open('/')
    expect(await page.locator('main').textContent()).toMatch(/425\s*bugcheck codes/)
    expect(await page.locator('main a[href="/runbooks/0x20-kmutex-not-released/"]').count()).toBeGreaterThan(0)
    expect(await page.locator('header a[href="/triage/"]').count()).toBe(1)
    await page.locator('#home-search-input').fill('0x0000020')
    await page.locator('#home-search-input').press('Enter')
    await page.waitForSelector('#search-results[data-query="0x0000020"] li a')
    expect(new URL(page.url()).pathname).toBe('/search/')
    expect(await page.locator('#search-results li a').first().getAttribute('href')).toBe('/bugchecks/0x20/')
    await page.context().close()
  })

  test('catalog: every code in one table without script; filter and sort with it', async () => {
    const noScript = await site.open('/bugchecks/', { javaScriptEnabled: false })
    expect(await noScript.locator('#catalog-table tbody tr').count()).toBe(425)
    await noScript.context().close()
    const page = await site.open('/bugchecks/')
    await page.locator('#catalog-filter').fill('power state')
    const visible = page.locator('#catalog-table tbody tr:not([hidden])')
    expect(await visible.locator('td:nth-child(2)').allTextContents()).toContain('DRIVER_POWER_STATE_FAILURE')
    await page.locator('#catalog-filter').fill('9f')
    expect(await visible.locator('td:first-child').allTextContents()).toEqual(['0x0000009F'])
    await page.locator('#catalog-filter').fill('')
    await page.getByRole('button', { name: 'Runbooks' }).click()
    await page.getByRole('button', { name: 'Runbooks' }).click()
    expect(await page.locator('#catalog-table tbody tr td:first-child').first().textContent()).toBe('0x00000020')
    await page.context().close()
  })

  test('a code page with a runbook: spellings, parameters, the runbook, the reference', async () => {
    const page = await site.open('/bugchecks/0x20/')
    const main = (await page.locator('main').textContent()) ?? ''
    for (const text of ['KERNEL_APC_PENDING_DURING_EXIT', '0x00000020', 'APC disable count']) expect(main).toContain(text)
    expect(await page.locator('main a[href="/runbooks/0x20-kmutex-not-released/"]').count()).toBeGreaterThan(0)
    expect(await page.locator('main a[href^="https://learn.microsoft.com/"]').count()).toBe(1)
    await page.context().close()
  })

  test('a code page without a runbook says so and points to the guide', async () => {
    const page = await site.open('/bugchecks/0x9f/')
    expect(await page.locator('main').textContent()).toContain('No runbook covers this code yet')
    await page.locator('main a[href="/contribute/?code=0x9f"]').click()
    await page.waitForSelector('#contribute-for-code:not([hidden])')
    expect(await page.locator('#contribute-for-code').textContent()).toContain('npm run new -- --code 0x9f')
    await page.context().close()
  })

  test('the runbook page: one h1, the code linked to its page, tags, related, edit link', async () => {
    const page = await site.open('/runbooks/0x20-kmutex-not-released/')
    expect(await page.locator('h1').count()).toBe(1)
    expect(await page.locator('.runbook-code a').getAttribute('href')).toBe('/bugchecks/0x20/')
    expect(await page.locator('.runbook-tags li').allTextContents()).toContain('kmutex')
    expect(await page.locator('nav.related a').first().getAttribute('href')).toBe('/bugchecks/0x1/')
    expect(await page.locator('a[href$="/edit/main/content/runbooks/0x20-kmutex-not-released.md"]').count()).toBe(1)
    await page.context().close()
  })

  test('/0x20/ and /0x00000020/ redirect to the code page without script; other spellings through the 404 page', async () => {
    for (const [path, expected] of [
      ['/0x20/', '/bugchecks/0x20/'],
      ['/0x00000020/', '/bugchecks/0x20/'],
    ] as const) {
      const page = await site.open(path, { javaScriptEnabled: false })
      await page.waitForURL((url) => url.pathname === expected)
      await page.context().close()
    }
    for (const [path, expected] of [
      ['/1e/', '/bugchecks/0x1e/'],
      ['/bugchecks/0x0000001E/', '/bugchecks/0x1e/'],
      ['/KERNEL_APC_PENDING_DURING_EXIT/', '/bugchecks/0x20/'],
    ] as const) {
      const page = await site.open(path)
      await page.waitForURL((url) => url.pathname === expected)
      await page.context().close()
    }
  })

  test('an unknown path is a 404 page with a search box', async () => {
    const page = await site.open('/no-such-page/')
    expect(await page.locator('h1').textContent()).toBe('Page not found')
    expect(await page.locator('#not-found-search').count()).toBe(1)
    await page.context().close()
  })

  test('OpenSearch description and favicon', async () => {
    const xml = readFileSync(`${DIST}/opensearch.xml`, 'utf8')
    expect(xml).toContain('template="https://bugcheck-runbooks.example.org/search/?q={searchTerms}"')
    const page = await site.open('/')
    expect(await page.locator('link[rel="search"]').getAttribute('href')).toBe('/opensearch.xml')
    expect(await page.locator('link[rel="shortcut icon"], link[rel="icon"]').first().getAttribute('href')).toBe('/favicon.svg')
    await page.context().close()
  })
})
