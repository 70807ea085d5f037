// The triage result as DOM. Everything that comes from the paste goes in as text nodes
// (`append(string)`, `textContent`), never as markup.
import { normaliseHex } from 'remark-windbg/parser'
import {
  clueDescriptions,
  formatDescriptions,
  knowledgeOf,
  readParameters,
  type DifferingValue,
  type FailureDetails,
  type TriageData,
  type TriagedBugcheck,
  type TriageResult,
} from '../../lib/triage.ts'
import { shareHash } from './share.ts'

export interface RenderContext {
  data: TriageData | undefined
  /** The page's own URL without hash, the base of share links. */
  pageUrl: string
  /** Puts a short message in the page's live region. */
  announce(message: string): void
}

type Child = Node | string | undefined | false

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
  for (const child of children) if (child !== undefined && child !== false) element.append(child)
  return element
}

function codeName(context: RenderContext): (code: number) => string | undefined {
  return (code) => context.data?.names[normaliseHex(code.toString(16))]
}

function titleOf(bugcheck: TriagedBugcheck, context: RenderContext): string {
  const name = context.data?.names[bugcheck.hex]
  return name ? `${bugcheck.hex} ${name}` : bugcheck.hex
}

function parameterTable(bugcheck: TriagedBugcheck, context: RenderContext, docs: Parameters<typeof readParameters>[1]): HTMLElement {
  const rows = readParameters(bugcheck, docs, codeName(context)).map(({ index, reading }) => {
    if (!reading) {
      return h('tr', {}, h('th', { scope: 'row' }, String(index)), h('td', {}, '—'), h('td', { class: 'missing' }, 'Not in the pasted output'), h('td', {}, '—'))
    }
    const meaning = h('td', {})
    if (reading.name) meaning.append(h('strong', {}, reading.name), reading.description ? ': ' : '')
    if (reading.description) meaning.append(reading.description)
    if (!reading.name && !reading.description) meaning.append(h('span', { class: 'missing' }, 'No description'))
    if (reading.subtype) meaning.append(h('span', { class: 'line subtype' }, reading.subtype))
    const decoded = h('td', {}, reading.decoded.length > 0 ? reading.decoded.join('; ') : '—')
    if (reading.note) decoded.append(h('span', { class: 'line note' }, reading.note))
    return h('tr', { 'data-parameter': String(index) }, h('th', { scope: 'row' }, String(index)), h('td', {}, h('code', {}, reading.value)), meaning, decoded)
  })
  return h(
    'table',
    { class: 'triage-parameters' },
    h('caption', {}, 'Parameters'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, 'Value'), h('th', { scope: 'col' }, 'Meaning'), h('th', { scope: 'col' }, 'Decoded'))),
    h('tbody', {}, ...rows),
  )
}

function detailsList(details: FailureDetails): HTMLElement | undefined {
  const entries: [string, string | undefined][] = [
    ['Module', details.module],
    ['Image', details.image],
    ['Failure bucket', details.bucket],
    ['Process', details.process],
    [details.symbolSource === 'STACK_TEXT' ? 'Top of stack (first frame after KeBugCheckEx)' : 'Symbol at the top of the stack', details.symbol],
    ['Probably caused by', details.probablyCausedBy],
  ]
  const shown = entries.filter((entry): entry is [string, string] => entry[1] !== undefined)
  if (shown.length === 0) return undefined
  return h('dl', { class: 'triage-details' }, ...shown.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, h('code', {}, value))]))
}

