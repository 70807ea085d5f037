// The WinDbg grammar run directly, without a TextMate engine. The grammar is single-line `match`
// rules with captures (its tests hold it to that), so a line tokenises by TextMate's own rule:
// at each position take the rule whose next match starts first (the earlier rule on a tie), give
// the match and its captures their scopes, go on after it. Each rule's next match is remembered
// until the position passes it, so a rule scans a line about once: this is what makes output
// highlighting cheap. The tests hold its tokens equal to Shiki's on every real line.
import { toRegExp } from 'oniguruma-to-es'
import type { Token } from './highlight.ts'

// The grammar is written for Oniguruma, as TextMate runs it: its patterns are translated the way
// Shiki's JavaScript engine translates them, so both read them alike.
function compileRegex(pattern: string): RegExp {
  return toRegExp(pattern, {
    global: true,
    hasIndices: true,
    rules: { allowOrphanBackrefs: true, asciiWordBoundaries: true, captureGroup: true, recursionLimit: 5, singleline: true },
  })
}

interface RawRule {
  include?: string
  match?: string
  name?: string
  captures?: Record<string, { name?: string; patterns?: RawRule[] }>
  patterns?: RawRule[]
}

export interface RawGrammar {
  patterns: RawRule[]
  repository: Record<string, RawRule>
}

interface Capture {
  scope?: string
  rules?: Rule[]
}

interface Rule {
  regex: RegExp
  scope?: string
  captures: (Capture | undefined)[]
}

/** Scope → class: the class of the innermost scope that has one, as a theme resolves colours. */
export type ClassOfScope = (scope: string) => string | undefined

function compileRules(rules: readonly RawRule[], grammar: RawGrammar): Rule[] {
  const compiled: Rule[] = []
  for (const rule of rules) {
    if (rule.include) {
      const target = grammar.repository[rule.include.replace(/^#/, '')]
      if (!target) throw new Error(`unknown grammar rule ${rule.include}`)
      compiled.push(...compileRules([target], grammar))
      continue
    }
    if (rule.patterns && !rule.match) {
      compiled.push(...compileRules(rule.patterns, grammar))
      continue
    }
    if (!rule.match) continue
    const captures: (Capture | undefined)[] = []
    for (const [key, capture] of Object.entries(rule.captures ?? {})) {
      const entry: Capture = {}
      if (capture.name) entry.scope = capture.name
      if (capture.patterns) entry.rules = compileRules(capture.patterns, grammar)
      captures[Number(key)] = entry
    }
    // Indices of each group; a search from any position of the line, so lookbehind sees what
    // comes before it.
    const compiledRule: Rule = { regex: compileRegex(rule.match), captures }
    if (rule.name) compiledRule.scope = rule.name
    compiled.push(compiledRule)
  }
  return compiled
}

type Indices = [number, number] | undefined

/** Scans `line` from `start` to `end` with `rules`, painting each character's class into `classes`. */
function scan(line: string, start: number, end: number, rules: readonly Rule[], classes: (string | undefined)[], classOf: ClassOfScope, inherited: string | undefined): void {
  const text = end === line.length ? line : line.slice(0, end)
  const next: (RegExpExecArray | null | undefined)[] = new Array(rules.length)
  let position = start
  while (position < end) {
    let best = -1
    let bestMatch: RegExpExecArray | null = null
    for (let index = 0; index < rules.length; index++) {
      let found = next[index]
      if (found === undefined || (found !== null && found.index < position)) {
        const regex = (rules[index] as Rule).regex
        regex.lastIndex = position
        found = regex.exec(text)
        next[index] = found
      }
      if (found && (bestMatch === null || found.index < bestMatch.index)) {
        best = index
        bestMatch = found
      }
    }
    if (!bestMatch || best < 0) break
    const rule = rules[best] as Rule
    const matchEnd = bestMatch.index + bestMatch[0].length
    const ruleClass = (rule.scope && classOf(rule.scope)) || inherited
    for (let column = bestMatch.index; column < matchEnd; column++) classes[column] = ruleClass
    const indices = (bestMatch as RegExpExecArray & { indices?: Indices[] }).indices ?? []
    rule.captures.forEach((capture, group) => {
      const range = indices[group]
      if (!capture || !range || range[1] <= range[0]) return
      const captureClass = (capture.scope && classOf(capture.scope)) || ruleClass
      if (capture.scope) for (let column = range[0]; column < range[1]; column++) classes[column] = captureClass
      if (capture.rules) scan(line, range[0], range[1], capture.rules, classes, classOf, captureClass)
    })
    // An empty match moves on by one character, as TextMate does.
    position = matchEnd > position ? matchEnd : position + 1
  }
}

/**
 * A line tokeniser for a grammar of single-line `match` rules: tokens of the same class merged,
 * plain text as tokens without a class.
 */
export function compileScanner(grammar: RawGrammar, classOf: ClassOfScope): (line: string) => Token[] {
  const rules = compileRules(grammar.patterns, grammar)
  return (line) => {
    if (line === '') return []
    // TextMate matches each line with its line break, which `$` and `[^ ]` can see.
    const text = `${line}\n`
    const classes: (string | undefined)[] = new Array(text.length)
    scan(text, 0, text.length, rules, classes, classOf, undefined)
    const tokens: Token[] = []
    let from = 0
    for (let column = 1; column <= line.length; column++) {
      if (column < line.length && classes[column] === classes[from]) continue
      const className = classes[from]
      tokens.push(className ? { content: line.slice(from, column), className } : { content: line.slice(from, column) })
      from = column
    }
    return tokens
  }
}
