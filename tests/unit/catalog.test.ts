import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { catalogSchema } from '../../src/lib/catalog-schema.ts'
import { catalog, codePath, codeSpellings, findByName, findByNumber, paddedCode, parseHexCode } from '../../src/lib/catalog.ts'

describe('the catalog', () => {
  test('content/bugchecks.json is valid: 425 entries, one per code and name', () => {
    const parsed = catalogSchema.safeParse(JSON.parse(readFileSync('content/bugchecks.json', 'utf8')))
    expect(parsed.success).toBe(true)
    expect(catalog).toHaveLength(425)
  })

  test('the schema refuses a duplicate code and a short form that is another code', () => {
    const entry = catalog[0]!
    expect(catalogSchema.safeParse([entry, entry]).error?.issues[0]?.message).toContain('one entry per code and name')
    expect(catalogSchema.safeParse([{ ...entry, short: '0x2' }]).error?.issues[0]?.message).toBe('0x2 is not 0x00000001')
  })

  test('lookups and spellings', () => {
    expect(findByNumber(0x20)?.name).toBe('KERNEL_APC_PENDING_DURING_EXIT')
    expect(findByName('kernel_apc_pending_during_exit')?.short).toBe('0x20')
    expect(parseHexCode('0x0000001E')).toBe(0x1e)
    expect(parseHexCode('1E')).toBeUndefined()
    expect(codePath(0x1000007e)).toBe('/bugchecks/0x1000007e/')
    expect(paddedCode(0x1e)).toBe('0x0000001E')
    expect(codeSpellings(0x9f)).toEqual(['0x9F', '0x0000009F', '9F'])
  })
})
