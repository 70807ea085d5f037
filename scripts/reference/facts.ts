// The facts of Microsoft's parameter tables, as scripts/reference/extract-facts.ts writes them to
// tests/fixtures/reference/ms-facts.json and the coverage check reads them.

export interface RowFact {
  /** The table's line in Microsoft's page. */
  line: number
  parameter: number
  values: string[]
  /** Conditions on other parameters (the row applies only when parameter 1 is 0x8, ...). */
  when?: Record<string, string[]>
  /** No parameter selects the row: the debugger's message tells it apart (0xD2). */
  byMessage?: true
  /**
   * Where Microsoft wrote the values without `0x` and all in decimal digits (0x139's fast-fail
   * codes 0 to 39), their decimal reading: the coverage test accepts either.
   */
  decimal?: string[]
  /** What the row says of the other parameters: described, reserved, or the value 0. */
  cells?: Record<string, CellKind>
}

export type CellKind = 'described' | 'reserved' | 'zero'

export interface CodeFacts {
  code: string
  name: string
  learnUrl: string
  /** Microsoft's page; absent for the one code it has no text for. */
  source?: string
  paramCount: number | null
  sameAs?: string
  /** Parameters with a row in the per-parameter table. */
  described: number[]
  /** Of those, the ones marked reserved. */
  reserved: number[]
  /** Parameters whose per-parameter row lists two or more values. */
  listsValues: number[]
  /** Rows of the subtype tables (keyed by a parameter's value). */
  subtypeRows: RowFact[]
  /**
   * Values listed by the other tables (values of one parameter: 0x109's Parameter 4, 0xFE's
   * time-out codes), as written: the coverage test reads each as hex or, where it could be, decimal.
   */
  listedValues: { line: number; values: string[] }[]
}

export interface FactsFile {
  /** The windows-driver-docs commit the facts were read from. */
  commit: string
  codes: CodeFacts[]
}
