/** How much a finding matters: errors fail `npm run check`; warnings and notes are for the author. */
export type Severity = 'error' | 'warning' | 'info'

/** The kinds of finding, one per thing a reviewer would otherwise point out. */
export type FindingKind =
  | 'frontmatter' // YAML that does not parse, or a field the schema refuses
  | 'unknown-field' // a frontmatter field the site does not read (often a typo)
  | 'file-name' // a file name that is not its URL, or names another code
  | 'duplicate-title'
  | 'parameter-count' // more or fewer parameters than the catalog gives the code
  | 'bugcheck-mismatch' // the transcripts name another code than `bugcheck`
  | 'transcript' // a `windbg` fence with no prompt and no bugcheck in it
  | 'fence-meta' // transcript annotations that do not apply
  | 'untagged-transcript' // debugger output the site will not render as a transcript
  | 'link' // an internal link to no page
  | 'image' // an image that is not there
  | 'heading' // a `#` heading in the body
  | 'placeholder' // text left from `npm run new` or `npm run import`

export interface Finding {
  /** The file as given to the check. */
  file: string
  /** 1-based line. */
  line: number
  severity: Severity
  kind: FindingKind
  /** What is wrong. */
  message: string
  /** How to fix it. */
  fix: string
}

/** What the checks need to know beyond the article itself. */
export interface CheckContext {
  /** Every runbook's file name without extension: what `related` and `/runbooks/<slug>/` may name. */
  runbookSlugs: ReadonlySet<string>
  /** Each runbook's title, by file, to find duplicates. */
  titles: ReadonlyMap<string, string>
  /** Whether a site path other than a runbook or code page exists: a page in `src/pages` or a file in `public/`. */
  sitePath: (path: string) => 'page' | 'file' | 'endpoint' | undefined
  /** Whether a file exists (images next to an article). */
  exists: (path: string) => boolean
}