function shareBox(bugcheck: TriagedBugcheck, context: RenderContext): HTMLElement | undefined {
  const hash = shareHash(bugcheck)
  if (!hash) return undefined
  const id = `triage-share-${bugcheck.hex}`
  const field = h('input', { id, type: 'text', readonly: '', value: context.pageUrl + hash, spellcheck: 'false' })
  const copy = h('button', { type: 'button' }, 'Copy link')
  copy.addEventListener('click', () => {
    field.select()
    const selected = () => context.announce('The link is selected: copy it with Ctrl+C.')
    // The clipboard API exists only on secure origins (https, localhost).
    if (!navigator.clipboard) return selected()
    navigator.clipboard.writeText(field.value).then(() => context.announce('Link copied.'), selected)
  })
  return h(
    'div',
    { class: 'triage-share' },
    h('label', { for: id }, 'Link to this result (it holds the code and the four values, none of the pasted text)'),
    h('div', { class: 'row' }, field, copy),
  )
}

function differingNotes(differing: readonly DifferingValue[]): HTMLElement[] {
  return differing.map((entry) =>
    h(
      'p',
      { class: 'triage-note' },
      `Parameter ${entry.index} is printed with different values (${entry.values.join(', ')}): the table shows the first. Paste the output of one dump to be sure.`,
    ),
  )
}

function runbookSection(bugcheck: TriagedBugcheck, context: RenderContext, heading: HTMLElement): HTMLElement[] {
  const knowledge = knowledgeOf(context.data, bugcheck.hex)
  if (!context.data) return [heading, h('p', {}, 'The list of runbooks could not be loaded; the catalog has it.')]
  if (knowledge.runbooks.length === 0) {
    const text = knowledge.name
      ? [`No runbook covers ${bugcheck.hex} yet. `, h('a', { href: `/contribute/?code=${bugcheck.hex}` }, `Write the first runbook for ${bugcheck.hex}`), '.']
      : [`${bugcheck.hex} is not in the catalog of documented bugcheck codes: check that the code was pasted whole.`]
    return [heading, h('p', {}, ...text)]
  }
  const intro = knowledge.runbooksOf
    ? [h('p', {}, `${bugcheck.hex} shares its parameters with ${knowledge.runbooksOf}; these runbooks are about ${knowledge.runbooksOf}:`)]
    : []
  const list = h(
    'ul',
    { class: 'triage-runbooks' },
    ...knowledge.runbooks.map((runbook) => h('li', {}, h('a', { href: runbook.url }, runbook.title), h('span', { class: 'line' }, runbook.summary))),
  )
  return [heading, ...intro, list]
}

/** One bugcheck: code and name, parameters, failure details, runbooks, share link. */
export function renderBugcheck(
  bugcheck: TriagedBugcheck,
  details: FailureDetails,
  differing: readonly DifferingValue[],
  context: RenderContext,
  options: { shared?: boolean; level?: 2 | 3 } = {},
): HTMLElement {
  const level = options.level ?? 2
  const knowledge = knowledgeOf(context.data, bugcheck.hex)
  const headingId = `triage-code-${bugcheck.hex}`
  const title = knowledge.name ? [h('code', {}, bugcheck.hex), ` ${knowledge.name}`] : [h('code', {}, bugcheck.hex)]
  const heading = h(level === 2 ? 'h2' : 'h3', { id: headingId, tabindex: '-1' }, knowledge.page ? h('a', { href: knowledge.page }, ...title) : h('span', {}, ...title))
  const subheading = (text: string) => h(level === 2 ? 'h3' : 'h4', {}, text)
  const formats = bugcheck.formats.map((format) => formatDescriptions[format].label)
  const about = options.shared
    ? 'A shared result: the link carries the code and parameter values only. Paste the debugger output for the module, bucket and stack.'
    : `Read from: ${formats.join(', ')}. Values decoded as a ${bugcheck.arch === 'x86' ? '32' : '64'}-bit target.`
  const source = knowledge.docs
    ? h('p', { class: 'triage-source' }, 'Meanings as documented in ', knowledge.docsFrom ? h('a', { href: knowledge.docsFrom.url }, knowledge.docsFrom.title) : 'a runbook', '.')
    : bugcheck.descriptions.some(Boolean)
      ? h('p', { class: 'triage-source' }, 'Meanings as the debugger printed them: no runbook documents these parameters yet.')
      : h('p', { class: 'triage-source' }, knowledge.page ? 'No runbook documents these parameters yet: the code’s page links to Microsoft’s reference.' : 'No runbook documents these parameters.')
  const failure = detailsList(details)
  return h(
    'section',
    { class: 'triage-bugcheck', 'aria-labelledby': headingId },
    heading,
    h('p', { class: 'triage-meta' }, about),
    ...differingNotes(differing),
    parameterTable(bugcheck, context, knowledge.docs),
    source,
    failure && subheading('Failure details'),
    failure,
    ...runbookSection(bugcheck, context, subheading(`Runbooks for ${bugcheck.hex}`)),
    shareBox(bugcheck, context),
  )
}

