// The triage page's behaviour: decode what is pasted, typed, opened or dropped, and what a shared
// link's hash holds. Everything runs here; the only request is the page's data, made on load.
import { splitLines } from 'bugcheck-reference'
import { triage } from 'bugcheck-reference/triage'
import { fetchTriageData } from './data.ts'
import { renderBugcheck, renderResult, type RenderContext } from './render.ts'
import { isShareHash, readDecodeQuery, readShareHash } from './share.ts'

// Larger files are no debugger output a person pastes, and would make the text area crawl.
const MAX_FILE_BYTES = 5 * 1024 * 1024
const RE_TEXT_FILE = /\.(?:txt|log)$/i

const tool = document.getElementById('triage-tool') as HTMLFormElement
const input = document.getElementById('triage-input') as HTMLTextAreaElement
const fileInput = document.getElementById('triage-file') as HTMLInputElement
const clear = document.getElementById('triage-clear') as HTMLButtonElement
const status = document.getElementById('triage-status') as HTMLElement
const output = document.getElementById('triage-result') as HTMLElement

const data = fetchTriageData(tool.dataset['source'] ?? '/api/bugchecks.json')
const pageUrl = location.origin + location.pathname
const context: RenderContext = { data: undefined, pageUrl, announce }
// Renders are asynchronous (they wait for the data once): only the latest may show.
let latest = 0

function announce(message: string): void {
  status.textContent = message
}

async function ready(): Promise<number> {
  const ticket = ++latest
  context.data = await data
  tool.dataset['ready'] = ''
  return ticket
}

async function decodePaste(): Promise<void> {
  const text = input.value
  const result = triage(text)
  const ticket = await ready()
  if (ticket !== latest) return
  // The shown result is now the paste's: drop a shared link's hash, which would say otherwise.
  if (isShareHash(location.hash)) history.replaceState(null, '', pageUrl + location.search)
  const { view, summary } = renderResult(result, splitLines(text).length, context)
  output.replaceChildren(...(view ? [view] : []))
  announce(summary)
}

async function decodeHash(): Promise<void> {
  if (!isShareHash(location.hash)) return
  const bugcheck = readShareHash(location.hash)
  const ticket = await ready()
  if (ticket !== latest) return
  if (!bugcheck) {
    output.replaceChildren()
    announce('This link holds no result triage can read: a shared link looks like /triage/#code=0x20&p=0,ffff,0,1.')
    return
  }
  output.replaceChildren(renderBugcheck(bugcheck, {}, [], context, { shared: true }))
  const name = context.data?.index.get(bugcheck.code)?.name
  announce(`Shared result: bugcheck ${bugcheck.hex}${name ? ` ${name}` : ''}.`)
}

async function openFile(file: File | undefined): Promise<void> {
  if (!file) return
  if (!RE_TEXT_FILE.test(file.name) && !file.type.startsWith('text/')) {
    announce(`${file.name} is not a text file: open the .txt or .log file the debugger output was saved to.`)
    return
  }
  if (file.size > MAX_FILE_BYTES) {
    announce(`${file.name} is over 5 MB: paste the !analyze -v output alone.`)
    return
  }
  // Read here, in the browser: the file is never uploaded.
  input.value = await file.text()
  await decodePaste()
}

let timer: ReturnType<typeof setTimeout> | undefined
input.addEventListener('input', () => {
  clearTimeout(timer)
  timer = setTimeout(() => void decodePaste(), 150)
})
tool.addEventListener('submit', (event) => {
  event.preventDefault()
  clearTimeout(timer)
  void decodePaste()
})
clear.addEventListener('click', () => {
  input.value = ''
  fileInput.value = ''
  void decodePaste()
  input.focus()
})
fileInput.addEventListener('change', () => void openFile(fileInput.files?.[0]))
input.addEventListener('dragover', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return
  event.preventDefault()
  input.classList.add('dragging')
})
input.addEventListener('dragleave', () => input.classList.remove('dragging'))
input.addEventListener('drop', (event) => {
  input.classList.remove('dragging')
  const file = event.dataTransfer?.files[0]
  if (!file) return
  event.preventDefault()
  void openFile(file)
})
window.addEventListener('hashchange', () => void decodeHash())

/** Values sent by a code page's decode form (`?code=0x9f&p1=3`): decoded as a shared result is. */
async function decodeQuery(): Promise<void> {
  const bugcheck = readDecodeQuery(location.search)
  const ticket = await ready()
  if (ticket !== latest) return
  if (!bugcheck) {
    announce('The values in this address are not hex values: go back and check them.')
    return
  }
  output.replaceChildren(renderBugcheck(bugcheck, {}, [], context, { shared: true }))
  const name = context.data?.index.get(bugcheck.code)?.name
  announce(`Decoded values for bugcheck ${bugcheck.hex}${name ? ` ${name}` : ''}.`)
}

tool.hidden = false
if (isShareHash(location.hash)) void decodeHash()
else if (new URLSearchParams(location.search).has('code')) void decodeQuery()
else if (input.value) void decodePaste() // text the browser restored on back/forward
else void ready()
