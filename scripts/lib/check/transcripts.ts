import { parseMeta, parseTranscript, splitLines } from 'remark-windbg/parser'
import { canonicalCode } from '../../../src/lib/catalog.ts'
import { describeCode } from '../codes.ts'
import { findBugchecks, firstPromptLine, rendersAsTranscript } from '../fences.ts'
import type { Fence } from '../markdown.ts'
import { articleCode, fieldLine, type Article } from './article.ts'
import type { Finding } from './types.ts'

/** Transcripts: fences the site renders as transcripts say something, and their annotations apply. */
export function checkTranscripts(article: Article): Finding[] {
  const findings: Finding[] = []
  for (const fence of article.fences) {
    if (rendersAsTranscript(fence.lang, fence.value)) findings.push(...checkTranscript(article, fence))
    else findings.push(...checkLookalike(article, fence))
  }
  return findings
}

function checkTranscript(article: Article, fence: Fence): Finding[] {
  const findings: Finding[] = []
  const at = { file: article.path, line: fence.line }
  const transcript = parseTranscript(fence.value)
  if (transcript.steps.length === 0 && findBugchecks(fence.value).length === 0) {
    findings.push({
      ...at,
      severity: 'warning',
      kind: 'transcript',
      message: `fence tagged \`${fence.lang ?? ''}\` has no debugger prompt (such as \`0: kd>\`) and no bugcheck line: it renders as output only`,
      fix: 'paste the command with its prompt (`0: kd> !analyze -v`), or tag the fence with the language it holds',
    })
  }
  const meta = parseMeta(fence.meta)
  const warn = (message: string, fix: string) => findings.push({ ...at, severity: 'warning', kind: 'fence-meta', message, fix })
  for (const unknown of meta.unknown) {
    warn(`\`${unknown}\` in the fence's annotations is not understood`, 'use title="…", open="1,3", closed="2", mark="text", lines="4-6" or fold=40 (see CONTRIBUTING.md)')
  }
  // Steps are numbered as the plugin numbers them: `$$` comment lines are notes, not steps.
  const steps = transcript.steps.filter((step) => !step.command.startsWith('$$')).length
  for (const key of ['open', 'closed'] as const) {
    const list = meta[key]
    if (list === 'all') continue
    const beyond = list.filter((step) => step > steps)
    if (beyond.length > 0) {
      warn(`${key}="${beyond.join(',')}" names a step the transcript does not have (it has ${steps})`, `number the steps from 1, one per prompt: ${key}="1"`)
    }
  }
  const lineCount = splitLines(fence.value).length
  const pastEnd = meta.lines.filter((line) => line > lineCount)
  if (pastEnd.length > 0) {
    warn(`lines="${pastEnd.join(',')}" is past the end of the fence (${lineCount} lines)`, 'count lines from 1 at the first line inside the fence')
  }
  for (const phrase of meta.mark) {
    if (!fence.value.includes(phrase)) warn(`mark="${phrase}" does not occur in the transcript`, 'copy the text to mark exactly as it appears in the output (case matters)')
  }
  return findings
}

/** Debugger output in a fence the site will not render as a transcript. */
function checkLookalike(article: Article, fence: Fence): Finding[] {
  const prompt = firstPromptLine(fence.value)
  const bugcheck = prompt < 0 ? findBugchecks(fence.value)[0] : undefined
  let what: string
  if (prompt >= 0) what = `a debugger prompt at its line ${prompt + 1}`
  else if (bugcheck) what = `bugcheck output (${describeCode(bugcheck.code)})`
  else return []
  const why = !fence.lang
    ? 'untagged fences are transcripts only when a line holds a prompt with a command'
    : `the site leaves \`${fence.lang}\` fences as plain code`
  return [
    {
      file: article.path,
      line: fence.line,
      severity: 'warning',
      kind: 'untagged-transcript',
      message: `this fence holds ${what}, but ${why}: no folding, no parameter tooltips`,
      fix: fence.fenced ? 'tag the fence ```windbg (or split off the part that is not debugger output)' : 'make it a fenced block tagged ```windbg',
    },
  ]
}

/** The codes in the transcripts against the article's `bugcheck`. */
export function checkBugcheckMatch(article: Article): Finding[] {
  const code = articleCode(article)
  if (code === undefined) return []
  const named = new Map<number, number>()
  for (const fence of article.fences) {
    if (!rendersAsTranscript(fence.lang, fence.value)) continue
    for (const finding of findBugchecks(fence.value)) {
      const first = finding.marks[0]
      if (!named.has(finding.code)) named.set(finding.code, fence.line + 1 + (first?.line ?? 0))
    }
  }
  if (named.size === 0 || (code !== 'none' && named.has(code))) return []
  const [shown, line] = [...named.entries()][0] as [number, number]
  const base = { file: article.path, line: fieldLine(article, ['bugcheck']), kind: 'bugcheck-mismatch' as const }
  if (code === 'none') {
    return [{ ...base, severity: 'warning', message: `bugcheck is none, but the transcript at line ${line} shows ${describeCode(shown)}`, fix: `if the article is about that crash, write bugcheck: "${canonicalCode(shown)}"` }]
  }
  return [
    {
      ...base,
      severity: 'error',
      message: `bugcheck is ${canonicalCode(code)}, but the transcripts show ${[...named.keys()].map(describeCode).join(', ')} (first at line ${line})`,
      fix: `write bugcheck: "${canonicalCode(shown)}", or use the transcripts of a ${canonicalCode(code)} dump`,
    },
  ]
}
