import type { Element, ElementContent } from 'hast'
import { el } from './element.ts'
import type { CommandReference } from '../data/commands.ts'
import { proseSpans, type ParameterReading } from 'bugcheck-reference'

/**
 * Tooltips are plain markup: the body follows its trigger inside one wrapper, and the stylesheet
 * shows it while the wrapper is hovered or holds focus. So they work without JavaScript, the
 * pointer can move onto the body without it vanishing (WCAG 1.4.13), and the script only adds
 * Escape to dismiss. Bodies are kept out of the search index.
 */
function tooltip(trigger: Element, id: string, body: ElementContent[]): Element {
  trigger.properties['ariaDescribedBy'] = [id]
  return el('span.wd-tip', [
    trigger,
    el('span.wd-tip-body', { id, role: 'tooltip', dataPagefindIgnore: '' }, body),
  ])
}

/** A sentence of the reference, its `backticks` as code, as the reference pages show it. */
function prose(text: string): ElementContent[] {
  return proseSpans(text).map((span) => (span.code ? el('code', span.text) : { type: 'text', value: span.text }))
}

function readingBody(reading: ParameterReading): ElementContent[] {
  const body: ElementContent[] = [
    el('strong', reading.name ? `${reading.label} · ${reading.name}` : reading.label),
  ]
  // The reference's own description of a reserved parameter says so; others need saying.
  if (reading.reserved && reading.decoded.length === 0 && !reading.description) body.push(el('span.wd-tip-line', 'Reserved in Microsoft’s reference.'))
  if (reading.subtype) body.push(el('span.wd-tip-line', prose(reading.subtype)))
  if (reading.description) body.push(el('span.wd-tip-line', prose(reading.description)))
  if (reading.decoded.length === 0) body.push(el('span.wd-tip-line.wd-tip-value', reading.value))
  for (const decoded of reading.decoded) body.push(el('span.wd-tip-line.wd-tip-value', [{ type: 'text', value: `${reading.value}: ` }, ...prose(decoded)]))
  if (reading.note) body.push(el('span.wd-tip-line.wd-tip-note', prose(reading.note)))
  return body
}

/** A bugcheck parameter value with a tooltip saying which parameter it is and what it decodes to. */
export function parameterTip(children: ElementContent[], reading: ParameterReading, id: string): Element {
  return tooltip(el('button.wd-param', { type: 'button' }, children), id, readingBody(reading))
}

/** What the code's tooltip says: the code, its name and summary, and where its page is. */
export interface CodeTipContent {
  code: number
  name?: string | undefined
  summary?: string | undefined
  href?: string | undefined
}

/** The bugcheck code: a link to its catalog page where there is one, with its name and summary as tooltip. */
export function codeTip(children: ElementContent[], content: CodeTipContent, id: string): Element {
  const { code, name, summary, href } = content
  const hex = `0x${code.toString(16).toUpperCase()}`
  const trigger = href ? el('a.wd-code', { href }, children) : el('button.wd-code', { type: 'button' }, children)
  const body: ElementContent[] = [el('strong', name ? `${hex} ${name}` : `Bugcheck code ${hex}`)]
  if (summary) body.push(el('span.wd-tip-line', prose(summary)))
  if (href) body.push(el('span.wd-tip-line.wd-tip-note', 'Opens its page in the catalog.'))
  return tooltip(trigger, id, body)
}

/**
 * The command's reference, as a toggletip: it holds a link, so it opens on click (a button with a
 * popover, which the browser dismisses on Escape or a click elsewhere) instead of on hover.
 */
export function commandHelp(reference: CommandReference, id: string): Element[] {
  return [
    el(
      'button.wd-help',
      { type: 'button', popoverTarget: id, ariaLabel: `About ${reference.name}` },
      el('span', { ariaHidden: 'true' }, '?'),
    ),
    el('div.wd-pop', { id, popover: 'auto', dataPagefindIgnore: '' }, [
      el('p', [el('code', reference.name), ` ${reference.summary}`]),
      el('a', { href: reference.docs, rel: ['noopener'] }, `${reference.name} documentation`),
    ]),
  ]
}
