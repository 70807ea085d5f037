import type { Element, ElementContent, Properties } from 'hast'

type Child = ElementContent | string
type Children = Child | Child[]

const selectors = new Map<string, { tagName: string; classes: string[] }>()

function parseSelector(selector: string): { tagName: string; classes: string[] } {
  let parsed = selectors.get(selector)
  if (!parsed) {
    const [tagName = 'div', ...classes] = selector.split('.')
    parsed = { tagName, classes }
    selectors.set(selector, parsed)
  }
  return parsed
}

const NODE_TYPES = new Set(['element', 'text', 'comment'])

/** Children, not properties: a string, a list, or a node (properties may have a `type` too: `{ type: 'button' }`). */
function isChildren(value: unknown): value is Children {
  if (typeof value === 'string' || Array.isArray(value)) return true
  return typeof value === 'object' && value !== null && NODE_TYPES.has(String((value as { type?: unknown }).type))
}

function toNodes(children: Children | undefined): ElementContent[] {
  if (children === undefined) return []
  const list = Array.isArray(children) ? children : [children]
  return list.map((child) => (typeof child === 'string' ? { type: 'text', value: child } : child))
}

/**
 * A hast element: `el('span.wd-tip', { id }, children)`. The renderer builds one per step, line
 * and value of output that can run to megabytes; hastscript's `h` parses its selector and looks up
 * every property name on each call, which showed in profiles. This takes a `tag.class` selector
 * (parsed once and cached) and properties already in hast form (`ariaLabel`, `dataPagefindIgnore`).
 */
export function el(selector: string, propertiesOrChildren?: Properties | Children, children?: Children): Element {
  const { tagName, classes } = parseSelector(selector)
  const hasProperties = propertiesOrChildren !== undefined && !isChildren(propertiesOrChildren)
  const { className: extra, ...rest }: Properties = hasProperties ? (propertiesOrChildren as Properties) : {}
  // The class goes first, as `h` puts it, so the HTML reads `<span class=… id=…>`.
  const properties: Properties =
    classes.length > 0 || extra !== undefined ? { className: [...classes, ...(Array.isArray(extra) ? (extra as string[]) : [])], ...rest } : rest
  return { type: 'element', tagName, properties, children: toNodes(hasProperties ? children : (propertiesOrChildren as Children | undefined)) }
}
