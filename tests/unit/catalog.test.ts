import { describe, expect, test } from 'vitest'
import { catalog, codePath, codeSpellings, findByName, findByNumber, paddedCode, parseHexCode, reference } from '../../src/lib/catalog.ts'

describe('the catalog, read from the reference files', () => {
  test('425 codes, one per code and name, in code order', () => {
    expect(catalog).toHaveLength(425)
    expect(new Set(catalog.map((entry) => entry.code)).size).toBe(425)
    expect(new Set(catalog.map((entry) => entry.name)).size).toBe(425)
    const numbers = reference.map((entry) => entry.number)
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
  })

  test('lookups and spellings', () => {
    expect(findByNumber(0x20)?.name).toBe('KERNEL_APC_PENDING_DURING_EXIT')
    expect(findByName('kernel_apc_pending_during_exit')?.short).toBe('0x20')
    expect(findByNumber(0x1000007e)?.paramsSameAs).toBe('0x7E')
    expect(parseHexCode('0x0000001E')).toBe(0x1e)
    expect(parseHexCode('1E')).toBeUndefined()
    expect(codePath(0x1000007e)).toBe('/bugchecks/0x1000007e/')
    expect(paddedCode(0x1e)).toBe('0x0000001E')
    expect(codeSpellings(0x9f)).toEqual(['0x9F', '0x0000009F', '9F'])
  })
})
