// The entry of the bundled WinDbg script: the reference (put in by the build) and WinDbg's `host`.
import document from 'runbook:reference'
import type { ApiDocument } from '../api.ts'
import { initializeScript as initialize, type DebuggerHost } from './runbook.ts'

declare const host: DebuggerHost

export function initializeScript(): unknown[] {
  return initialize(document as ApiDocument, host)
}
