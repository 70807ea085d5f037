import { getCollection, type CollectionEntry } from 'astro:content'

type Entry = CollectionEntry<'docs'>

/** A runbook entry: the schema makes `bugcheck`, `summary` and `updated` required for these. */
export type Runbook = Entry & { data: Entry['data'] & { bugcheck: string; summary: string; updated: Date } }

function isRunbook(entry: Entry): entry is Runbook {
  return entry.data.kind === 'runbook' && entry.data.bugcheck !== undefined && entry.data.summary !== undefined && entry.data.updated !== undefined
}

/** `runbooks/0x20-kmutex-not-released` → `0x20-kmutex-not-released`: what `related` names. */
export function runbookSlug(runbook: Runbook): string {
  return runbook.id.replace(/^runbooks\//, '')
}

export function runbookPath(runbook: Runbook): string {
  return `/${runbook.id}/`
}

let all: Promise<Runbook[]> | undefined

/** Every runbook, newest first (by `updated`, then title). Loaded once per build. */
export function allRunbooks(): Promise<Runbook[]> {
  all ??= getCollection('docs').then((entries) =>
    entries.filter(isRunbook).sort(
      (a, b) => b.data.updated.getTime() - a.data.updated.getTime() || a.data.title.localeCompare(b.data.title),
    ),
  )
  return all
}

let byCode: Promise<Map<string, Runbook[]>> | undefined

/**
 * Runbooks per canonical code (`0x20`); articles about no single bugcheck are under `none`.
 * Built once: every code page asks for it.
 */
export function runbooksByCode(): Promise<Map<string, Runbook[]>> {
  byCode ??= allRunbooks().then((runbooks) => {
    const map = new Map<string, Runbook[]>()
    for (const runbook of runbooks) {
      const list = map.get(runbook.data.bugcheck) ?? []
      list.push(runbook)
      map.set(runbook.data.bugcheck, list)
    }
    return map
  })
  return byCode
}
