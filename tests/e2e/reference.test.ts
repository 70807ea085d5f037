// The bugcheck reference in the browser: a code page without a runbook (summary, parameters, every
// case, the filter box, the decode form), with and without JavaScript, on a phone, under axe-core;
// the JSON API; and triage of bare BUGCHECK_Pn lines for a code no runbook covers.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { axeViolations, DIST, startSite, type Site } from './harness.ts'

let site: Site
beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.close()
})

interface ApiCode {
  code: string
  name: string
  summary: string
  url: string
  sameAs: string | null
  parameters: { index: number; name: string; description: string; decode: string; values?: Record<string, string> }[]
  subtypes: { parameter: number; value: string | null; meaning: string; parameters: { index: number; name: string }[] }[]
  runbooks: { title: string; url: string }[]
}
const api = JSON.parse(readFileSync(`${DIST}/api/bugchecks.json`, 'utf8')) as { codes: ApiCode[] }
const entry = (code: string) => api.codes.find((candidate) => candidate.code === code) as ApiCode

async function visibleRows(page: Page): Promise<number> {
  return page.locator('#subtype-table tbody tr:visible').count()
}

describe('a code page without a runbook: 0x9F', () => {
  test('summary, parameters and every case, complete in the HTML', async () => {
    const page = await site.open('/bugchecks/0x9f/', { javaScriptEnabled: false })
    const reference = entry('0x9f')
    expect(await page.locator('.code-summary').textContent()).toContain(reference.summary.slice(0, 40))
    expect(await page.locator('.parameter-table tbody tr').count()).toBe(4)
    // A parameter whose meaning changes with the case does not claim one reading for all of them.
    const caseRows = page.locator('.parameter-table tbody tr', { hasText: 'Depends on the case' })
    expect(await caseRows.count()).toBeGreaterThan(0)
    for (const readAs of await caseRows.locator('td:nth-child(4)').allTextContents()) expect(readAs).toBe('by case')
    expect(await page.locator('#subtype-table tbody tr').count()).toBe(reference.subtypes.length)
    expect(await visibleRows(page)).toBe(7)
    // The filter box is the script's; without it the whole table shows.
    expect(await page.locator('.subtype-filter').isVisible()).toBe(false)
    expect(await page.locator('#p1-0x3').textContent()).toContain('nt!_TRIAGE_9F_POWER')
    expect(await page.locator('a', { hasText: 'Edit content/bugchecks/0x9f.yaml' }).getAttribute('href')).toMatch(/\/edit\/main\/content\/bugchecks\/0x9f\.yaml$/)
    expect(await page.locator('.credit a[href^="https://learn.microsoft.com/"]').count()).toBe(1)
    await page.context().close()
  })

  test('without JavaScript, the decode form is a GET to /triage/ with the values', async () => {
    const page = await site.open('/bugchecks/0x9f/', { javaScriptEnabled: false })
    await page.fill('input[name=p1]', '3')
    await page.fill('input[name=p2]', 'ffffe000f38c06a0')
    await page.click('.decode-form button[type=submit]')
    await page.waitForURL(/\/triage\/\?/)
    const query = new URL(page.url()).searchParams
    expect(Object.fromEntries(query)).toMatchObject({ code: '0x9f', p1: '3', p2: 'ffffe000f38c06a0', arch: 'x64' })
    await page.context().close()
  })

  test('the Parameter 1 box narrows the table as you type', async () => {
    const page = await site.open('/bugchecks/0x9f/')
    await page.waitForSelector('.subtype-filter:not([hidden])')
    await page.fill('#subtype-filter', '0x4')
    expect(await visibleRows(page)).toBe(1)
    expect(await page.locator('.subtype-filter output').textContent()).toBe('1 of 7 cases')
    // Digits typed so far are a prefix: 5 finds 0x5 and 0x500.
    await page.fill('#subtype-filter', '5')
    expect(await visibleRows(page)).toBe(2)
    await page.fill('#subtype-filter', 'zz')
    expect(await page.locator('.subtype-filter output').textContent()).toMatch(/hex value/)
    await page.fill('#subtype-filter', '')
    expect(await visibleRows(page)).toBe(7)
    await page.context().close()
  })

  test('the decode form reads the values as you type, fetching only the code’s own entry', async () => {
    const page = await site.open('/bugchecks/0x9f/')
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    await page.fill('input[name=p1]', '3')
    await page.fill('input[name=p2]', 'ffffe000f38c06a0')
    await page.fill('input[name=p4]', '0')
    await page.waitForSelector('.decode-result:not([hidden]) dl')
    const result = (await page.locator('.decode-result').textContent()) ?? ''
    expect(result).toContain('Case: parameter 1 = 0x3.')
    expect(result).toContain('Physical device object, 0xffffe000f38c06a0: kernel-mode address')
    expect(result).toContain('Blocked IRP, 0x0: NULL pointer')
    expect(requests.map((url) => new URL(url).pathname).filter((path) => path !== '/favicon.svg')).toEqual(['/api/bugchecks/0x9f.json'])
    expect(requests.some((url) => url.includes('ffffe000f38c06a0'))).toBe(false)
    await page.context().close()
  })

  test('the decode form’s values open in triage, decoded', async () => {
    const page = await site.open('/triage/?code=0x9f&p1=3&p2=ffffe000f38c06a0&p3=fffff803c596cad0&p4=ffffe000f46a1010&arch=x64')
    await page.waitForSelector('.triage-bugcheck')
    expect(await page.locator('.triage-bugcheck h2').textContent()).toContain('DRIVER_POWER_STATE_FAILURE')
    expect(await page.locator('.triage-subtype').textContent()).toContain('held a power IRP for too long')
    expect(await page.locator('[data-parameter="2"]').textContent()).toContain('Physical device object')
    await page.context().close()
  })

  test('no axe-core violations on a page with a case table and the decode form', async () => {
    const page = await site.open('/bugchecks/0x9f/')
    await page.waitForSelector('.subtype-filter:not([hidden])')
    expect(await axeViolations(page)).toEqual([])
    await page.context().close()
  })
})