function noneView(result: Extract<TriageResult, { kind: 'none' }>, lineCount: number): HTMLElement {
  const labels = Object.values(formatDescriptions).map(({ label }) => label)
  return h(
    'section',
    { class: 'triage-none', 'aria-labelledby': 'triage-none-heading' },
    h('h2', { id: 'triage-none-heading', tabindex: '-1' }, 'No bugcheck code found'),
    h('p', {}, `None of the ${lineCount === 1 ? 'pasted line' : `${lineCount} pasted lines`} names a bugcheck code in a format WinDbg prints.`),
    result.clues.length > 0 && h('ul', {}, ...result.clues.map((clue) => h('li', {}, clueDescriptions[clue]))),
    h('p', {}, `Triage looks for any of: ${labels.join('; ')}. `, h('a', { href: '#formats' }, 'Examples of each'), '.'),
  )
}

function ambiguousView(result: Extract<TriageResult, { kind: 'ambiguous' }>, context: RenderContext): HTMLElement {
  const chosen = h('div', { class: 'triage-chosen' })
  const buttons = result.candidates.map((candidate, index) => {
    const values = candidate.bugcheck.parameters.map((value) => value || '?').join(', ')
    const button = h('button', { type: 'button', 'aria-pressed': 'false' }, h('code', {}, titleOf(candidate.bugcheck, context)), ` (${values})`)
    button.addEventListener('click', () => {
      for (const other of buttons) other.setAttribute('aria-pressed', String(other === button))
      const view = renderBugcheck(candidate.bugcheck, candidate.details, candidate.differing, context, { level: 3 })
      chosen.replaceChildren(view)
      context.announce(`Showing candidate ${index + 1}: ${titleOf(candidate.bugcheck, context)}.`)
      view.querySelector<HTMLElement>('h3')?.focus()
    })
    return button
  })
  return h(
    'section',
    { class: 'triage-ambiguous', 'aria-labelledby': 'triage-ambiguous-heading' },
    h('h2', { id: 'triage-ambiguous-heading', tabindex: '-1' }, `${result.candidates.length} different bugcheck codes`),
    h('p', {}, 'The output holds reports of more than one bugcheck, perhaps from several dumps. Choose the one to decode, or paste the output of a single dump:'),
    h('ul', { class: 'triage-candidates' }, ...buttons.map((button) => h('li', {}, button))),
    chosen,
  )
}

/** The view of a result and the one-line summary the live region announces. */
export function renderResult(result: TriageResult, lineCount: number, context: RenderContext): { view: HTMLElement | undefined; summary: string } {
  switch (result.kind) {
    case 'found':
      return {
        view: renderBugcheck(result.bugcheck, result.details, result.differing, context),
        summary: `Found bugcheck ${titleOf(result.bugcheck, context)}.`,
      }
    case 'ambiguous':
      return {
        view: ambiguousView(result, context),
        summary: `Found ${result.candidates.length} different bugcheck codes: ${result.candidates.map((candidate) => candidate.bugcheck.hex).join(', ')}. Choose one.`,
      }
    case 'none':
      return result.empty
        ? { view: undefined, summary: '' }
        : { view: noneView(result, lineCount), summary: 'No bugcheck code found: see below for what triage recognises.' }
  }
}
