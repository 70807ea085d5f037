import { windbgLanguage, WINDBG_SCOPES } from '../grammar/index.ts'
import { compileScanner, type RawGrammar } from './scanner.ts'

/** A run of text and the class it is highlighted with (none for plain text). */
export interface Token {
  content: string
  className?: string
}

/** Tokens for each line of a transcript, in order. */
export type WindbgHighlighter = (lines: readonly string[]) => Token[][]

/** Lines longer than this are left plain: real memory dumps hold lines of thousands of characters. */
export const MAX_TOKENIZED_LINE = 2000

/**
 * Token kinds become classes (`wd-t-address`), coloured by the stylesheet for the site's light and
 * dark themes. Inline colours on every token would triple a transcript's HTML.
 */
export const tokenKinds = Object.keys(WINDBG_SCOPES) as (keyof typeof WINDBG_SCOPES)[]

/** The class of a scope: the kind whose scope it is, or is under (`constant.numeric.windbg.x`). */
export function classOfScope(scope: string): string | undefined {
  for (const kind of tokenKinds) {
    const selector = WINDBG_SCOPES[kind]
    if (scope === selector || scope.startsWith(`${selector}.`)) return `wd-t-${kind}`
  }
  return undefined
}

/**
 * Tokenises each distinct line once per call: a transcript repeats blank lines, `Value: 0` and
 * stack frames, and the WinDbg grammar has only single-line rules (its tests hold it to that), so
 * a line's tokens never depend on the lines before it.
 */
export function perDistinctLine(tokenizeLine: (line: string) => Token[]): WindbgHighlighter {
  return (lines) => {
    const seen = new Map<string, Token[]>()
    return lines.map((line) => {
      let tokens = seen.get(line)
      if (!tokens) {
        tokens = line === '' ? [] : line.length > MAX_TOKENIZED_LINE ? [{ content: line }] : tokenizeLine(line)
        seen.set(line, tokens)
      }
      return tokens
    })
  }
}

/**
 * The highlighter: the WinDbg TextMate grammar run by `compileScanner` as JavaScript regular
 * expressions, without a TextMate engine. It gives Shiki's tokens (the tests compare the two on
 * every real line and on random ones) about 1.4× as fast (`bench/grammar-speed.ts`), synchronously, and runs in the
 * browser as it does in Node. `createShikiWindbgHighlighter` is the same grammar through Shiki.
 */
export function createWindbgHighlighter(): WindbgHighlighter {
  return perDistinctLine(compileScanner(windbgLanguage as unknown as RawGrammar, classOfScope))
}

let shared: WindbgHighlighter | undefined

/** One highlighter for every plugin instance in the process: it holds no per-document state. */
export function sharedWindbgHighlighter(): WindbgHighlighter {
  shared ??= createWindbgHighlighter()
  return shared
}

/** Highlighting off: each line is one plain token. */
export const plainHighlighter: WindbgHighlighter = (lines) => lines.map((line) => (line ? [{ content: line }] : []))

/** The highlighter the `highlighter` option asks for: the default, the one given, or none. */
export function resolveHighlighter(option: WindbgHighlighter | Promise<WindbgHighlighter> | false | undefined): WindbgHighlighter | Promise<WindbgHighlighter> {
  if (option === false) return plainHighlighter
  return option ?? sharedWindbgHighlighter()
}
