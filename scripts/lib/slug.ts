/**
 * File names of runbooks: lower-case words joined by hyphens. Astro makes the page URL from the
 * file name by lower-casing it and replacing what is not a letter or digit, while `related`
 * entries name the file as written, so only a name that is already in this form means the same in
 * both places.
 */
export const RE_CLEAN_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const MAX_SLUG = 70

/** `"USB hub: a power IRP blocked"` → `usb-hub-a-power-irp-blocked`. Cut at a word under 70 characters. */
export function kebab(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > MAX_SLUG && slug) break
    slug = next.slice(0, MAX_SLUG)
  }
  return slug
}

export function isCleanSlug(slug: string): boolean {
  return RE_CLEAN_SLUG.test(slug)
}
