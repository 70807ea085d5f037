import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'

/**
 * The page title is a runbook's only `<h1>`. Write-ups like the seed use `#` for their sections;
 * where a body has any `#` heading, every heading moves one level down, so the outline keeps its
 * shape under the title. (`npm run check` also points these headings out.)
 */
export function remarkSingleH1() {
  return function demoteHeadings(tree: Root): undefined {
    let hasH1 = false
    visit(tree, 'heading', (node) => {
      if (node.depth === 1) hasH1 = true
    })
    if (!hasH1) return
    visit(tree, 'heading', (node) => {
      if (node.depth < 6) node.depth = (node.depth + 1) as typeof node.depth
    })
  }
}
