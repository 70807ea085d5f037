// The triage page's data (`/triage/data.json`), fetched once as the page loads and never later,
// so that nothing leaves the browser after a paste. Without it the page still decodes, with the
// debugger's own parameter descriptions and without names or runbooks.
import type { TriageData } from '../../lib/triage.ts'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isTriageData(value: unknown): value is TriageData {
  return (
    isRecord(value) &&
    isRecord(value['names']) &&
    isRecord(value['sameAs']) &&
    isRecord(value['codes'])
  )
}

export async function fetchTriageData(url: string): Promise<TriageData | undefined> {
  try {
    const response = await fetch(url)
    const data: unknown = response.ok ? await response.json() : undefined
    return isTriageData(data) ? data : undefined
  } catch {
    return undefined
  }
}
