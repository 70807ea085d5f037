// The 0x20 runbook's transcripts in Chromium: folding, expand all, deep links, tooltips, copy,
// print, no script, and axe-core.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { axeViolations, startSite, type Site } from './harness.ts'

const RUNBOOK = '/runbooks/0x20-kmutex-not-released/'
let site: Site

beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.close()
})

const analyzeStep = (page: Page) => page.locator('.wd-step', { has: page.locator('#wd-analyze-v') })
const isOpen = (page: Page, selector: string) => page.locator(selector).evaluate((details) => (details as HTMLDetailsElement).open)

describe('transcripts with JavaScript', () => {
  test('a step folds and unfolds from its summary; long output starts folded', async () => {
    const page = await site.open(RUNBOOK)
    const step = analyzeStep(page)
    const details = step.locator('details')
    expect(await details.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(false)
    await expect.poll(() => step.locator('.wd-count').textContent()).toBe('268 lines')
    await step.locator('summary').click()
    expect(await details.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(true)
    expect(await page.locator('#wd-analyze-v').isVisible()).toBe(true)
    await step.locator('summary').click()
    expect(await details.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(false)
    await page.context().close()
  })

  test('expand all and collapse all', async () => {
    const page = await site.open(RUNBOOK)
    const figure = page.locator('figure.wd-transcript', { has: page.locator('#wd-analyze-v') })
    await figure.getByRole('button', { name: 'Expand all' }).click()
    expect(await figure.locator('details').evaluateAll((all) => all.map((node) => (node as HTMLDetailsElement).open))).toEqual([true])
    await figure.getByRole('button', { name: 'Collapse all' }).click()
    expect(await figure.locator('details').evaluateAll((all) => all.map((node) => (node as HTMLDetailsElement).open))).toEqual([false])
    await page.context().close()
  })

  test('a link to a step opens it and scrolls to it', async () => {
    const page = await site.open(`${RUNBOOK}#wd-analyze-v`)
    await expect.poll(() => isOpen(page, '.wd-step:has(#wd-analyze-v) details')).toBe(true)
    const box = await page.locator('#wd-analyze-v').boundingBox()
    expect(box && box.y >= 0 && box.y < 900).toBe(true)
    await page.context().close()
  })

  test('a text fragment (what find-in-page also uses) reaches text inside a folded step', async () => {
    const page = await site.open(`${RUNBOOK}#:~:text=FAILURE_BUCKET_ID`)
    await expect.poll(() => isOpen(page, '.wd-step:has(#wd-analyze-v) details')).toBe(true)
    await page.context().close()
  })

  test('a parameter tooltip appears on hover and on keyboard focus, and Escape closes it', async () => {
    const page = await site.open(RUNBOOK)
    const value = page.locator('#wd-di .wd-param', { hasText: 'FFFF' })
    const body = page.locator(`#${await value.getAttribute('aria-describedby')}`)
    expect(await body.isVisible()).toBe(false)
    await value.hover()
    expect(await body.isVisible()).toBe(true)
    expect(await body.textContent()).toContain('-1 as a signed 16-bit value')
    await page.keyboard.press('Escape')
    expect(await body.isVisible()).toBe(false)
    await page.mouse.move(0, 0)
    // Keyboard: Tab from the code link before it lands on the value.
    await page.locator('#wd-di .wd-code').focus()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await value.evaluate((node) => node === document.activeElement)).toBe(true)
    expect(await body.isVisible()).toBe(true)
    await page.keyboard.press('Escape')
    expect(await body.isVisible()).toBe(false)
    await page.context().close()
  })

  test('the bugcheck code in the output links to its catalog page', async () => {
    const page = await site.open(RUNBOOK)
    await page.locator('#wd-di a.wd-code').click()
    await page.waitForURL(/\/bugchecks\/0x20\/$/)
    expect(await page.locator('h1').textContent()).toContain('KERNEL_APC_PENDING_DURING_EXIT')
    await page.context().close()
  })

  test('the command toggletip opens on click, holds the docs link, and closes on Escape', async () => {
    const page = await site.open(RUNBOOK)
    const help = analyzeStep(page).locator('.wd-help')
    const popover = page.locator(`#${await help.getAttribute('popovertarget')}`)
    await help.click()
    expect(await popover.isVisible()).toBe(true)
    expect(await popover.locator('a').getAttribute('href')).toMatch(/^https:\/\/learn\.microsoft\.com\//)
    await page.keyboard.press('Escape')
    expect(await popover.isVisible()).toBe(false)
    await page.context().close()
  })

  test('copy puts the bare command on the clipboard', async () => {
    const page = await site.open(RUNBOOK)
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url })
    await analyzeStep(page).getByRole('button', { name: 'Copy' }).click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('!analyze -v')
    await page.context().close()
  })

  test('printing shows every step unfolded and the parameter meanings', async () => {
    const page = await site.open(RUNBOOK)
    await page.emulateMedia({ media: 'print' })
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')))
    expect(await page.locator('#wd-analyze-v').isVisible()).toBe(true)
    const meaning = page.locator('#wd-analyze-v .wd-param', { hasText: '000000000000ffff' }).locator('xpath=following-sibling::*[1]')
    expect(await meaning.isVisible()).toBe(true)
    await page.context().close()
  })

  test('the runbook page has no axe-core violations', async () => {
    const page = await site.open(RUNBOOK)
    expect(await axeViolations(page)).toEqual([])
    await page.context().close()
  })
})

describe('transcripts without JavaScript', () => {
  test('steps fold, tooltips show on hover, script-only controls stay hidden', async () => {
    const page = await site.open(RUNBOOK, { javaScriptEnabled: false })
    const step = analyzeStep(page)
    await step.locator('summary').click()
    expect(await step.locator('details').evaluate((node) => (node as HTMLDetailsElement).open)).toBe(true)
    const value = page.locator('#wd-di .wd-param', { hasText: 'FFFF' })
    await value.hover()
    expect(await page.locator(`#${await value.getAttribute('aria-describedby')}`).isVisible()).toBe(true)
    expect(await step.getByRole('button', { name: 'Copy' }).isVisible()).toBe(false)
    expect(await page.getByRole('button', { name: 'Expand all' }).first().isVisible()).toBe(false)
    await page.context().close()
  })

  test('the command toggletip works without script (declarative popover)', async () => {
    const page = await site.open(RUNBOOK, { javaScriptEnabled: false })
    const help = analyzeStep(page).locator('.wd-help')
    await help.click()
    expect(await page.locator(`#${await help.getAttribute('popovertarget')}`).isVisible()).toBe(true)
    await page.context().close()
  })
})
