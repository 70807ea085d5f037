import { createHighlighterCore, type HighlighterCore, type ThemeRegistrationRaw } from 'shiki/core'
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript'
import { windbgLanguage, WINDBG_SCOPES } from '../grammar/index.ts'

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

export type WindbgHighlighter = (code: string) => Token[][]

/**
 * Creates the highlighter once; the regex engine is Shiki's JavaScript one, so the same code runs
 * in the browser and no WebAssembly is loaded.
 */
export async function createWindbgHighlighter(): Promise<WindbgHighlighter> {
  const core: HighlighterCore = await createHighlighterCore({
    themes: [classTheme],
    langs: [windbgLanguage],
    engine: createJavaScriptRegexEngine({ forgiving: true }),
  })
  return (code) =>
    core
      .codeToTokensBase(code, { lang: 'windbg', theme: 'windbg-classes', tokenizeMaxLineLength: MAX_TOKENIZED_LINE })
      .map((line) =>
        line.map((token) => {
          const className = token.color ? classOfColour.get(token.color.toLowerCase()) : undefined
          return className ? { content: token.content, className } : { content: token.content }
        }),
      )
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
export const plainHighlighter: WindbgHighlighter = (code) =>
  code.split(/\r\n|\r|\n/).map((line) => (line ? [{ content: line }] : []))
