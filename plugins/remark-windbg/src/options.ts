import { indexReference, type BugcheckReference, type ReferenceIndex } from 'bugcheck-reference'
import type { VFile } from 'vfile'
import type { CommandReference } from './data/commands.ts'
import type { WindbgHighlighter } from './render/highlight.ts'

/** Options of `remarkWindbg`. Every field is optional. */
export interface Options {
  /**
   * Output longer than this many lines starts folded.
   * @default 20
   */
  foldAbove?: number | null | undefined
  /**
   * Fence languages that are always transcripts.
   * @default ['windbg', 'kd', 'cdb']
   */
  languages?: readonly string[] | null | undefined
  /**
   * Fence languages that are transcripts only when their content is debugger output: Microsoft's
   * docs tag transcripts `dbgcmd` (and `dbgconsole`, `console`, even `dotnetcli`), but also
   * command syntax lines. A `text` fence is the author asking for plain text, and stays so.
   * @default ['dbgcmd', 'dbgconsole', 'console', 'dotnetcli']
   */
  detectIn?: readonly string[] | null | undefined
  /**
   * Whether untagged fences that start with a debugger prompt are transcripts.
   * @default true
   */
  detectUntagged?: boolean | null | undefined
  /**
   * The bugcheck reference: every code's name, summary, parameters and subtypes, for the tooltips
   * of every transcript (`import { codes } from 'bugcheck-reference/data'`). An article's own
   * frontmatter `parameters` and `subtypes` override it for that article's code.
   * @default no reference: tooltips use the article's frontmatter and the debugger's own words
   */
  reference?: readonly BugcheckReference[] | null | undefined
  /**
   * The name of a bugcheck code (`0x20` → `KERNEL_APC_PENDING_DURING_EXIT`), for tooltips.
   * @default the name in `reference`
   */
  bugcheckName?: ((code: number) => string | undefined) | null | undefined
  /** The URL of a bugcheck code's page; codes in transcripts link to it. */
  bugcheckHref?: ((code: number) => string | undefined) | null | undefined
  /**
   * Reads the article's frontmatter (its `bugcheck`, `parameters` and `subtypes` feed the
   * parameter tooltips).
   * @default file.data.matter ?? file.data.frontmatter
   */
  frontmatter?: ((file: VFile) => unknown) | null | undefined
  /** The command reference for command tooltips. @default the built-in reference */
  lookupCommand?: ((command: string) => CommandReference | undefined) | null | undefined
  /**
   * Highlighting: a highlighter (or a promise of one), or `false` for none.
   * @default the WinDbg grammar's highlighter (`createWindbgHighlighter`), one per process
   */
  highlighter?: WindbgHighlighter | Promise<WindbgHighlighter> | false | null | undefined
  /**
   * Extra classes on each transcript's outer element, e.g. a theme's opt-out of its prose styles
   * (Starlight: `not-content`).
   */
  className?: readonly string[] | null | undefined
  /**
   * Emit each block of output as one `raw` node of ready HTML instead of an element per token: the
   * same HTML, with far fewer objects to make and to serialise. Only for pipelines that keep raw
   * HTML: `remark-rehype` and `rehype-stringify` with `allowDangerousHtml: true` (Astro's are).
   * Without that, the output would be dropped or escaped, so it is off by default. Everything in
   * it is escaped here, as in the element form.
   * @default false
   */
  rawHtml?: boolean | null | undefined
  /** URL of the transcript stylesheet, linked once in each page that has a transcript. */
  stylesheet?: string | null | undefined
  /** URL of the transcript script (copy, expand all, Escape), added once in each page that has a transcript. */
  script?: string | null | undefined
}

