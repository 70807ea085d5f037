// The triage page's data: the bugcheck reference (`/api/bugchecks.json`), fetched once as the
// page loads and never later, so that nothing about a paste leaves the browser. Without it the
// page still decodes, with the debugger's own parameter descriptions and without names or runbooks.
import { indexReference, isApiDocument, type ApiCode, type BugcheckReference, type ReferenceIndex, type RunbookLink } from 'bugcheck-reference'

export interface TriageReference {
  index: ReferenceIndex
  runbooks(entry: BugcheckReference): RunbookLink[]
}

export async function fetchTriageData(url: string): Promise<TriageReference | undefined> {
  try {
    const response = await fetch(url)
    const data: unknown = response.ok ? await response.json() : undefined
    if (!isApiDocument(data)) return undefined
    return { index: indexReference(data.codes), runbooks: (entry) => (entry as ApiCode).runbooks ?? [] }
  } catch {
    return undefined
  }
}
