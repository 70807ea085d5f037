import { parse as parseYaml } from 'yaml'
import { canonicalCode, findByNumber, referenceIndex } from '../../../src/lib/catalog.ts'
import { describeCode, paramCountOf } from '../codes.ts'
import { isDebuggerOutput, rendersAsTranscript } from '../fences.ts'
import { guessLanguage } from '../languages.ts'
import { fencesOf, parseMarkdown, splitArticle, splitLinesKeepingAll, type Fence } from '../markdown.ts'
import { frontmatterYaml, isoDay, PARAMETER_PLACEHOLDER, placeholderSummary, type ParameterEntry } from '../scaffold.ts'
import { kebab } from '../slug.ts'
import { FORMAT_NAMES, inferBugcheck, type OutputFence } from './bugcheck.ts'
import { inferSummary, inferTitle } from './prose.ts'

export interface ImportOptions {
  /** The write-up's file name without its extension: a fallback title and the default slug. */
  baseName: string
  title?: string | undefined
  slug?: string | undefined
  /** A code the author knows, instead of the one read from the transcripts. */
  code?: number | 'none' | undefined
  today: Date
}

export interface ImportResult {
  slug: string
  text: string
  /** What was read from the write-up, one line each. */
  inferred: string[]
  /** What could not be, and what the author should look at. */
  missing: string[]
}

// Tags under which a write-up may already hold debugger output, so it counts for the bugcheck.
const PLAIN_TAGS = new Set(['text', 'txt', 'plaintext', 'plain', 'output', 'log', 'console', 'dbgcmd', 'shell', 'none'])

function outputFence(fence: Fence): OutputFence {
  return { value: fence.value, firstLine: fence.line + 1 }
}

function isOutput(fence: Fence): boolean {
  if (!fence.lang) return isDebuggerOutput(fence.value)
  if (rendersAsTranscript(fence.lang, fence.value)) return true
  return PLAIN_TAGS.has(fence.lang.toLowerCase()) && isDebuggerOutput(fence.value)
}

