// A triage result as a URL hash: `#code=0x20&p=0,ffff,0,1`, plus `&arch=x86` for a 32-bit target.
// Only the code and the four values are written, never any pasted text, and the hash never
// reaches a server: browsers do not send it.
import { normaliseHex } from 'bugcheck-reference'
import type { TriagedBugcheck } from 'bugcheck-reference/triage'

const RE_CODE = /^0x[0-9a-f]{1,8}$/
const RE_VALUE = /^[0-9a-f]{0,16}$/

/** The hash for a bugcheck; undefined where a value is too long to be a real parameter. */
export function shareHash(bugcheck: TriagedBugcheck): string | undefined {
  const values = bugcheck.parameters.map((value) => value.replace(/^0x/, ''))
  if (!RE_CODE.test(bugcheck.hex) || values.length !== 4 || !values.every((value) => RE_VALUE.test(value))) return undefined
  const arch = bugcheck.arch === 'x86' ? '&arch=x86' : ''
  return `#code=${bugcheck.hex}&p=${values.join(',')}${arch}`
}

/** Whether a hash is meant as a shared result, rather than a link to a heading (`#formats`). */
export function isShareHash(hash: string): boolean {
  return /^#?(?:[^&]*&)*code=/.test(hash)
}

/** Reads a hash written by {@link shareHash}; undefined for anything else. */
export function readShareHash(hash: string): TriagedBugcheck | undefined {
  const fields = new URLSearchParams(hash.replace(/^#/, ''))
  const hex = fields.get('code')?.toLowerCase()
  const values = (fields.get('p') ?? '').toLowerCase().split(',')
  const arch = fields.get('arch') === 'x86' ? 'x86' : 'x64'
  if (hex === undefined || !RE_CODE.test(hex) || values.length > 4 || !values.every((value) => RE_VALUE.test(value))) return undefined
  while (values.length < 4) values.push('')
  const parameters = values.map((value) => (value === '' ? '' : normaliseHex(value)))
  // The digits a target of that width prints, as if the debugger had printed them.
  const widths = parameters.map((value) => (value === '' ? 0 : arch === 'x86' ? 8 : 16))
  const code = normaliseHex(hex)
  return {
    code: Number.parseInt(code.slice(2), 16),
    hex: code,
    parameters,
    widths,
    descriptions: ['', '', '', ''],
    arch,
    formats: [],
  }
}

/**
 * The code page's decode form submits `?code=0x9f&p1=3&p2=…&arch=x86` here: the same result as a
 * share link. Values are read as typed (`0x3`, `3`, `fffff806``22c00000`); undefined for anything
 * that is not such a query.
 */
export function readDecodeQuery(search: string): TriagedBugcheck | undefined {
  const fields = new URLSearchParams(search)
  const code = fields.get('code')
  if (!code) return undefined
  const values = [1, 2, 3, 4].map((index) => {
    const value = (fields.get(`p${index}`) ?? '').trim().replace(/`/g, '')
    return value === '' ? '' : normaliseHex(value).slice(2)
  })
  const arch = fields.get('arch') === 'x86' ? '&arch=x86' : ''
  return readShareHash(`#code=${normaliseHex(code)}&p=${values.join(',')}${arch}`)
}
