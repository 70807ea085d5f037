// Every code of the reference, as one JSON document. The triage page fetches it once on load.
import type { APIRoute } from 'astro'
import { apiDocument, jsonResponse } from '../../lib/api.ts'

export const GET: APIRoute = async () => jsonResponse(await apiDocument())
