import type { Element, ElementContent } from 'hast'
import { el } from './element.ts'
import type { CommandReference } from '../data/commands.ts'
import {
  describeParameter,
  findParameterMarks,
  groupFindings,
  guessArchitecture,
  mergeDocs,
  EMPTY_DOCS,
  type BugcheckFinding,
  type ParameterDocs,
  type ParameterIndex,
  type ParameterMark,
  type ParameterReading,
  type ReferenceIndex,
} from 'bugcheck-reference'
import type { TranscriptAnnotations } from '../parse/meta.ts'
import { parseTranscriptLines, splitLines, type TranscriptStep } from '../parse/transcript.ts'
import type { Token, WindbgHighlighter } from './highlight.ts'
import { rawPieces, toHtml, tokenHtml } from './html.ts'
import { append, renderLine, sliceTokens, visibleText, type LineRange } from './line.ts'
import { codeTip, commandHelp, parameterTip } from './tooltip.ts'

/** Everything a transcript's rendering depends on besides its text. */
export interface RenderContext {
  highlight: WindbgHighlighter
  /** Prefix for the ids of this transcript's tooltips, unique in the page (`wd1`). */
  idPrefix: string
  /** Gives each step an id, unique in the page and derived from its command. */
  stepId: (command: string) => string
  /** Output longer than this many lines starts folded. */
  foldAbove: number
  /** Extra classes on the outer element. */
  className?: readonly string[]
  annotations: TranscriptAnnotations
  /** The article's documentation of its bugcheck's parameters. */
  docs: ParameterDocs
  /** The article's bugcheck code: its parameter docs apply to findings of this code only. */
  articleCode?: number
  /** The bugcheck reference: documentation of every code. */
  reference?: ReferenceIndex
  bugcheckName?: (code: number) => string | undefined
  bugcheckHref?: (code: number) => string | undefined
  lookupCommand?: (command: string) => CommandReference | undefined
  /**
   * Output lines as one `raw` node of HTML per block instead of an element per token: much less to
   * build and serialise, for pipelines that pass raw HTML through (`allowDangerousHtml`).
   */
  raw?: boolean
}

const RE_NOTE_LINE = /^\s*\$\$\s?(.*)$/
const RE_CUT_LINE = /^\s*(?:\.{3,}|<<<.*>>>|\[\.\.\.\])\s*$/

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** Per-transcript state: tooltip numbering and the readings of the parameter marks. */
class TranscriptRenderer {
  private tipCount = 0
  private readonly lineTokens: Token[][]
  private readonly rangesByLine = new Map<number, LineRange[]>()
  private readonly docsByCode = new Map<number, ParameterDocs>()
  private readonly htmlByLine = new Map<string, string>()
  private readonly context: RenderContext
  private readonly lines: string[]

  constructor(context: RenderContext, lines: string[]) {
    this.context = context
    this.lines = lines
    const tokens = context.highlight(lines)
    // A highlighter (they can be passed in) that returns another number of lines must not shift
    // text between lines.
    this.lineTokens = tokens.length === lines.length ? tokens : lines.map((line) => (line ? [{ content: line }] : []))
    this.collectParameterRanges()
    this.collectMarkedPhrases()
  }

  private nextTipId(): string {
    this.tipCount += 1
    return `${this.context.idPrefix}-tip${this.tipCount}`
  }

  private addRange(line: number, range: LineRange): void {
    const ranges = this.rangesByLine.get(line) ?? []
    // Keep ranges sorted and disjoint: the first claim on a column wins.
    if (ranges.some((other) => range.start < other.end && other.start < range.end)) return
    ranges.push(range)
    ranges.sort((a, b) => a.start - b.start)
    this.rangesByLine.set(line, ranges)
  }