describe('pages on a phone', () => {
  test.each(['/bugchecks/0xc4/', '/bugchecks/0x9f/', '/bugchecks/0xa5/'])('%s does not scroll sideways at 390 px', async (path) => {
    const page = await site.open(path, { viewport: { width: 390, height: 844 } })
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(390)
    // Every case is there, one block each.
    expect(await page.locator('#subtype-table tbody tr').count()).toBe(entry(path.split('/')[2] as string).subtypes.length)
    await page.context().close()
  })
})

describe('the JSON API', () => {
  test('/api/bugchecks.json: every code, in the documented shape', () => {
    expect(api.codes).toHaveLength(425)
    const code = entry('0x9f')
    expect(code).toMatchObject({ code: '0x9f', name: 'DRIVER_POWER_STATE_FAILURE', url: '/bugchecks/0x9f/', sameAs: null, runbooks: [] })
    expect(code.parameters[0]).toMatchObject({ index: 1, name: 'Violation type', decode: 'hex' })
    expect(code.subtypes[2]).toMatchObject({ parameter: 1, value: '0x3', parameters: [{ index: 2 }, { index: 3 }, { index: 4 }] })
    expect(entry('0x1000007e').sameAs).toBe('0x7e')
    expect(entry('0x20').runbooks).toEqual([{ title: expect.any(String), url: '/runbooks/0x20-kmutex-not-released/', summary: expect.any(String) }])
    // Values are lower-case 0x hex strings everywhere.
    for (const each of api.codes) {
      for (const subtype of each.subtypes) if (subtype.value !== null) expect(subtype.value).toMatch(/^0x[0-9a-f]+$/)
      for (const parameter of each.parameters) for (const key of Object.keys(parameter.values ?? {})) expect(key).toMatch(/^0x[0-9a-f]+$/)
    }
  })

  test('/api/bugchecks/0x9f.json is the same entry, and the code page says the same', async () => {
    for (const code of ['0x9f', '0xc4', '0x1', '0x20', '0x109']) {
      const one = JSON.parse(readFileSync(`${DIST}/api/bugchecks/${code}.json`, 'utf8')) as ApiCode
      expect(one).toMatchObject(entry(code))
      const page = await site.open(`/bugchecks/${code}/`, { javaScriptEnabled: false })
      expect(await page.locator('#subtype-table tbody tr').count()).toBe(one.subtypes.length)
      const names = await page.locator('.parameter-table tbody tr td:nth-child(2)').allTextContents()
      for (const parameter of one.parameters) expect(names).toContain(parameter.name === 'Reserved' ? 'Reserved' : parameter.name)
      await page.context().close()
    }
  })
})

describe('triage of a code no runbook covers', () => {
  async function decode(text: string): Promise<Page> {
    const page = await site.open('/triage/')
    await page.waitForSelector('#triage-tool[data-ready]', { state: 'attached' })
    await page.fill('#triage-input', text)
    await page.waitForSelector('.triage-bugcheck')
    return page
  }

  test('bare BUGCHECK_Pn lines get names, meanings, decoded values and the case', async () => {
    // Synthetic: the field lines of an `!analyze -v` for 0x133, values from Microsoft's 0x133 page.
    const page = await decode('BUGCHECK_CODE:  133\nBUGCHECK_P1: 0\nBUGCHECK_P2: 501\nBUGCHECK_P3: 500\nBUGCHECK_P4: fffff80170efb320')
    expect(await page.locator('.triage-bugcheck h2').textContent()).toContain('DPC_WATCHDOG_VIOLATION')
    expect(await page.locator('.triage-subtype').textContent()).toContain('single DPC or ISR')
    expect(await page.locator('[data-parameter="2"]').textContent()).toContain('DPC time count')
    expect(await page.locator('[data-parameter="2"]').textContent()).toContain('1281 clock ticks')
    expect(await page.locator('.triage-source').textContent()).toContain('Meanings from the reference for 0x133')
    await page.context().close()
  })

  test('field lines annotated by their author still triage', async () => {
    // Synthetic: the annotated lines of issue 10, as write-ups print them.
    const page = await decode('BUGCHECK_CODE: 50 (PAGE_FAULT_IN_NONPAGED_AREA)\nBUGCHECK_P1: ffffe5068d8a4000 (memory referenced)\nBUGCHECK_P2: 2 (write access)')
    expect(await page.locator('.triage-bugcheck h2').textContent()).toContain('PAGE_FAULT_IN_NONPAGED_AREA')
    expect(await page.locator('[data-parameter="1"]').textContent()).toContain('kernel-mode address')
    expect(await page.locator('[data-parameter="2"] td').nth(0).textContent()).toBe('0x2')
    await page.context().close()
  })
})

describe('!runbook in WinDbg', () => {
  test('the install page links the published script, which holds the whole reference', async () => {
    const page = await site.open('/windbg/')
    const href = await page.locator('a[download="runbook.js"]').getAttribute('href')
    expect(href).toBe('/windbg/runbook.js')
    expect(await page.locator('main').textContent()).toContain('.scriptload C:\\debug\\runbook.js')
    const response = await page.request.get(site.server.url + href)
    expect(response.status()).toBe(200)
    const script = await response.text()
    expect(script).toContain('function initializeScript()')
    expect(script).toContain('DRIVER_POWER_STATE_FAILURE')
    await page.context().close()
  })
})
