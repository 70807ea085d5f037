/** Splits text into lines on LF, CRLF or CR, dropping one final empty line left by a trailing newline. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/)
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines
}