  private collectParameterRanges(): void {
    const marks = findParameterMarks(this.lines)
    const findingOf = new Map<ParameterMark, BugcheckFinding>()
    for (const finding of groupFindings(marks)) for (const found of finding.marks) findingOf.set(found, finding)
    for (const found of marks) {
      const finding = findingOf.get(found)
      if (!finding) continue
      if (found.index === 0) {
        const { code } = finding
        const name = this.context.bugcheckName?.(code)
        const href = this.context.bugcheckHref?.(code)
        const summary = this.context.reference?.get(code)?.summary
        this.addRange(found.line, {
          start: found.start,
          end: found.end,
          kind: 'code',
          wrap: (children) => codeTip(children, { code, name, summary, href }, this.nextTipId()),
        })
        continue
      }
      const reading = this.readParameter(found, finding)
      this.addRange(found.line, {
        start: found.start,
        end: found.end,
        kind: 'parameter',
        wrap: (children) => parameterTip(children, reading, this.nextTipId()),
      })
    }
  }

  /** The reference's documentation of a code, with the article's on top for the article's own code. */
  private docsOf(code: number): ParameterDocs {
    let docs = this.docsByCode.get(code)
    if (!docs) {
      const reference = this.context.reference?.docs(code) ?? EMPTY_DOCS
      docs = code === this.context.articleCode ? mergeDocs(reference, this.context.docs) : reference
      this.docsByCode.set(code, docs)
    }
    return docs
  }

  private readParameter(found: ParameterMark, finding: BugcheckFinding): ParameterReading {
    return describeParameter({
      index: found.index as ParameterIndex,
      text: found.text,
      parameters: finding.parameters,
      docs: this.docsOf(finding.code),
      printedDescription: found.description ?? (finding.descriptions[found.index - 1] || undefined),
      arch: guessArchitecture(finding.widths),
      bugcheckName: this.context.bugcheckName,
    })
  }

  private collectMarkedPhrases(): void {
    const phrases = this.context.annotations.mark.filter((phrase) => phrase.length > 0)
    if (phrases.length === 0) return
    this.lines.forEach((line, index) => {
      for (const phrase of phrases) {
        let from = line.indexOf(phrase)
        while (from >= 0) {
          this.addRange(index, {
            start: from,
            end: from + phrase.length,
            kind: 'mark',
            wrap: (children) => el('mark.wd-mark', children),
          })
          from = line.indexOf(phrase, from + phrase.length)
        }
      }
    })
  }

  private isMarkedLine(index: number): boolean {
    return this.context.annotations.lines.includes(index + 1)
  }

  /** One output line as HTML: the same markup {@link renderLine} makes, written as a string. */
  private lineHtml(index: number): string {
    const line = this.lines[index] as string
    const ranges = this.rangesByLine.get(index)
    const tokens = this.lineTokens[index] ?? []
    let html: string
    if (!ranges) {
      // Transcripts repeat lines (blank lines, `Value: 0`, stack frames): each is written once.
      let cached = this.htmlByLine.get(line)
      if (cached === undefined) {
        const parts: string[] = []
        for (const token of tokens) parts.push(tokenHtml(visibleText(token.content), token.className))
        cached = parts.join('')
        this.htmlByLine.set(line, cached)
      }
      html = cached
    } else {
      html = ''
      for (const node of renderLine(tokens, ranges)) html += toHtml(node)
    }
    if (RE_CUT_LINE.test(line)) html = `<span class="wd-cut">${html}</span>`
    if (this.isMarkedLine(index)) html = `<span class="wd-hl">${html}</span>`
    return html
  }

