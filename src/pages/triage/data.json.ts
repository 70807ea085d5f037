// What the triage page needs from the build, fetched once when the page loads: every catalog
// code's name, and for codes that have runbooks, the runbooks and their parameter docs. Kept out
// of the page's HTML so the page stays the same size as the knowledge base grows.
import type { APIRoute } from 'astro'
import { catalog, canonicalCode, numberOf, parseHexCode } from '../../lib/catalog.ts'
import { runbookPath, runbooksByCode } from '../../lib/runbooks.ts'
import type { CodeRunbooks, TriageData } from '../../lib/triage.ts'

export const GET: APIRoute = async () => {
  const names: TriageData['names'] = {}
  const sameAs: TriageData['sameAs'] = {}
  for (const entry of catalog) {
    const code = canonicalCode(numberOf(entry))
    names[code] = entry.name
    const base = entry.paramsSameAs === undefined ? undefined : parseHexCode(entry.paramsSameAs)
    if (base !== undefined) sameAs[code] = canonicalCode(base)
  }
  const codes: TriageData['codes'] = {}
  for (const [code, runbooks] of await runbooksByCode()) {
    if (code === 'none') continue
    const entry: CodeRunbooks = {
      runbooks: runbooks.map((runbook) => ({ title: runbook.data.title, url: runbookPath(runbook), summary: runbook.data.summary })),
    }
    // The same choice as the code page: the first runbook that documents the parameters.
    const documented = runbooks.findIndex((runbook) => runbook.data.parameters.length > 0)
    const source = runbooks[documented]
    if (source) {
      entry.docsFrom = documented
      entry.docs = { parameters: source.data.parameters, subtypes: source.data.subtypes }
    }
    codes[code] = entry
  }
  const data: TriageData = {
    names,
    sameAs,
    codes,
  }
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
}