function lineList(lines: readonly number[]): string {
  return lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`
}

/**
 * Converts a plain Markdown crash-analysis write-up into a runbook: frontmatter inferred from its
 * transcripts and prose, untagged fences tagged where their language is clear. The body is kept
 * line for line; the only edit is a language added after an empty opening fence.
 */
export function importWriteup(source: string, options: ImportOptions): ImportResult {
  const split = splitArticle(source)
  const existing = split.yaml === undefined ? {} : readExisting(split.yaml)
  const tree = parseMarkdown(split.blanked)
  const fences = fencesOf(tree, split.blanked)
  const inferred: string[] = []
  const missing: string[] = []

  const found = inferBugcheck(fences.filter(isOutput).map(outputFence))
  let code: number | undefined
  if (typeof options.code === 'number') {
    code = options.code
    inferred.push(`bugcheck   ${describeCode(code)}, from --code`)
    if (found && found.code !== code) missing.push(`the transcripts name ${describeCode(found.code)}, not the --code given`)
  } else if (options.code === 'none') {
    inferred.push('bugcheck   none, from --code')
  } else if (found && findByNumber(found.code)) {
    code = found.code
    const where = [...new Map(found.sources.map((s) => [s.format, s.line])).entries()].map(([format, line]) => `${FORMAT_NAMES[format]} at line ${line}`)
    inferred.push(`bugcheck   ${describeCode(code)}, from ${where.join('; ') || FORMAT_NAMES['analyze-arg']}`)
    if (found.others.length > 0) missing.push(`the transcripts also name ${found.others.map(describeCode).join(', ')}: check that ${canonicalCode(code)} is the one this article is about`)
  } else if (found) {
    missing.push(`bugcheck: the transcripts name ${canonicalCode(found.code)}, which is not in the catalog; wrote bugcheck: none`)
  } else {
    missing.push('bugcheck: no !analyze title, !di Bugcheck: line, dump banner or BUGCHECK_CODE in any fence; wrote bugcheck: none (pass --code 0x… if you know it)')
  }

  let parameters: ParameterEntry[] = []
  const reference = code === undefined ? undefined : referenceIndex.docs(code)
  if (reference && (reference.parameters.length > 0 || reference.subtypes.length > 0)) {
    // The reference explains every transcript's parameters already; the debugger's words would
    // only override it with less.
    inferred.push(`parameters none written: content/bugchecks/${canonicalCode(code as number)}.yaml documents them`)
  } else if (code !== undefined && found?.code === code) {
    parameters = found.parameters
    const fromArgs = parameters.length - found.gaps.filter((gap) => gap.startsWith('parameter ')).length
    if (parameters.length > 0) {
      inferred.push(`parameters ${parameters.length}, ${fromArgs} described by the ArgN: lines; names guessed from those descriptions, review them`)
    }
    missing.push(...found.gaps)
  } else if (code !== undefined) {
    const entry = findByNumber(code)
    const count = entry ? (paramCountOf(entry) ?? 0) : 0
    parameters = Array.from({ length: count }, (_, index) => ({ name: `Parameter ${index + 1}`, description: PARAMETER_PLACEHOLDER }))
    if (count > 0) missing.push(`parameters: no ArgN: lines for ${canonicalCode(code)}; wrote ${count} empty entries`)
  }

  const title = options.title ? { value: options.title, how: '--title' } : inferTitle(tree, options.baseName, code)
  inferred.push(`title      "${title.value}", from ${title.how}`)
  const summary = inferSummary(tree)
  if (summary) inferred.push(`summary    from ${summary.how}; review it`)
  else missing.push('summary: no paragraph to take it from; wrote a generic sentence to replace')

  const { lines, tagged, untagged } = tagFences(splitLinesKeepingAll(source), fences)
  for (const [lang, at] of tagged) inferred.push(`fences     tagged ${lang} at ${lineList(at)}`)
  for (const note of untagged) missing.push(note)

  const fields = {
    title: title.value,
    bugcheck: code === undefined ? 'none' : canonicalCode(code),
    summary: summary?.value ?? placeholderSummary(code),
    parameters,
    tags: [],
    related: [],
    updated: isoDay(options.today),
    ...existing,
  }
  if (Object.keys(existing).length > 0) inferred.push(`kept the write-up's own frontmatter fields: ${Object.keys(existing).join(', ')}`)
  const body = lines.slice(split.bodyLine - 1).join(split.eol)
  const text = `---${split.eol}${frontmatterYaml(fields).replace(/\n/g, split.eol)}---${split.eol}${body}`
  return { slug: options.slug ?? slugFor(options.baseName, title.value, code), text, inferred, missing }
}

function readExisting(yaml: string): Record<string, unknown> {
  try {
    const value: unknown = parseYaml(yaml)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/** The write-up's file name as a slug, with the code in front where it is not already. */
export function slugFor(baseName: string, title: string, code: number | undefined): string {
  const base = kebab(baseName) || kebab(title) || 'imported-write-up'
  if (code === undefined || /^0x[0-9a-f]+-/.test(base)) return base
  return `${canonicalCode(code)}-${base}`
}

interface Tagging {
  lines: string[]
  tagged: Map<string, number[]>
  untagged: string[]
}

/** Adds a language to each empty opening fence whose content is clear. */
function tagFences(lines: string[], fences: readonly Fence[]): Tagging {
  const out = [...lines]
  const tagged = new Map<string, number[]>()
  const untagged: string[] = []
  for (const fence of fences) {
    if (fence.lang) continue
    const debugger_ = isDebuggerOutput(fence.value)
    if (!fence.fenced) {
      if (debugger_ || guessLanguage(fence.value)) untagged.push(`indented code block at line ${fence.line}: left as is; make it a fence to tag it`)
      continue
    }
    const lang = debugger_ ? 'windbg' : guessLanguage(fence.value)
    if (!lang) {
      untagged.push(`fence at line ${fence.line}: language unclear, left untagged`)
      continue
    }
    const column = (fence.node.position?.start.column ?? 1) - 1
    const line = out[fence.line - 1] as string
    const marker = /^(`{3,}|~{3,})/.exec(line.slice(column))?.[0] ?? ''
    out[fence.line - 1] = `${line.slice(0, column + marker.length)}${lang}${line.slice(column + marker.length)}`
    tagged.set(lang, [...(tagged.get(lang) ?? []), fence.line])
  }
  return { lines: out, tagged, untagged }
}
