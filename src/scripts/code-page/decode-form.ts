// The code page's "decode these values" form, read as you type: the same decoder as the
// transcripts and triage, on this code's entry of the reference. What is typed stays here: the
// only request is the code's own entry, the same for every reader.
import { describeParameter, matchSubtypes, normaliseHex, parseU64, type ApiCode, type Architecture, type ParameterIndex } from 'bugcheck-reference'
import { proseNodes } from '../prose.ts'

const form = document.querySelector<HTMLFormElement>('form.decode-form')
const result = form?.querySelector<HTMLElement>('.decode-result')

let entry: Promise<ApiCode | undefined> | undefined

function load(code: string): Promise<ApiCode | undefined> {
  entry ??= fetch(`/api/bugchecks/${code}.json`)
    .then((response) => (response.ok ? (response.json() as Promise<ApiCode>) : undefined))
    .catch(() => undefined)
  return entry
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (text !== undefined) node.textContent = text
  if (className) node.className = className
  return node
}

async function decode(): Promise<void> {
  if (!form || !result) return
  const code = form.dataset['code'] ?? ''
  const data = new FormData(form)
  const typed = [1, 2, 3, 4].map((index) => String(data.get(`p${index}`) ?? '').trim())
  if (typed.every((value) => value === '')) {
    result.hidden = true
    return
  }
  const reference = await load(code)
  const arch: Architecture = data.get('arch') === 'x86' ? 'x86' : 'x64'
  const parameters = typed.map((value) => (value !== '' && parseU64(value) ? normaliseHex(value) : ''))
  const docs = reference ? { parameters: reference.parameters, subtypes: reference.subtypes } : { parameters: [], subtypes: [] }
  const children: HTMLElement[] = []
  for (const subtype of matchSubtypes(docs, parameters)) {
    const line = element('p', undefined, 'case')
    line.append(element('strong', `Case: parameter ${subtype.parameter} = ${parameters[subtype.parameter - 1]}.`), ' ', ...proseNodes(subtype.meaning))
    children.push(line)
  }
  const list = element('dl')
  typed.forEach((value, position) => {
    if (value === '') return
    const index = (position + 1) as ParameterIndex
    list.append(element('dt', `Parameter ${index}`))
    if (!parseU64(value)) {
      list.append(element('dd', `“${value}” is not a hex value.`))
      return
    }
    const reading = describeParameter({ index, text: value, parameters, docs, arch })
    const phrases = [...reading.decoded]
    if (reading.note) phrases.push(reading.note)
    const meaning = element('dd', reading.name ? `${reading.name}, ${reading.value}` : reading.value)
    for (const phrase of phrases) meaning.append(': ', ...proseNodes(phrase))
    list.append(meaning)
  })
  children.push(list)
  if (!reference) children.push(element('p', 'The reference could not be loaded: the values are shown without their meanings.'))
  result.replaceChildren(...children)
  result.hidden = false
}

if (form) {
  let timer: ReturnType<typeof setTimeout> | undefined
  form.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(() => void decode(), 120)
  })
}
