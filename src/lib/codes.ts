// Spellings and URLs of bugcheck codes: plain functions of the number, with no catalog data, so
// browser code can use them without bundling the catalog.

/** `0x20` → 32; `0x00000020` → 32; anything that is not a `0x` hex string → undefined. */
export function parseHexCode(text: string): number | undefined {
  const match = /^0x([0-9a-f]{1,8})$/i.exec(text.trim())
  return match ? Number.parseInt(match[1] as string, 16) : undefined
}

/** The canonical short form used in URLs and frontmatter: lower-case hex, no padding (`0x1e`). */
export function canonicalCode(code: number): string {
  return `0x${code.toString(16)}`
}

/** The code page's path, the one canonical URL of a code: `/bugchecks/0x1e/`. */
export function codePath(code: number): string {
  return `/bugchecks/${canonicalCode(code)}/`
}

/** Eight-digit form as WinDbg's `BUGCHECK_CODE` and Microsoft's docs print it: `0x0000001E`. */
export function paddedCode(code: number): string {
  return `0x${code.toString(16).toUpperCase().padStart(8, '0')}`
}

/**
 * The spellings a person meets for a code, upper-case as dumps print them: `0x1E`, `0x0000001E`,
 * `1E`. Search ignores case and normalises queries to the padded form; these are for reading.
 */
export function codeSpellings(code: number): string[] {
  const hex = code.toString(16).toUpperCase()
  return [...new Set([`0x${hex}`, paddedCode(code), hex])]
}

/** `KERNEL_APC_PENDING_DURING_EXIT` → `kernel apc pending during exit`. */
export function spacedName(name: string): string {
  return name.toLowerCase().replace(/_/g, ' ')
}
