// One code of the reference: /api/bugchecks/0x9f.json, the same entry as in /api/bugchecks.json.
import type { APIRoute, GetStaticPaths } from 'astro'
import { API_LICENSE, API_SOURCE } from 'bugcheck-reference/api'
import { apiCodes, jsonResponse } from '../../../lib/api.ts'
import { reference } from '../../../lib/catalog.ts'

export const getStaticPaths = (() => reference.map((entry) => ({ params: { code: entry.code } }))) satisfies GetStaticPaths

export const GET: APIRoute = async ({ params }) => {
  const entry = (await apiCodes()).find((code) => code.code === params['code'])
  return jsonResponse({ source: API_SOURCE, license: API_LICENSE, ...entry })
}
