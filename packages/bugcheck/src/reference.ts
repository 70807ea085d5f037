// Looking codes up in the compiled reference, and merging what an article says with it.
import type { BugcheckReference, ParameterDocs } from './model.ts'

/** Fast lookups over the reference, by number and by name, following `_M` variants. */
export interface ReferenceIndex {
  codes: readonly BugcheckReference[]
  get(code: number): BugcheckReference | undefined
  byName(name: string): BugcheckReference | undefined
  /** The code's parameter documentation; an `_M` variant gets the documentation of its code. */
  docs(code: number): ParameterDocs
  /** The code whose parameters a variant shares, or the code itself. */
  parametersOf(code: number): BugcheckReference | undefined
}

export function indexReference(codes: readonly BugcheckReference[]): ReferenceIndex {
  const byNumber = new Map<number, BugcheckReference>()
  const byName = new Map<string, BugcheckReference>()
  for (const entry of codes) {
    byNumber.set(entry.number, entry)
    byName.set(entry.name, entry)
  }
  const parametersOf = (code: number) => {
    const entry = byNumber.get(code)
    return entry?.sameAs ? (byNumber.get(Number.parseInt(entry.sameAs.slice(2), 16)) ?? entry) : entry
  }
  return {
    codes,
    get: (code) => byNumber.get(code),
    byName: (name) => byName.get(name.trim().toUpperCase()),
    parametersOf,
    docs: (code) => {
      const entry = parametersOf(code)
      return entry ? { parameters: entry.parameters, subtypes: entry.subtypes } : { parameters: [], subtypes: [] }
    },
  }
}

/**
 * An article's documentation on top of the reference's: its parameters replace the reference's
 * of the same number, and its subtypes are matched first.
 */
export function mergeDocs(reference: ParameterDocs, article: ParameterDocs): ParameterDocs {
  if (article.parameters.length === 0 && article.subtypes.length === 0) return reference
  const own = new Set(article.parameters.map((parameter) => parameter.index))
  return {
    parameters: [...article.parameters, ...reference.parameters.filter((parameter) => !own.has(parameter.index))].sort((a, b) => a.index - b.index),
    subtypes: [...article.subtypes, ...reference.subtypes],
  }
}

