// The reference as published with the package: every code, compiled from the project's
// content/bugchecks/ at build time (`npm run build:packages`), with the site's runbooks.
import document from '../data/reference.json' with { type: 'json' }
import type { ApiCode, ApiDocument } from './api.ts'

/** The whole published document: `about`, `source`, `license`, `site` and `codes`. */
export const reference: ApiDocument = document as ApiDocument

/** Every documented code, in code order. */
export const codes: readonly ApiCode[] = reference.codes
