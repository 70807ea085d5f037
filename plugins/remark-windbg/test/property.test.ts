// Property tests: the renderer never throws, never drops text, and never lets input become markup.
// Inputs are random strings and mutations of the real fixture transcripts.
import fc from 'fast-check'
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { toHtml } from 'hast-util-to-html'
import { toString } from 'hast-util-to-string'
import { describe, test } from 'vitest'
import { lookupCommand } from '../src/data/commands.ts'
import { parseMeta } from '../src/parse/meta.ts'
import { splitLines } from '../src/parse/transcript.ts'
import { sharedWindbgHighlighter } from '../src/render/highlight.ts'
import { visibleText } from '../src/render/line.ts'
import { renderTranscript, type RenderContext } from '../src/render/transcript.ts'
import { realFences, sessionFences } from './helpers.ts'

const highlight = sharedWindbgHighlighter()
const REAL = [...realFences(), ...sessionFences()].map((fence) => fence.value)
const REAL_LINES = REAL.flatMap((value) => splitLines(value))

function context(meta = ''): RenderContext {
  let n = 0
  return {
    highlight,
    idPrefix: 'wd1',
    stepId: () => `wd-step-${++n}`,
    foldAbove: 20,
    annotations: parseMeta(meta),
    docs: { parameters: [], subtypes: [] },
    articleCode: 0x20,
    bugcheckName: (code) => (code === 0x20 ? 'KERNEL_APC_PENDING_DURING_EXIT' : undefined),
    bugcheckHref: (code) => `/bugchecks/0x${code.toString(16)}/`,
    lookupCommand,
  }
}

/** What a reader sees of the transcript's own text: no tooltip bodies, popovers or UI labels. */
function sourceText(figure: Element): string {
  const copy = structuredClone(figure)
  for (const node of selectAll('.wd-tip-body, .wd-pop, .wd-actions, .wd-count, .wd-header', copy)) node.children = []
  return toString(copy)
}

function countChars(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const char of text) if (!/\s/.test(char)) counts.set(char, (counts.get(char) ?? 0) + 1)
  return counts
}

/** Characters each input line must contribute to the page: after `$$`, only the note survives. */
function expectedText(text: string): string {
  return splitLines(text)
    .map((line) => {
      const comment = line.indexOf('$$')
      return visibleText(comment >= 0 ? line.slice(comment + 2) : line)
    })
    .join('\n')
}

const ALLOWED_TAGS = new Set(['figure', 'div', 'span', 'details', 'summary', 'pre', 'code', 'button', 'a', 'strong', 'p', 'mark'])

function checkRendering(text: string, meta = ''): void {
  checkFigure(text, renderTranscript(text, context(meta)), false)
  // The raw-HTML form: written as strings, then read back by an HTML parser, as a browser would.
  const raw = renderTranscript(text, { ...context(meta), raw: true })
  checkFigure(text, fromHtml(toHtml(raw, { allowDangerousHtml: true }), { fragment: true }).children[0] as Element, true)
}

function checkFigure(text: string, figure: Element, fromRaw: boolean): void {
  // Nothing dropped: every visible character of the input is still in the page text.
  const shown = countChars(sourceText(figure))
  for (const [char, count] of countChars(expectedText(text))) {
    if ((shown.get(char) ?? 0) < count) throw new Error(`character ${JSON.stringify(char)} shown ${shown.get(char) ?? 0} times, expected ${count}`)
  }
  // Nothing injected: serialised and parsed again, only our own elements, no event handlers.
  const reparsed = fromHtml(toHtml(figure), { fragment: true }) as Root
  for (const element of selectAll('*', reparsed)) {
    if (!ALLOWED_TAGS.has(element.tagName)) throw new Error(`unexpected <${element.tagName}> in ${fromRaw ? 'raw ' : ''}output`)
    const handler = Object.keys(element.properties).find((name) => /^on/i.test(name))
    if (handler) throw new Error(`unexpected ${handler} attribute`)
    const href = element.properties['href']
    if (typeof href === 'string' && !/^(#|\/|https:\/\/)/.test(href)) throw new Error(`unexpected link ${href}`)
  }
}

const PROMPTS = ['0: kd> ', 'kd> ', 'kd>', 'lkd> ', '0:000> ', '0:000:x86> ', '3:2:005> ', '||1:1:017> ', ' 0: kd> ', '0:kd> ']
const NASTY = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' onmouseover='x", '&amp;&lt;', '$$', '$$ note', '\u0000', '\u001b[31m', '\u202e', '\ud800', '\ufeff', '`', '\t', 'Arg2: ', 'BugCheck 20, {', 'Bugcheck: 20 (', 'BUGCHECK_P1: ', 'Key  : Bugcheck.Code.LegacyAPI', 'Value: 0x20']

const line = fc.oneof(
  fc.constantFrom(...REAL_LINES),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.tuple(fc.constantFrom(...PROMPTS), fc.string({ maxLength: 40 })).map(([prompt, rest]) => prompt + rest),
  fc.array(fc.constantFrom(...NASTY, ...REAL_LINES.slice(0, 200)), { maxLength: 4 }).map((parts) => parts.join('')),
)
const separator = fc.constantFrom('\n', '\r\n', '\r')
const randomTranscript = fc
  .tuple(fc.array(line, { maxLength: 30 }), separator)
  .map(([lines, eol]) => lines.join(eol))

const mutatedTranscript = fc
  .tuple(
    fc.constantFrom(...REAL),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('delete', 'duplicate', 'insert', 'cut', 'upper'), line), { maxLength: 6 }),
  )
  .map(([text, edits]) => {
    const lines = splitLines(text)
    for (const [at, kind, extra] of edits) {
      const index = lines.length === 0 ? 0 : at % lines.length
      const target = lines[index] ?? ''
      if (kind === 'delete') lines.splice(index, 1)
      else if (kind === 'duplicate') lines.splice(index, 0, target)
      else if (kind === 'insert') lines.splice(index, 0, extra)
      else if (kind === 'cut') lines[index] = target.slice(0, at % (target.length + 1))
      else lines[index] = target.toUpperCase()
    }
    return lines.join('\n')
  })

describe('renderTranscript on any input', () => {
  test('random transcripts: never throws, drops no text, injects no markup', () => {
    fc.assert(fc.property(randomTranscript, (text) => checkRendering(text)), { numRuns: 6000 })
  })

  test('mutated real transcripts: the same', () => {
    fc.assert(fc.property(mutatedTranscript, (text) => checkRendering(text)), { numRuns: 4000 })
  })

  test('random fence meta: never throws, the title stays text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom(...REAL), (junk, text) =>
        checkRendering(text, `title="${junk.replace(/"/g, '')}" open="${junk}" lines=${junk} mark="${junk.replace(/"/g, '')}" fold=3`),
      ),
      { numRuns: 500 },
    )
  })
})