  /** Output lines as `<pre>` runs, with `$$` author notes between them as callouts. */
  renderBlock(firstLine: number, count: number): ElementContent[] {
    if (this.context.raw) return this.renderBlockHtml(firstLine, count)
    const blocks: ElementContent[] = []
    let run: ElementContent[] = []
    const flush = () => {
      // Focusable, so that keyboard users can scroll output wider than the page.
      if (run.length > 0) blocks.push(el('pre.wd-pre', { tabIndex: 0 }, run))
      run = []
    }
    for (let index = firstLine; index < firstLine + count; index++) {
      const line = this.lines[index] as string
      const note = RE_NOTE_LINE.exec(line)
      if (note) {
        flush()
        blocks.push(el('p.wd-note', { role: 'note' }, visibleText(note[1] ?? '')))
        continue
      }
      let nodes = renderLine(this.lineTokens[index] ?? [], this.rangesByLine.get(index))
      if (RE_CUT_LINE.test(line)) nodes = [el('span.wd-cut', nodes)]
      if (this.isMarkedLine(index)) nodes = [el('span.wd-hl', nodes)]
      for (const node of nodes) append(run, node)
      append(run, { type: 'text', value: '\n' })
    }
    flush()
    return blocks
  }

  /** {@link renderBlock} with each `<pre>` run's content as one `raw` node. */
  private renderBlockHtml(firstLine: number, count: number): ElementContent[] {
    const blocks: ElementContent[] = []
    // Lines and their newlines as pieces: they are joined once, with the whole page.
    let run: string[] = []
    const flush = () => {
      if (run.length > 0) blocks.push(el('pre.wd-pre', { tabIndex: 0 }, [rawPieces(run) as unknown as ElementContent]))
      run = []
    }
    for (let index = firstLine; index < firstLine + count; index++) {
      const note = RE_NOTE_LINE.exec(this.lines[index] as string)
      if (note) {
        flush()
        blocks.push(el('p.wd-note', { role: 'note' }, visibleText(note[1] ?? '')))
        continue
      }
      run.push(this.lineHtml(index), '\n')
    }
    flush()
    return blocks
  }

  private hasAnnotationIn(firstLine: number, count: number): boolean {
    const { lines: marked } = this.context.annotations
    for (let index = firstLine; index < firstLine + count; index++) {
      if (marked.includes(index + 1)) return true
      if (this.rangesByLine.get(index)?.some((range) => range.kind === 'mark')) return true
    }
    return false
  }

  private isOpen(step: TranscriptStep, position: number): boolean {
    const { open, closed } = this.context.annotations
    if (open === 'all' || open.includes(position)) return true
    if (closed === 'all' || closed.includes(position)) return false
    return step.output.length <= this.context.foldAbove || this.hasAnnotationIn(step.line + 1, step.output.length)
  }

  private renderHead(step: TranscriptStep, outputLines: number): ElementContent[] {
    const promptLine = this.lines[step.line] as string
    const commandStart = promptLine.indexOf(step.command, promptLine.indexOf(step.prompt) + step.prompt.length)
    // The command keeps the highlighting of its prompt line: its tokens are cut out of that line.
    const command = step.command
      ? el('code.wd-cmd', renderLine(sliceTokens(this.lineTokens[step.line] ?? [], commandStart, commandStart + step.command.length)))
      : el('code.wd-cmd.wd-cmd--bare', { ariaLabel: 'no command' })
    const space: ElementContent = { type: 'text', value: ' ' }
    const head: ElementContent[] = [el('span.wd-prompt', visibleText(step.prompt)), space, command]
    // Heading marks or a prompt pasted twice stay visible, set apart from the step's own prompt.
    if (step.lead) head.unshift(el('span.wd-lead', { title: 'Pasted before the prompt' }, visibleText(step.lead)))
    if (step.note !== undefined) head.push({ ...space }, el('span.wd-aside', visibleText(step.note)))
    if (outputLines > 0) head.push(el('span.wd-count', { dataPagefindIgnore: '' }, plural(outputLines, 'line')))
    return head
  }

