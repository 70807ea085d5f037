// The triage page in a browser: paste real debugger output, read the decoded result, and make sure
// nothing leaves the page once the output is in it.
import type { BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { realFences } from '../../plugins/remark-windbg/test/helpers.ts'
import { axeViolations, startSite, type Site } from './harness.ts'

const fences = realFences()

/** A real fence (the seed write-up, Microsoft's docs) whose first line starts with `start`. */
function realFence(file: string, start: string): string {
  const fence = fences.find((candidate) => candidate.file === file && candidate.value.trimStart().startsWith(start))
  if (!fence) throw new Error(`no fence starting with ${start} in ${file}`)
  return fence.value
}

const seedAnalyze = realFence('seed-0x20.md', '4: kd> !analyze -v')
const banner9f = realFence('blue-screen-data.md', '***')
const garbage = 'synthetic: not debugger output at all {0, 1} 0x20 ffff'

let site: Site

beforeAll(async () => {
  site = await startSite()
})

afterAll(async () => {
  await site?.close()
})

/** Opens the page and waits until its script has its data: the one request it makes. */
async function openTriage(path = '/triage/', options: BrowserContextOptions = {}): Promise<Page> {
  const page = await site.open(path, options)
  await page.waitForSelector('#triage-tool[data-ready]', { state: 'attached' })
  return page
}

/** Every request the page makes from now on. */
function recordRequests(page: Page): string[] {
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  return requests
}

/** A real paste: the text goes to the clipboard, then Ctrl+V in the text area. */
async function paste(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url })
  await page.evaluate((value) => navigator.clipboard.writeText(value), text)
  await page.focus('#triage-input')
  await page.keyboard.press('ControlOrMeta+V')
}

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent())?.replace(/\s+/g, ' ').trim() ?? ''
}

