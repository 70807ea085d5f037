// The triage result as DOM. Everything that comes from the paste goes in as text nodes
// (`append(string)`, `textContent`), never as markup.
import {
  clueDescriptions,
  formatDescriptions,
  knowledgeOf,
  readParameters,
  subtypesOf,
  type DifferingValue,
  type FailureDetails,
  type TriagedBugcheck,
  type TriageResult,
} from 'bugcheck-reference/triage'
import { proseNodes } from '../prose.ts'
import type { TriageReference } from './data.ts'
import { shareHash } from './share.ts'

export interface RenderContext {
  /** The reference, once loaded; undefined until then or where it could not be loaded. */
  data: TriageReference | undefined
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
  return (code) => context.data?.index.get(code)?.name
}

function titleOf(bugcheck: TriagedBugcheck, context: RenderContext): string {
  const name = context.data?.index.get(bugcheck.code)?.name
  return name ? `${bugcheck.hex} ${name}` : bugcheck.hex
}

function knowledge(bugcheck: TriagedBugcheck, context: RenderContext) {
  return knowledgeOf(context.data?.index, bugcheck.code, context.data?.runbooks)
}

function parameterTable(bugcheck: TriagedBugcheck, context: RenderContext, docs: Parameters<typeof readParameters>[1]): HTMLElement {
  const rows = readParameters(bugcheck, docs, codeName(context)).map(({ index, reading }) => {
    if (!reading) {
      return h('tr', {}, h('th', { scope: 'row' }, String(index)), h('td', {}, '—'), h('td', { class: 'missing' }, 'Not in the pasted output'), h('td', {}, '—'))
    }
    const meaning = h('td', {})
    if (reading.name) meaning.append(h('strong', {}, reading.name), reading.description ? ': ' : '')
    if (reading.description) meaning.append(...proseNodes(reading.description))
    if (!reading.name && !reading.description) meaning.append(h('span', { class: 'missing' }, 'No description'))
    if (reading.reserved && !reading.description) meaning.append('Reserved')
    if (reading.subtype && reading.index !== 1) meaning.append(h('span', { class: 'line subtype' }, ...proseNodes(reading.subtype)))
    const decoded = h('td', {}, ...(reading.decoded.length > 0 ? reading.decoded.flatMap((phrase, position) => [...(position > 0 ? ['; '] : []), ...proseNodes(phrase)]) : ['—']))
    if (reading.note) decoded.append(h('span', { class: 'line note' }, ...proseNodes(reading.note)))
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
  const known = knowledge(bugcheck, context)
  if (!context.data) return [heading, h('p', {}, 'The list of runbooks could not be loaded; the catalog has it.')]
  if (known.runbooks.length === 0) {
    const text = known.entry
      ? [`No runbook covers ${bugcheck.hex} yet. `, h('a', { href: `/contribute/?code=${bugcheck.hex}` }, `Write the first runbook for ${bugcheck.hex}`), '.']
      : [`${bugcheck.hex} is not in the catalog of documented bugcheck codes: check that the code was pasted whole.`]
    return [heading, h('p', {}, ...text)]
  }
  const base = known.parametersOf
  const ownRunbooks = known.entry && context.data.runbooks(known.entry).length > 0
  const intro = base && !ownRunbooks ? [h('p', {}, `${bugcheck.hex} shares its parameters with ${base.code}; these runbooks are about ${base.code}:`)] : []
  const list = h(
    'ul',
    { class: 'triage-runbooks' },
    ...known.runbooks.map((runbook) => h('li', {}, h('a', { href: runbook.url }, runbook.title), runbook.summary ? h('span', { class: 'line' }, runbook.summary) : undefined)),
  )
  return [heading, ...intro, list]
}

/** Where the meanings come from, said once under the table. */
function sourceNote(bugcheck: TriagedBugcheck, context: RenderContext): HTMLElement {
  const known = knowledge(bugcheck, context)
  const documented = known.docs.parameters.length > 0 || known.docs.subtypes.length > 0
  if (documented && known.entry) {
    const page = known.parametersOf ?? known.entry
    return h('p', { class: 'triage-source' }, 'Meanings from ', h('a', { href: page.url }, `the reference for ${page.code}`), ', written from Microsoft’s bug check documentation.')
  }
  if (bugcheck.descriptions.some(Boolean)) return h('p', { class: 'triage-source' }, 'Meanings as the debugger printed them: Microsoft’s reference does not describe these parameters.')
  if (!context.data) return h('p', { class: 'triage-source' }, 'The reference could not be loaded: values are shown without their meanings.')
  return h('p', { class: 'triage-source' }, known.entry ? 'Microsoft’s reference does not describe these parameters.' : 'This code is not in the reference.')
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
  const known = knowledge(bugcheck, context)
  const headingId = `triage-code-${bugcheck.hex}`
  const title = known.entry ? [h('code', {}, bugcheck.hex), ` ${known.entry.name}`] : [h('code', {}, bugcheck.hex)]
  const heading = h(level === 2 ? 'h2' : 'h3', { id: headingId, tabindex: '-1' }, known.entry ? h('a', { href: known.entry.url }, ...title) : h('span', {}, ...title))
  const cases = subtypesOf(bugcheck, known.docs)
  const subheading = (text: string) => h(level === 2 ? 'h3' : 'h4', {}, text)
  const formats = bugcheck.formats.map((format) => formatDescriptions[format].label)
  const about = options.shared
    ? 'Values from a link: it carries the code and the parameter values only. Paste the debugger output for the module, bucket and stack.'
    : `Read from: ${formats.join(', ')}. Values decoded as a ${bugcheck.arch === 'x86' ? '32' : '64'}-bit target.`
  const failure = detailsList(details)
  return h(
    'section',
    { class: 'triage-bugcheck', 'aria-labelledby': headingId },
    heading,
    known.entry && h('p', { class: 'triage-summary' }, ...proseNodes(known.entry.summary)),
    ...cases.map((subtype) =>
      h('p', { class: 'triage-subtype' }, h('strong', {}, `Case: parameter ${subtype.parameter} = ${bugcheck.parameters[subtype.parameter - 1]}`), ' ', ...proseNodes(subtype.meaning)),
    ),
    h('p', { class: 'triage-meta' }, about),
    ...differingNotes(differing),
    parameterTable(bugcheck, context, known.docs),
    sourceNote(bugcheck, context),
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
