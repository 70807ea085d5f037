// A whole pasted session in Chromium: the debugger's banner before the first prompt folds as its
// own part, its BugCheck line explains itself, and the steps follow; and a transcript of a code no
// runbook covers explains its parameters from the reference alone. The page is made by the plugin
// in a plain unified pipeline, as any site would, with its stylesheet and script.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loadReference } from 'bugcheck-reference/load'
import remarkWindbg from 'remark-windbg'
import { fencesOf } from '../../plugins/remark-windbg/test/helpers.ts'
import { launchChromium } from '../../scripts/ensure-chromium.ts'
import { PROJECT_ROOT } from '../lib/temp-project.ts'
import { serveDirectory, type StaticServer } from './server.ts'

const DIR = join(PROJECT_ROOT, 'tests/.output/session-page')

// Synthetic: the start-up banner in the shape the debugger prints it (the example of issue 10),
// then real `!analyze -v` output of a 0x9F dump from Microsoft's docs (test/fixtures/real).
const BANNER = [
  'Microsoft (R) Windows Debugger Version 10.0.22621.2428 AMD64',
  'Copyright (c) Microsoft Corporation. All rights reserved.',
  '',
  'Loading Dump File [C:\\Windows\\MEMORY.DMP]',
  'Kernel Bitmap Dump File: Kernel address space is available, User address space may not be available.',
  '',
  'Symbol search path is: srv*',
  'Executable search path is: ',
  'Windows 10 Kernel Version 19041 MP (8 procs) Free x64',
  'Loading Kernel Symbols',
  '...............................................................',
  'Loading User Symbols',
  '',
  'BugCheck 9F, {3, ffffe000f38c06a0, fffff803c596cad0, ffffe000f46a1010}',
  '',
  'Probably caused by : hidusb.sys',
  '',
  'Followup:     MachineOwner',
  '---------',
  '',
  'Use !analyze -v to get detailed debugging information.',
  '',
].join('\n')

let server: StaticServer
let browser: Browser

beforeAll(async () => {
  const analyze9f = fencesOf('bug-check-0x9f--driver-power-state-failure.md')[0]?.value ?? ''
  const dpc133 = fencesOf('bug-check-0x133-dpc-watchdog-violation.md').find((fence) => fence.value.includes('Arg2: 0000000000000501'))?.value ?? ''
  const markdown = [
    '# Sessions',
    '',
    '```',
    `${BANNER}0: kd> !analyze -v\n${analyze9f.replace(/^kd>!analyze -v\n/, '')}`,
    '```',
    '',
    '```dbgcmd',
    dpc133,
    '```',
    '',
  ].join('\n')
  const reference = loadReference(join(PROJECT_ROOT, 'content/bugchecks'))
  const file = await unified()
    .use(remarkParse)
    .use(remarkWindbg, { reference, bugcheckHref: (code) => `/bugchecks/0x${code.toString(16)}/`, stylesheet: '/transcript.css', script: '/transcript.js' })
    .use(remarkRehype)
    .use(rehypeStringify)
    .process(markdown)
  rmSync(DIR, { recursive: true, force: true })
  mkdirSync(DIR, { recursive: true })
  writeFileSync(join(DIR, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sessions</title></head><body><main>${String(file)}</main></body></html>`)
  writeFileSync(join(DIR, '404.html'), '<!doctype html><title>Not found</title>')
  for (const asset of ['transcript.css', 'transcript.js']) cpSync(join(PROJECT_ROOT, 'plugins/remark-windbg/assets', asset), join(DIR, asset))
  server = await serveDirectory(DIR)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(DIR, { recursive: true, force: true })
})

async function open(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.goto(`${server.url}/`)
  return page
}

describe('a whole pasted session', () => {
  test('the banner is a folded part of its own, and the steps follow it', async () => {
    const page = await open()
    const session = page.locator('figure.wd-transcript').first()
    const preamble = session.locator('.wd-step--preamble')
    expect(await preamble.locator('summary').textContent()).toMatch(/Before the first command\s*\d+ lines/)
    expect(await preamble.locator('details').evaluate((node) => (node as HTMLDetailsElement).open)).toBe(false)
    const steps = session.locator('.wd-step:not(.wd-step--preamble)')
    expect(await steps.count()).toBe(1)
    expect(await steps.first().locator('.wd-prompt').textContent()).toBe('0: kd>')
    expect(await steps.first().locator('.wd-cmd').textContent()).toBe('!analyze -v')
    expect(await session.locator('.wd-meta').textContent()).toBe('1 command')
    await page.close()
  })

  test("the banner's BugCheck line explains the code and each value", async () => {
    const page = await open()
    const preamble = page.locator('figure.wd-transcript').first().locator('.wd-step--preamble')
    await preamble.locator('summary').click()
    const code = preamble.locator('.wd-code', { hasText: '9F' })
    await code.hover()
    const codeTip = code.locator('xpath=following-sibling::*[1]')
    expect(await codeTip.isVisible()).toBe(true)
    expect(await codeTip.textContent()).toContain('0x9F DRIVER_POWER_STATE_FAILURE')
    const first = preamble.locator('.wd-param').first()
    await first.hover()
    const tip = first.locator('xpath=following-sibling::*[1]')
    expect(await tip.isVisible()).toBe(true)
    expect(await tip.textContent()).toMatch(/Arg1 · Violation type.*held a power IRP for too long/)
    const second = preamble.locator('.wd-param', { hasText: 'ffffe000f38c06a0' })
    await second.hover()
    expect(await second.locator('xpath=following-sibling::*[1]').textContent()).toMatch(/Arg2 · Physical device object.*kernel-mode address/)
    await page.close()
  })
})

describe('a code no runbook covers, explained by the reference', () => {
  test('0x133: the tooltip names the parameter, its case and its value in ticks', async () => {
    const page = await open()
    const transcript = page.locator('figure.wd-transcript').nth(1)
    const value = transcript.locator('.wd-param', { hasText: '0000000000000501' }).first()
    await value.hover()
    const tip = value.locator('xpath=following-sibling::*[1]')
    expect(await tip.isVisible()).toBe(true)
    const text = (await tip.textContent()) ?? ''
    expect(text).toContain('Arg2 · DPC time count')
    expect(text).toContain('Parameter 1 = 0x0: Time limit exceeded by a single DPC or ISR')
    expect(text).toContain('0x501: 1281 clock ticks')
    await page.close()
  })
})
