// The published form of the reference: `/api/bugchecks.json` on the site, `bugcheck-reference/data`
// in the package, the data inside the WinDbg script. One code's entry is the same everywhere.
import type { BugcheckReference } from './model.ts'
import type { RunbookLink } from './triage.ts'

/** One code as published: the reference entry, its eight-digit form and the site's runbooks for it. */
export interface ApiCode extends BugcheckReference {
  /** `0x0000009F`, as WinDbg and Microsoft print it. */
  padded: string
  runbooks: RunbookLink[]
}

export interface ApiDocument {
  about: string
  /** The site the URLs are relative to, where the document was built for one. */
  site?: string
  /** Where the facts come from, and their license. */
  source: string
  license: string
  codes: ApiCode[]
}

export const API_ABOUT =
  'Bugcheck reference of Bugcheck Runbooks: every documented Windows bugcheck code, its parameters, subtypes and how to decode them. Descriptions are the project’s own; the facts (which parameter holds what, value lists, names, numbers) come from Microsoft’s bug check reference.'
export const API_SOURCE = 'Microsoft windows-driver-docs, bug check code reference (https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-code-reference2), CC BY 4.0'
export const API_LICENSE = 'CC BY 4.0'

export function toApiCode(entry: BugcheckReference, runbooks: readonly RunbookLink[]): ApiCode {
  return { ...entry, padded: `0x${entry.number.toString(16).toUpperCase().padStart(8, '0')}`, runbooks: [...runbooks] }
}

export function toApiDocument(codes: readonly ApiCode[]): ApiDocument {
  return { about: API_ABOUT, source: API_SOURCE, license: API_LICENSE, codes: [...codes] }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** Whether fetched JSON is an {@link ApiDocument} (its outline: codes with numbers, names and parameters). */
export function isApiDocument(value: unknown): value is ApiDocument {
  if (!isRecord(value) || !Array.isArray(value['codes'])) return false
  return value['codes'].every(
    (code) => isRecord(code) && typeof code['number'] === 'number' && typeof code['name'] === 'string' && Array.isArray(code['parameters']) && Array.isArray(code['subtypes']) && Array.isArray(code['runbooks']),
  )
}
