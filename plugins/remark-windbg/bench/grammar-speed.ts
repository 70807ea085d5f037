/**
 * How fast the windbg grammar tokenizes a large transcript, with each regex engine, through
 * Shiki's `codeToTokens`; and, with the JavaScript engine, the grammar alone line by line
 * (`tokenizeLine2`, what Shiki's highlighter in `remark-windbg/shiki` does), the direct scanner the
 * plugin uses by default, and the plugin's highlighter itself (with its per-transcript line cache).
 *
 * Not a test: it prints figures and asserts nothing. Run from the repository root with Node 22:
 *
 *   node_modules/.bin/node plugins/remark-windbg/bench/grammar-speed.ts
 *
 * The input is the seed article's `!analyze -v` transcript repeated to about 2 MB. The seed lives
 * in `../shared` next to the repository; without it the grammar's sample is repeated instead.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createHighlighterCore, type HighlighterCore, type RegexEngine } from 'shiki/core'
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript'
import { createOnigurumaEngine } from 'shiki/engine/oniguruma'
import githubDark from 'shiki/themes/github-dark.mjs'
import { INITIAL } from 'shiki/textmate'
import { windbgLanguage } from '../src/grammar/index.ts'
import { classOfScope, createWindbgHighlighter } from '../src/render/highlight.ts'
import { compileScanner, type RawGrammar } from '../src/render/scanner.ts'

const TARGET_BYTES = 2 * 1024 * 1024
const RUNS = 5
const SEED = new URL('../../../../shared/seeds/0x20-kernel-apc-pending-during-exit.md', import.meta.url)
const SAMPLE = new URL('../src/grammar/windbg.sample', import.meta.url)

/** The fenced block of the seed that starts with the `!analyze -v` prompt. */
function analyzeTranscript(markdown: string): string | undefined {
  const fences = markdown.split(/^```[^\n]*\n/m)
  return fences.find((block) => /^\s*\d+: kd> !analyze -v/.test(block))?.split(/^```/m)[0]
}

function input(): { text: string; source: string } {
  const seed = existsSync(SEED) ? analyzeTranscript(readFileSync(SEED, 'utf8')) : undefined
  const unit = seed ?? readFileSync(SAMPLE, 'utf8')
  const source = seed ? 'seed !analyze -v transcript' : 'windbg.sample (seed not found)'
  const copies = Math.ceil(TARGET_BYTES / Buffer.byteLength(unit))
  return { text: unit.repeat(copies), source: `${source} x ${copies}` }
}

function megabytes(text: string): number {
  return Buffer.byteLength(text) / (1024 * 1024)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

async function measure(name: string, engine: RegexEngine | Promise<RegexEngine>, text: string): Promise<void> {
  const highlighter: HighlighterCore = await createHighlighterCore({
    langs: [windbgLanguage],
    themes: [githubDark],
    engine,
  })
  const options = { lang: 'windbg', theme: 'github-dark' }
  // Warm-up: compiles the regexes and lets the JIT settle, which would otherwise land in run one.
  highlighter.codeToTokens(text.slice(0, 64 * 1024), options)
  const seconds: number[] = []
  let tokens = 0
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    const result = highlighter.codeToTokens(text, options)
    seconds.push((performance.now() - start) / 1000)
    tokens = result.tokens.reduce((sum, line) => sum + line.length, 0)
  }
  const typical = median(seconds)
  const rate = (megabytes(text) / typical).toFixed(2).padStart(6)
  const runs = seconds.map((s) => (s * 1000).toFixed(0)).join(', ')
  console.log(
    `${name.padEnd(10)} ${rate} MB/s  median ${(typical * 1000).toFixed(0)} ms of ${RUNS} runs` +
      `  (runs: ${runs} ms; ${tokens} tokens)`,
  )
  highlighter.dispose()
}

const { text, source } = input()
console.log(`input: ${source}, ${megabytes(text).toFixed(2)} MB, ${text.split('\n').length} lines`)
await measure('oniguruma', createOnigurumaEngine(import('shiki/wasm')), text)
await measure('javascript', createJavaScriptRegexEngine(), text)

/** Times `work` over the text, median of RUNS runs after a warm-up, and prints MB/s. */
function report(name: string, text: string, work: () => void): void {
  work()
  const seconds: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    work()
    seconds.push((performance.now() - start) / 1000)
  }
  const typical = median(seconds)
  console.log(`${name.padEnd(22)} ${(megabytes(text) / typical).toFixed(2).padStart(6)} MB/s  median ${(typical * 1000).toFixed(0)} ms of ${RUNS} runs`)
}

const lines = text.split('\n')
const core = await createHighlighterCore({ langs: [windbgLanguage], themes: [githubDark], engine: createJavaScriptRegexEngine() })
const grammar = core.getLanguage('windbg')
report('tokenizeLine2 per line', text, () => {
  for (const line of lines) grammar.tokenizeLine2(line, INITIAL)
})
// The same grammar through the direct scanner the plugin uses, every line tokenised (no cache).
const scan = compileScanner(windbgLanguage as unknown as RawGrammar, classOfScope)
report('direct scanner per line', text, () => {
  for (const line of lines) scan(line)
})
// The input repeats one transcript, so the plugin's per-transcript line cache serves most lines:
// this figure is the cache's best case, the line above its worst.
const highlight = createWindbgHighlighter()
report('plugin highlighter', text, () => highlight(lines))
core.dispose()
