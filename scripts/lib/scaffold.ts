import { stringify } from 'yaml'
import { canonicalCode, findByNumber } from '../../src/lib/catalog.ts'

/**
 * The text `npm run new` and `npm run import` put where the author still has to write something.
 * Each is valid frontmatter, so a new article builds and passes `npm run check` at once; the check
 * recognises them and lists them as warnings: the author's to-do list.
 */
export const PLACEHOLDER_PREFIX = 'Not documented yet'

export const PARAMETER_PLACEHOLDER = `${PLACEHOLDER_PREFIX}: see Microsoft's reference for this bugcheck.`

/** For an `ArgN:` line that `!analyze` printed without a description. */
export const UNDESCRIBED_PARAMETER = `${PLACEHOLDER_PREFIX}: !analyze prints no description for this parameter.`

export function isPlaceholder(text: string): boolean {
  return text.trim().startsWith(PLACEHOLDER_PREFIX)
}

/** The generic summary of a new article; `npm run check` warns while it is unchanged. */
export function placeholderSummary(code: number | undefined): string {
  const entry = code === undefined ? undefined : findByNumber(code)
  if (code === undefined || !entry) return 'A crash-dump investigation: what the dump showed and how the cause was found.'
  return `A runbook for ${entry.name} (${canonicalCode(code)}) crashes: what its parameters mean and how to find the cause.`
}

/** The hints in a new article's sections, as HTML comments so that they never reach the page. */
export const SECTION_HINTS = {
  'What happened': 'What the bugcheck means in this case: the parameter that matters, its value, and what that value says.',
  'Reproducing it': 'How to cause this crash on a test machine (a small driver, a tool, a setting), or delete this section.',
  'Walking through the dump':
    'The debugger session: paste each command with its output in a fence tagged windbg, with a sentence before it saying why you ran it.',
  'How to find the culprit': 'The steps a reader follows in their own dump to find the driver or setting at fault.',
} as const

/** The References section's hint, for an article about no single bugcheck (no Microsoft page to link). */
export const REFERENCES_HINT = 'Links to the documentation, tools and write-ups you used.'

export function hintComment(hint: string): string {
  return `<!-- ${hint} -->`
}

/** Whether an HTML node of a body is one of the section hints, still in place. */
export function isSectionHint(html: string): boolean {
  const text = html.trim().replace(/^<!--\s*|\s*-->$/g, '')
  return text === REFERENCES_HINT || Object.values(SECTION_HINTS).some((hint) => hint === text)
}

/** A parameter entry as written in frontmatter. */
export interface ParameterEntry {
  name: string
  description: string
  decode?: string
}

/** The frontmatter of a runbook, in the order a reader expects the fields. */
export interface RunbookFrontmatter {
  title: string
  bugcheck: string
  summary: string
  parameters: ParameterEntry[]
  tags: string[]
  related: string[]
  updated: string
}

/** `YYYY-MM-DD` of a date, in local time: the day the author ran the command. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * YAML for the frontmatter. The `yaml` package quotes what YAML would read as something else, so
 * `bugcheck: "0x20"` stays a string and a title with a colon stays whole.
 */
export function frontmatterYaml(fields: RunbookFrontmatter & Record<string, unknown>): string {
  const ordered: Record<string, unknown> = {}
  for (const key of ['title', 'bugcheck', 'summary', 'parameters', 'tags', 'related', 'updated']) ordered[key] = fields[key]
  for (const [key, value] of Object.entries(fields)) if (!(key in ordered)) ordered[key] = value
  return stringify(ordered, { lineWidth: 100 })
}

/** The Markdown of a new runbook's sections, ending with the Microsoft reference where there is one. */
export function skeletonBody(code: number | undefined): string {
  const sections = Object.entries(SECTION_HINTS).map(([heading, hint]) => `## ${heading}\n\n${hintComment(hint)}\n`)
  const entry = code === undefined ? undefined : findByNumber(code)
  const references = entry
    ? `## References\n\n- [Bug check ${canonicalCode(code as number)} ${entry.name}](${entry.learnUrl}), Microsoft's reference\n`
    : `## References\n\n${hintComment(REFERENCES_HINT)}\n`
  return [...sections, references].join('\n')
}
