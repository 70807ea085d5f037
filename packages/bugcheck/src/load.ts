// Reads the reference files (content/bugchecks/*.yaml) with Node: each file checked against the
// schema, every problem reported as `file:line: field: what was expected`. Build tools only; the
// published packages carry the compiled JSON instead.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { isNode, LineCounter, parseDocument } from 'yaml'
import type { z } from 'zod'
import { compileReference, shortCode, type BugcheckReference } from './model.ts'
import { flattenIssues, referenceFileSchema, type ReferenceFile } from './schema.ts'

/** One problem in one reference file. */
export interface ReferenceProblem {
  file: string
  line: number
  /** `parameters.2.decode`; empty for the file as a whole. */
  field: string
  message: string
}

export class BugcheckReferenceError extends Error {
  readonly problems: ReferenceProblem[]
  constructor(problems: ReferenceProblem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the bugcheck reference:\n${problems.map(formatProblem).join('\n')}`)
    this.name = 'BugcheckReferenceError'
    this.problems = problems
  }
}

export function formatProblem(problem: ReferenceProblem): string {
  return `${problem.file}:${problem.line}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`
}

/** `0x0000009F` → `0x9f.yaml`: a file is named for its code's canonical short form. */
export function referenceFileName(code: string): string {
  return `${shortCode(code)}.yaml`
}

export interface ParsedReferenceFile {
  file: string
  data?: ReferenceFile
  problems: ReferenceProblem[]
}

/**
 * Parses and checks one reference file's text. YAML's failsafe schema keeps every scalar a
 * string, so hex values such as `0x3` are never read as numbers.
 */
export function parseReferenceFile(file: string, text: string): ParsedReferenceFile {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { schema: 'failsafe', lineCounter, prettyErrors: false, uniqueKeys: true })
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line)
  if (document.errors.length > 0) {
    return {
      file,
      problems: document.errors.map((error) => ({ file, line: lineAt(error.pos[0]), field: '', message: `not valid YAML: ${error.message.split('\n')[0]}` })),
    }
  }
  const result = referenceFileSchema.safeParse(document.toJS())
  if (!result.success) return { file, problems: flattenIssues(result.error.issues).map((issue) => problemOf(file, issue, document, lineAt)) }
  const problems: ReferenceProblem[] = []
  const expected = referenceFileName(result.data.code)
  if (basename(file) !== expected) {
    problems.push({ file, line: lineAt(nodeOffset(document, ['code'])), field: 'code', message: `the file of ${result.data.code} is named ${expected}` })
  }
  return problems.length > 0 ? { file, problems } : { file, data: result.data, problems }
}

function nodeOffset(document: ReturnType<typeof parseDocument>, path: readonly PropertyKey[]): number | undefined {
  // The deepest node of the path that exists: a missing field is reported on its parent.
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? document.contents : document.getIn(path.slice(0, length).map(String), true)
    if (isNode(node) && node.range) return node.range[0]
  }
  return undefined
}

function problemOf(
  file: string,
  issue: z.core.$ZodIssue,
  document: ReturnType<typeof parseDocument>,
  lineAt: (offset: number | undefined) => number,
): ReferenceProblem {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol')
  let message = issue.message
  if (issue.code === 'unrecognized_keys') message = `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `\`${key}\``).join(', ')}`
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) message = `required: ${issue.message.replace(/, received undefined$/, '')}`
  return { file, line: lineAt(nodeOffset(document, path)), field: path.join('.'), message }
}

/** The `.yaml` files of a reference folder, in code order. */
export function referenceFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') && !name.startsWith('_'))
    .sort((a, b) => Number.parseInt(a.slice(2), 16) - Number.parseInt(b.slice(2), 16))
    .map((name) => join(dir, name))
}

/** Checks every file of the folder and the folder as a whole (one file per code and per name). */
export function checkReferenceDir(dir: string, display: (file: string) => string = (file) => file): { files: ParsedReferenceFile[]; problems: ReferenceProblem[] } {
  const files = referenceFiles(dir).map((file) => parseReferenceFile(display(file), readFileSync(file, 'utf8')))
  const problems = files.flatMap((parsed) => parsed.problems)
  const names = new Map<string, string>()
  const byCode = new Set(files.flatMap((parsed) => (parsed.data ? [parsed.data.code] : [])))
  for (const parsed of files) {
    if (!parsed.data) continue
    const other = names.get(parsed.data.name)
    if (other) problems.push({ file: parsed.file, line: 1, field: 'name', message: `${parsed.data.name} is already the name of ${other}` })
    names.set(parsed.data.name, parsed.file)
    if (parsed.data.sameAs && !byCode.has(parsed.data.sameAs)) {
      problems.push({ file: parsed.file, line: 1, field: 'sameAs', message: `${parsed.data.sameAs} has no file in this folder` })
    }
  }
  return { files, problems }
}

// An Astro build reads the reference as its config loads and again in the bundle that renders the
// pages: two copies of this module in one process, so the memo lives on the global object. It
// holds a folder's codes for as long as no file of it changes (names, sizes and times).
const LOADED = Symbol.for('bugcheck-reference/loaded')
type Loaded = Map<string, { fingerprint: string; codes: BugcheckReference[] }>

function loadedFolders(): Loaded {
  const holder = globalThis as { [LOADED]?: Loaded }
  holder[LOADED] ??= new Map()
  return holder[LOADED]
}

function fingerprint(files: readonly string[]): string {
  return files
    .map((file) => {
      const stat = statSync(file)
      return `${file}\t${stat.size}\t${stat.mtimeMs}`
    })
    .join('\n')
}

/**
 * Every code of the folder, compiled; throws a {@link BugcheckReferenceError} listing every
 * problem. A folder loaded before and unchanged since gives the same (read-only) list again.
 */
export function loadReference(dir: string, display?: (file: string) => string): BugcheckReference[] {
  const key = resolve(dir)
  const print = fingerprint(referenceFiles(dir))
  const known = loadedFolders().get(key)
  if (known?.fingerprint === print) return known.codes
  const { files, problems } = checkReferenceDir(dir, display)
  if (problems.length > 0) throw new BugcheckReferenceError(problems)
  const codes = files.map((parsed) => compileReference(parsed.data as ReferenceFile))
  loadedFolders().set(key, { fingerprint: print, codes })
  return codes
}