  private renderActions(step: TranscriptStep, id: string, position: number): Element {
    const actions: ElementContent[] = [
      el('a.wd-anchor', { href: `#${id}`, ariaLabel: `Link to step ${position}` }, el('span', { ariaHidden: 'true' }, '#')),
    ]
    const reference = step.command ? this.context.lookupCommand?.(step.command) : undefined
    if (reference) actions.push(...commandHelp(reference, `${this.context.idPrefix}-help${position}`))
    if (step.command) {
      actions.push(el('button.wd-copy', { type: 'button', hidden: true, dataCopy: step.command }, 'Copy'))
    }
    return el('div.wd-actions', { dataPagefindIgnore: '' }, actions)
  }

  /**
   * What came before the first command: the debugger's banner, a break-in message, output pasted
   * without its command. Before steps it folds like one (folded when long), under a summary that
   * says what it is; alone, it is the transcript's output.
   */
  renderPreamble(lineCount: number, beforeSteps: boolean): Element {
    const output = el('div.wd-output.wd-preamble', this.renderBlock(0, lineCount))
    if (!beforeSteps) return output
    const shown = this.lines.slice(0, lineCount).filter((line) => line.trim() !== '').length
    const open = lineCount <= this.context.foldAbove || this.hasAnnotationIn(0, lineCount)
    return el('div.wd-step.wd-step--preamble', [
      el('details.wd-details', { open }, [
        el('summary.wd-head', [el('span.wd-label', 'Before the first command'), el('span.wd-count', { dataPagefindIgnore: '' }, plural(shown, 'line'))]),
        output,
      ]),
    ])
  }

  renderStep(step: TranscriptStep, position: number): Element {
    const id = this.context.stepId(step.command)
    const outputLines = step.output.length
    const head = this.renderHead(step, outputLines)
    const actions = this.renderActions(step, id, position)
    if (outputLines === 0) {
      return el('div.wd-step.wd-step--empty', [el('div.wd-head', { id }, head), actions])
    }
    const details = el('details.wd-details', { open: this.isOpen(step, position) }, [
      el('summary.wd-head', head),
      el('div.wd-output', { id }, this.renderBlock(step.line + 1, outputLines)),
    ])
    return el('div.wd-step', [details, actions])
  }
}

/**
 * Renders a transcript: a header with the step count and expand/collapse controls, the preamble,
 * then one foldable step per command.
 */
export function renderTranscript(text: string, context: RenderContext): Element {
  const lines = splitLines(text)
  const transcript = parseTranscriptLines(lines)
  const renderer = new TranscriptRenderer(context, lines)
  const { title } = context.annotations
  const steps = transcript.steps.filter((step) => !step.command.startsWith('$$'))
  const header = el('div.wd-header', [
    el('span.wd-title', title ? visibleText(title) : 'WinDbg'),
    el('span.wd-meta', { dataPagefindIgnore: '' }, steps.length > 0 ? plural(steps.length, 'command') : 'output'),
  ])
  if (steps.some((step) => step.output.length > 0)) {
    header.children.push(
      el('span.wd-controls', { dataPagefindIgnore: '', hidden: true }, [
        el('button.wd-expand', { type: 'button' }, 'Expand all'),
        el('button.wd-collapse', { type: 'button' }, 'Collapse all'),
      ]),
    )
  }
  const body: ElementContent[] = [header]
  if (transcript.preamble.length > 0) body.push(renderer.renderPreamble(transcript.preamble.length, steps.length > 0))
  let position = 0
  for (const step of transcript.steps) {
    if (step.command.startsWith('$$')) {
      // `kd> $$ note`: the author talking, not the debugger.
      body.push(el('p.wd-note', { role: 'note' }, visibleText(step.command.replace(/^\$\$\s?/, ''))))
      if (step.output.length > 0) body.push(el('div.wd-output', renderer.renderBlock(step.line + 1, step.output.length)))
      continue
    }
    position += 1
    body.push(renderer.renderStep(step, position))
  }
  const figure = el('figure.wd-transcript', { className: [...(context.className ?? [])], dataWindbg: '' }, body)
  if (title) figure.properties['ariaLabel'] = title
  return figure
}