describe('triage page', () => {
  test("pasting the seed's !analyze -v: 0x20, Arg2 decoded as -1, the runbook, and no request", async () => {
    const page = await openTriage()
    const requests = recordRequests(page)
    await paste(page, seedAnalyze)
    expect(await page.inputValue('#triage-input')).toBe(seedAnalyze)
    await page.waitForSelector('.triage-bugcheck')

    expect(await text(page, '.triage-bugcheck h2')).toBe('0x20 KERNEL_APC_PENDING_DURING_EXIT')
    expect(await page.getAttribute('.triage-bugcheck h2 a', 'href')).toBe('/bugchecks/0x20/')
    expect(await text(page, '[data-parameter="2"]')).toContain('-1 as a signed 16-bit value')
    expect(await text(page, '[data-parameter="2"]')).toContain('APC disable count')
    expect(await page.locator('.triage-runbooks a[href="/runbooks/0x20-kmutex-not-released/"]').count()).toBe(1)
    const details = await text(page, '.triage-details')
    for (const value of ['nt', 'ntkrnlmp.exe', '0x20_NULLAPC_KAPC_NEGATIVE_nt!PspExitThread', 'System', 'nt!PspExitThread+1f8f14']) {
      expect(details).toContain(value)
    }
    expect(await text(page, '#triage-status')).toBe('Found bugcheck 0x20 KERNEL_APC_PENDING_DURING_EXIT.')

    // The share link: the code and values, nothing of the paste.
    const link = new URL(await page.inputValue('.triage-share input'))
    expect(link.pathname).toBe('/triage/')
    expect(link.search).toBe('')
    expect(link.hash).toBe('#code=0x20&p=0,ffff,0,1')

    await page.waitForTimeout(500)
    expect(requests).toEqual([])
    await page.context().close()
  })

  test('pasting garbage: the clear message, and no request', async () => {
    const page = await openTriage()
    const requests = recordRequests(page)
    await paste(page, garbage)
    await page.waitForSelector('.triage-none')
    expect(await text(page, '.triage-none h2')).toBe('No bugcheck code found')
    expect(await text(page, '.triage-none')).toContain('Triage looks for any of: !analyze title line')
    expect(await text(page, '#triage-status')).toContain('No bugcheck code found')
    await page.waitForTimeout(300)
    expect(requests).toEqual([])
    await page.context().close()
  })

  test('the share link round-trips: opening it shows the decoded result', async () => {
    const first = await openTriage()
    await paste(first, seedAnalyze)
    await first.waitForSelector('.triage-share')
    await first.getByRole('button', { name: 'Copy link' }).click()
    await first.waitForFunction(() => document.getElementById('triage-status')?.textContent === 'Link copied.')
    const shared = await first.evaluate(() => navigator.clipboard.readText())
    expect(shared).toBe(await first.inputValue('.triage-share input'))
    await first.context().close()

    const page = await openTriage(new URL(shared).pathname + new URL(shared).hash)
    await page.waitForSelector('.triage-bugcheck')
    expect(await text(page, '.triage-bugcheck h2')).toBe('0x20 KERNEL_APC_PENDING_DURING_EXIT')
    expect(await text(page, '[data-parameter="2"]')).toContain('-1 as a signed 16-bit value')
    expect(await page.locator('.triage-runbooks a[href="/runbooks/0x20-kmutex-not-released/"]').count()).toBe(1)
    expect(await text(page, '.triage-meta')).toContain('Values from a link')
    expect(await page.inputValue('#triage-input')).toBe('')
    await page.context().close()
  })

  test('a hash that is no result says so', async () => {
    const page = await openTriage('/triage/#code=nonsense')
    await page.waitForFunction(() => document.getElementById('triage-status')?.textContent !== '')
    expect(await text(page, '#triage-status')).toContain('This link holds no result')
    await page.context().close()
  })

  test('two different codes: the page asks which, and shows the one chosen', async () => {
    const page = await openTriage()
    await paste(page, `${seedAnalyze}\n${banner9f}`)
    await page.waitForSelector('.triage-ambiguous')
    expect(await text(page, '.triage-ambiguous h2')).toBe('2 different bugcheck codes')
    await page.locator('.triage-candidates button').nth(1).focus()
    await page.keyboard.press('Enter')
    await page.waitForSelector('.triage-chosen .triage-bugcheck')
    expect(await text(page, '.triage-chosen h3')).toBe('0x9f DRIVER_POWER_STATE_FAILURE')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('0x9f DRIVER_POWER_STATE_FAILURE')
    expect(await text(page, '.triage-chosen .triage-details')).toContain('hidusb.sys')
    await page.context().close()
  })

  test('a dropped file and an opened file are read in the browser', async () => {
    const page = await openTriage()
    const requests = recordRequests(page)
    const dataTransfer = await page.evaluateHandle((content) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([content], 'synthetic-name-real-banner.log', { type: 'text/plain' }))
      return transfer
    }, banner9f)
    await page.dispatchEvent('#triage-input', 'drop', { dataTransfer })
    await page.waitForSelector('.triage-bugcheck')
    expect(await text(page, '.triage-bugcheck h2')).toBe('0x9f DRIVER_POWER_STATE_FAILURE')
    // The reference's `backticks` are code: the value, then the structure and the command.
    expect(await page.locator('.triage-parameters tr[data-parameter="3"] code').allTextContents()).toEqual([
      '0xfffff803c596cad0',
      'nt!_TRIAGE_9F_POWER',
      'dt nt!_TRIAGE_9F_POWER',
    ])

    await page.setInputFiles('#triage-file', { name: 'synthetic-name-seed-analyze.txt', mimeType: 'text/plain', buffer: Buffer.from(seedAnalyze) })
    await page.waitForFunction(() => document.querySelector('.triage-bugcheck h2')?.textContent?.includes('0x20'))
    await page.setInputFiles('#triage-file', { name: 'synthetic.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50]) })
    await page.waitForFunction(() => document.getElementById('triage-status')?.textContent?.includes('not a text file'))
    expect(requests).toEqual([])
    await page.context().close()
  })

  test('keyboard only: Tab reaches the text area and the controls, and decoding works from there', async () => {
    const page = await openTriage()
    const reached: string[] = []
    for (let step = 0; step < 40 && !reached.includes('triage-clear'); step++) {
      await page.keyboard.press('Tab')
      reached.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || ''))
    }
    expect(reached).toContain('triage-input')
    const input = reached.indexOf('triage-input')
    expect(reached.slice(input + 1, input + 4)).toEqual(['BUTTON', 'triage-file', 'triage-clear'])

    await page.focus('#triage-input')
    await page.keyboard.insertText('BugCheck 20, {0, ffff, 0, 1}')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.waitForSelector('.triage-bugcheck')
    expect(await text(page, '[data-parameter="2"]')).toContain('-1 as a signed 16-bit value')
    // Onward from the form into the result: the code page's link comes first.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/bugchecks/0x20/')
    await page.context().close()
  })

  test('the result has no accessibility violations, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await openTriage('/triage/', { colorScheme })
      await paste(page, seedAnalyze)
      await page.waitForSelector('.triage-bugcheck')
      expect(await axeViolations(page, ['#triage-tool', '#triage-status', '#triage-result']), colorScheme).toEqual([])
      await page.context().close()
    }
  })

  test('without JavaScript the page explains itself and hides the tool', async () => {
    const page = await site.open('/triage/', { javaScriptEnabled: false })
    expect(await page.isVisible('#triage-tool')).toBe(false)
    expect(await text(page, 'noscript, .triage-noscript')).toContain('Triage needs JavaScript')
    expect(await text(page, '#formats')).toBe('What triage recognises')
    await page.context().close()
  })
})
