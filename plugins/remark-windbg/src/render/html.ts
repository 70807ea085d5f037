// HTML for the plugin's own trees, written straight to strings. The transcript renderer makes
// many small elements of a handful of shapes; serialising them with a general hast serialiser
// (and building them as objects at all, for output lines) was most of its cost. This writes the
// same bytes hast-util-to-html writes for these shapes, so the two outputs are interchangeable.
import type { Element, ElementContent, Properties } from 'hast'

const RE_TEXT = /[<&]/g
const RE_ATTRIBUTE = /["&'`\u0000]/g
const TEXT_ESCAPES: Record<string, string> = { '<': '&#x3C;', '&': '&#x26;' }
const ATTRIBUTE_ESCAPES: Record<string, string> = { '"': '&#x22;', '&': '&#x26;', "'": '&#x27;', '`': '&#x60;', '\u0000': '&#x0;' }

/** Text as hast-util-to-html escapes it in content: `<` and `&`. */
export function escapeText(text: string): string {
  return RE_TEXT.test(text) ? text.replace(RE_TEXT, (char) => TEXT_ESCAPES[char] as string) : text
}

/** A double-quoted attribute value as hast-util-to-html escapes it. */
export function escapeAttribute(value: string): string {
  RE_ATTRIBUTE.lastIndex = 0
  return RE_ATTRIBUTE.test(value) ? value.replace(RE_ATTRIBUTE, (char) => ATTRIBUTE_ESCAPES[char] as string) : value
}

// Property names of hast to attribute names, for the properties this plugin sets.
const ATTRIBUTES: Record<string, string> = {
  className: 'class',
  tabIndex: 'tabindex',
  popoverTarget: 'popovertarget',
}

const cachedNames = new Map<string, string>()

function attributeName(property: string): string {
  let name = cachedNames.get(property)
  if (name === undefined) {
    // `ariaDescribedBy` → `aria-describedby`, `dataPagefindIgnore` → `data-pagefind-ignore`.
    name =
      ATTRIBUTES[property] ??
      (property.startsWith('aria')
        ? `aria-${property.slice(4).toLowerCase()}`
        : property.startsWith('data')
          ? `data${property.slice(4).replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`
          : property.toLowerCase())
    cachedNames.set(property, name)
  }
  return name
}

const VOID = new Set(['link', 'meta', 'br', 'hr', 'img', 'input'])

function attributes(properties: Properties): string {
  let html = ''
  for (const key in properties) {
    const value = properties[key]
    if (value === undefined || value === null || value === false) continue
    const name = attributeName(key)
    if (value === true) html += ` ${name}`
    else html += ` ${name}="${escapeAttribute(Array.isArray(value) ? value.join(' ') : String(value))}"`
  }
  return html
}

/** A hast `raw` node: HTML passed through as it is. */
export interface RawNode {
  type: 'raw'
  value: string
}

const pieces = new WeakMap<RawNode, readonly string[]>()

/**
 * A `raw` node made of pieces of HTML. Its `value` is joined on first read, for hast tools;
 * {@link writeHtml} takes the pieces as they are. A transcript's output is most of a page's
 * bytes, and every join copies all of it.
 */
export function rawPieces(parts: readonly string[]): RawNode {
  let joined: string | undefined
  const node = {
    type: 'raw' as const,
    get value(): string {
      joined ??= parts.join('')
      return joined
    },
  }
  pieces.set(node, parts)
  return node
}

type Node = Element | ElementContent | RawNode

/** Appends a node's HTML to `out`, piece by piece, for one join of the whole page. */
export function writeHtml(node: Node, out: string[]): void {
  write(node, out)
}

function write(node: Node, out: string[]): void {
  switch (node.type) {
    case 'text':
      out.push(escapeText(node.value))
      return
    case 'raw': {
      const parts = pieces.get(node as RawNode)
      if (parts) for (const part of parts) out.push(part)
      else out.push(node.value)
      return
    }
    case 'element':
      out.push(`<${node.tagName}${attributes(node.properties)}>`)
      if (VOID.has(node.tagName)) return
      for (const child of node.children) write(child as Node, out)
      out.push(`</${node.tagName}>`)
      return
    default:
      return
  }
}

/** The HTML of a node of the plugin's trees: elements, text, and `raw` (already HTML). */
export function toHtml(node: Node): string {
  const out: string[] = []
  write(node, out)
  return out.join('')
}

/** `<span class="…">` opening tags, built once per class. */
const spanOpenings = new Map<string, string>()

/** A token of output: its text in a span of its class, or bare. */
export function tokenHtml(text: string, className: string | undefined): string {
  if (!className) return escapeText(text)
  let open = spanOpenings.get(className)
  if (open === undefined) {
    open = `<span class="${escapeAttribute(className)}">`
    spanOpenings.set(className, open)
  }
  return `${open}${escapeText(text)}</span>`
}
