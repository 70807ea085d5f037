import { createHighlighterCore, type HighlighterCore, type ThemeRegistrationRaw } from 'shiki/core'
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript'
import { EncodedTokenMetadata, INITIAL } from 'shiki/textmate'
import { windbgLanguage, WINDBG_SCOPES } from '../grammar/index.ts'
import { compileScanner } from './scanner.ts'

/** A run of text and the class it is highlighted with (none for plain text). */
export interface Token {
  content: string
  className?: string
}

/**
 * Token kinds become classes (`wd-t-address`), coloured by the stylesheet for the site's light and
 * dark themes. Inline colours on every token would triple a transcript's HTML.
 *
 * Shiki resolves scopes to colours through a theme, so this theme gives each kind a unique
 * placeholder colour that is mapped back to its class.
 */
const kinds = Object.keys(WINDBG_SCOPES) as (keyof typeof WINDBG_SCOPES)[]
const placeholderColour = (index: number) => `#0000${(index + 1).toString(16).padStart(2, '0')}`
const classOfColour = new Map(kinds.map((kind, index) => [placeholderColour(index), `wd-t-${kind}`]))

const classTheme: ThemeRegistrationRaw = {
  name: 'windbg-classes',
  type: 'light',
  settings: [
    { settings: { foreground: '#000000', background: '#ffffff' } },
    ...kinds.map((kind, index) => ({ scope: WINDBG_SCOPES[kind], settings: { foreground: placeholderColour(index) } })),
  ],
}

/** Lines longer than this are left plain: real memory dumps hold lines of thousands of characters. */
const MAX_TOKENIZED_LINE = 2000

/** Tokens for each line of a transcript, in order. */
export type WindbgHighlighter = (lines: readonly string[]) => Token[][]

/**
 * Creates the highlighter once; the regex engine is Shiki's JavaScript one, so the same code runs
 * in the browser and no WebAssembly is loaded.
 *
 * Lines go to the grammar one by one, each from the initial state: the WinDbg grammar has only
 * single-line rules (its tests hold it to that), so a line's tokens never depend on the lines
 * before it. That allows two savings Shiki's `codeToTokens` cannot make: no themed-token objects
 * (the class comes straight from the token's colour index), and a line seen before in the same
 * transcript (blank lines, `Value: 0`, repeated stack frames) is tokenised once.
 */
export async function createWindbgHighlighter(): Promise<WindbgHighlighter> {
  const core: HighlighterCore = await createHighlighterCore({
    themes: [classTheme],
    langs: [windbgLanguage],
    engine: createJavaScriptRegexEngine({ forgiving: true }),
  })
  const { colorMap } = core.setTheme('windbg-classes')
  const classOfIndex = colorMap.map((colour) => classOfColour.get(colour.toLowerCase()))
  const grammar = core.getLanguage('windbg')

  function tokenizeLine(line: string): Token[] {
    if (line === '') return []
    if (line.length > MAX_TOKENIZED_LINE) return [{ content: line }]
    const { tokens: encoded } = grammar.tokenizeLine2(line, INITIAL)
    const tokens: Token[] = []
    for (let index = 0; index < encoded.length; index += 2) {
      const start = encoded[index] as number
      const end = index + 2 < encoded.length ? (encoded[index + 2] as number) : line.length
      if (end <= start) continue
      const className = classOfIndex[EncodedTokenMetadata.getForeground(encoded[index + 1] as number)]
      const last = tokens[tokens.length - 1]
      if (last && last.className === className) last.content += line.slice(start, end)
      else tokens.push(className ? { content: line.slice(start, end), className } : { content: line.slice(start, end) })
    }
    return tokens
  }

  return (lines) => {
    const seen = new Map<string, Token[]>()
    return lines.map((line) => {
      let tokens = seen.get(line)
      if (!tokens) {
        tokens = tokenizeLine(line)
        seen.set(line, tokens)
      }
      return tokens
    })
  }
}

/** The class of a scope: the kind whose scope it is, or is under (`constant.numeric.windbg.x`). */
function classOfScope(scope: string): string | undefined {
  for (const kind of kinds) {
    const selector = WINDBG_SCOPES[kind]
    if (scope === selector || scope.startsWith(`${selector}.`)) return `wd-t-${kind}`
  }
  return undefined
}

/**
 * The same tokens as {@link createWindbgHighlighter}, from the same grammar, without a TextMate
 * engine: the grammar's rules run as JavaScript regular expressions by `compileScanner`, each
 * rule scanning a line about once. Several times faster, synchronous, and checked against Shiki
 * on every real line in the tests.
 */
export function createFastWindbgHighlighter(): WindbgHighlighter {
  const tokenize = compileScanner(windbgLanguage as unknown as Parameters<typeof compileScanner>[0], classOfScope)
  return (lines) => {
    const seen = new Map<string, Token[]>()
    return lines.map((line) => {
      let tokens = seen.get(line)
      if (!tokens) {
        tokens = line.length > MAX_TOKENIZED_LINE ? [{ content: line }] : tokenize(line)
        seen.set(line, tokens)
      }
      return tokens
    })
  }
}

let shared: Promise<WindbgHighlighter> | undefined

/**
 * One highlighter for every plugin instance in the process: it holds no per-document state, and
 * each Shiki instance costs a grammar compilation and memory (Shiki warns past ten of them).
 */
export function sharedWindbgHighlighter(): Promise<WindbgHighlighter> {
  shared ??= createWindbgHighlighter()
  return shared
}

/** Highlighting off: each line is one plain token. */
export const plainHighlighter: WindbgHighlighter = (lines) => lines.map((line) => (line ? [{ content: line }] : []))