export interface Settings {
  foldAbove: number
  languages: ReadonlySet<string>
  detectIn: ReadonlySet<string>
  detectUntagged: boolean
  reference: ReferenceIndex | undefined
  bugcheckName: ((code: number) => string | undefined) | undefined
  bugcheckHref: ((code: number) => string | undefined) | undefined
  frontmatter: (file: VFile) => unknown
  lookupCommand: ((command: string) => CommandReference | undefined) | undefined
  highlighter: WindbgHighlighter | Promise<WindbgHighlighter> | false | undefined
  className: readonly string[]
  rawHtml: boolean
  stylesheet: string | undefined
  script: string | undefined
}

const emptyOptions: Options = {}

function readFrontmatter(file: VFile): unknown {
  return file.data['matter'] ?? file.data['frontmatter']
}

function optionError(name: string, expected: string, value: unknown): Error {
  return new TypeError(`Unexpected \`${name}\` option for \`remark-windbg\`: expected ${expected}, got ${JSON.stringify(value) ?? typeof value}`)
}

function functionOption<T>(options: Options, name: keyof Options): T | undefined {
  const value = options[name]
  if (value === null || value === undefined) return undefined
  if (typeof value !== 'function') throw optionError(name, 'a function', value)
  return value as T
}

function stringList(options: Options, name: 'languages' | 'detectIn' | 'className', fallback: string[]): string[] {
  const value = options[name]
  if (value === null || value === undefined) return fallback
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw optionError(name, 'an array of strings', value)
  }
  return [...value]
}

function languageSet(options: Options, name: 'languages' | 'detectIn', fallback: string[]): ReadonlySet<string> {
  return new Set(stringList(options, name, fallback).map((item) => item.toLowerCase()))
}

function stringOption(options: Options, name: 'stylesheet' | 'script'): string | undefined {
  const value = options[name]
  if (value === null || value === undefined) return undefined
  if (typeof value !== 'string' || value === '') throw optionError(name, 'a URL string', value)
  return value
}

/** Checks options once, when the plugin is attached, and fills in defaults. */
export function resolveOptions(options: Options | null | undefined): Settings {
  const settings = options ?? emptyOptions
  const foldAbove = settings.foldAbove ?? 20
  if (!Number.isInteger(foldAbove) || foldAbove < 0) throw optionError('foldAbove', 'a whole number of lines', foldAbove)
  const detectUntagged = settings.detectUntagged ?? true
  const rawHtml = settings.rawHtml ?? false
  if (typeof rawHtml !== 'boolean') throw optionError('rawHtml', 'true or false', rawHtml)
  if (typeof detectUntagged !== 'boolean') throw optionError('detectUntagged', 'true or false', detectUntagged)
  const highlighter = settings.highlighter ?? undefined
  if (highlighter !== undefined && highlighter !== false && typeof highlighter !== 'function' && !(highlighter instanceof Promise)) {
    throw optionError('highlighter', 'a highlighter function, a promise of one, or false', highlighter)
  }
  const reference = settings.reference ?? undefined
  if (reference !== undefined && !Array.isArray(reference)) throw optionError('reference', 'an array of bugcheck reference entries', typeof reference)
  const index = reference ? indexReference(reference) : undefined
  const bugcheckName: ((code: number) => string | undefined) | undefined =
    functionOption(settings, 'bugcheckName') ?? (index ? (code: number) => index.get(code)?.name : undefined)
  return {
    foldAbove,
    reference: index,
    languages: languageSet(settings, 'languages', ['windbg', 'kd', 'cdb']),
    detectIn: languageSet(settings, 'detectIn', ['dbgcmd', 'dbgconsole', 'console', 'dotnetcli']),
    className: stringList(settings, 'className', []),
    rawHtml,
    detectUntagged,
    bugcheckName,
    bugcheckHref: functionOption(settings, 'bugcheckHref'),
    frontmatter: functionOption(settings, 'frontmatter') ?? readFrontmatter,
    lookupCommand: functionOption(settings, 'lookupCommand'),
    highlighter,
    stylesheet: stringOption(settings, 'stylesheet'),
    script: stringOption(settings, 'script'),
  }
}
