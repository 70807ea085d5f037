// A sentence of the reference for the DOM, its `backticks` as `<code>`, as the code page's tables
// show it: the triage page and the decode form both print the reference's sentences. Everything
// goes in as text; only the code spans become elements.
import { proseSpans } from 'bugcheck-reference'

export function proseNodes(text: string): (Node | string)[] {
  return proseSpans(text).map((span) => {
    if (!span.code) return span.text
    const code = document.createElement('code')
    code.textContent = span.text
    return code
  })
}
