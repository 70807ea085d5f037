// remark-windbg's script. Transcripts fold and show tooltips without it; it only adds what needs a
// script: copying a command, expanding or collapsing every step, Escape to dismiss a tooltip, and
// opening a folded step when a link or printing asks for it.
// @ts-check

/** @param {Element | null} target */
function openAncestors(target) {
  for (let node = target?.closest('details'); node; node = node.parentElement?.closest('details') ?? null) {
    node.open = true
  }
}

function openFromHash() {
  const id = decodeURIComponent(location.hash.slice(1))
  const target = id ? document.getElementById(id) : null
  if (!target?.closest('.wd-transcript')) return
  openAncestors(target)
  const details = target.closest('details') ?? target.querySelector('details')
  if (details) details.open = true
  target.scrollIntoView({ block: 'start' })
}

/** @param {HTMLButtonElement} button */
async function copyCommand(button) {
  const text = button.dataset['copy'] ?? ''
  try {
    await navigator.clipboard.writeText(text)
    button.textContent = 'Copied'
  } catch {
    button.textContent = 'Copy failed'
  }
  setTimeout(() => (button.textContent = 'Copy'), 1500)
}

function setUp() {
  for (const hidden of document.querySelectorAll('.wd-transcript .wd-controls[hidden], .wd-transcript .wd-copy[hidden]')) {
    hidden.removeAttribute('hidden')
  }
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null
    if (!button?.closest('.wd-transcript')) return
    if (button.classList.contains('wd-copy')) void copyCommand(/** @type {HTMLButtonElement} */ (button))
    const expand = button.classList.contains('wd-expand')
    if (expand || button.classList.contains('wd-collapse')) {
      for (const details of button.closest('.wd-transcript')?.querySelectorAll('details') ?? []) details.open = expand
    }
  })
  // WCAG 1.4.13: a tooltip shown on hover or focus can be dismissed without moving either.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return
    for (const tip of document.querySelectorAll('.wd-tip:hover, .wd-tip:focus-within')) tip.classList.add('wd-dismissed')
  })
  for (const type of ['mouseout', 'focusout']) {
    document.addEventListener(type, (event) => {
      const tip = event.target instanceof Element ? event.target.closest('.wd-tip') : null
      if (tip && !tip.matches(':hover, :focus-within')) tip.classList.remove('wd-dismissed')
    })
  }
  window.addEventListener('hashchange', openFromHash)
  openFromHash()
  // Print every step, then give the reader back the folds they had.
  /** @type {HTMLDetailsElement[]} */
  let folded = []
  window.addEventListener('beforeprint', () => {
    folded = [...document.querySelectorAll('.wd-transcript details:not([open])')].map((details) => {
      const element = /** @type {HTMLDetailsElement} */ (details)
      element.open = true
      return element
    })
  })
  window.addEventListener('afterprint', () => {
    for (const details of folded) details.open = false
    folded = []
  })
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp)
else setUp()
