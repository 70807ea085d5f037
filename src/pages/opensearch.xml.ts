import type { APIRoute } from 'astro'
import { siteTitle } from '../site.ts'

/** Lets a browser add the site as a search engine: the query goes to /search/?q=. */
export const GET: APIRoute = ({ site }) => {
  const origin = (site ?? new URL('http://localhost/')).origin
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>${escape(siteTitle)}</ShortName>
  <Description>Windows bugcheck codes and crash-dump runbooks: type a code such as 0x20 or a name.</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Image width="16" height="16" type="image/svg+xml">${origin}/favicon.svg</Image>
  <Url type="text/html" method="get" template="${origin}/search/?q={searchTerms}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${origin}/opensearch.xml"/>
</OpenSearchDescription>
`
  return new Response(body, { headers: { 'Content-Type': 'application/opensearchdescription+xml; charset=utf-8' } })
}
