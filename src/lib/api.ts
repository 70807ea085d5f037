// The reference as the site publishes it (`/api/bugchecks.json`, `/api/bugchecks/0x9f.json`):
// every code with the runbooks that cover it. The code pages render from the same entries.
import { toApiCode, toApiDocument, type ApiCode, type ApiDocument } from 'bugcheck-reference'
import { reference } from './catalog.ts'
import { runbookPath, runbooksByCode } from './runbooks.ts'

let codes: Promise<ApiCode[]> | undefined

/** Every code with its runbooks, built once per build. */
export function apiCodes(): Promise<ApiCode[]> {
  codes ??= runbooksByCode().then((byCode) =>
    reference.map((entry) =>
      toApiCode(
        entry,
        (byCode.get(entry.code) ?? []).map((runbook) => ({ title: runbook.data.title, url: runbookPath(runbook), summary: runbook.data.summary })),
      ),
    ),
  )
  return codes
}

export async function apiDocument(): Promise<ApiDocument> {
  return toApiDocument(await apiCodes())
}

export function jsonResponse(value: unknown): Response {
  return new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
}
