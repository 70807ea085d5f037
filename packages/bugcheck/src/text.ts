/** Splits text into lines on LF, CRLF or CR, dropping one final empty line left by a trailing newline. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/)
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** A piece of a sentence of the reference: plain text, or code (a command, a structure name). */
export interface ProseSpan {
  text: string
  code: boolean
}

/**
 * A sentence of the reference in pieces: `backticks` mark code, as in Markdown. Every reader shows
 * the same sentence, so each splits it here; an unpaired backtick stays as text.
 */
export function proseSpans(text: string): ProseSpan[] {
  return text
    .split(/`([^`]+)`/)
    .map((piece, index) => ({ text: piece, code: index % 2 === 1 }))
    .filter((span) => span.text !== '')
}
