// The WinDbg grammar through Shiki's TextMate engine: the reference the direct scanner is tested
// against, and a highlighter for anyone who prefers Shiki's own tokenizer.
import { createHighlighterCore, type ThemeRegistrationRaw } from 'shiki/core'
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript'
import { EncodedTokenMetadata, INITIAL } from 'shiki/textmate'
import { windbgLanguage, WINDBG_SCOPES } from '../grammar/index.ts'
import { perDistinctLine, tokenKinds, type Token, type WindbgHighlighter } from './highlight.ts'

// Shiki resolves scopes to colours through a theme, so this theme gives each kind a unique
// placeholder colour that is mapped back to its class.
const placeholderColour = (index: number) => `#0000${(index + 1).toString(16).padStart(2, '0')}`
const classOfColour = new Map(tokenKinds.map((kind, index) => [placeholderColour(index), `wd-t-${kind}`]))

const classTheme: ThemeRegistrationRaw = {
  name: 'windbg-classes',
  type: 'light',
  settings: [
    { settings: { foreground: '#000000', background: '#ffffff' } },
    ...tokenKinds.map((kind, index) => ({ scope: WINDBG_SCOPES[kind], settings: { foreground: placeholderColour(index) } })),
  ],
}

/**
 * Each line goes to the grammar from the initial state, and the class comes straight from the
 * token's colour index: no themed-token objects. The regex engine is Shiki's JavaScript one, so
 * no WebAssembly is loaded.
 */
export async function createShikiWindbgHighlighter(): Promise<WindbgHighlighter> {
  const core = await createHighlighterCore({
    themes: [classTheme],
    langs: [windbgLanguage],
    engine: createJavaScriptRegexEngine({ forgiving: true }),
  })
  const { colorMap } = core.setTheme('windbg-classes')
  const classOfIndex = colorMap.map((colour) => classOfColour.get(colour.toLowerCase()))
  const grammar = core.getLanguage('windbg')

  return perDistinctLine((line) => {
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
  })
}
