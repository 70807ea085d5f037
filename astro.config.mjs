// @ts-check
import { defineConfig } from 'astro/config'
import starlight from '@astrojs/starlight'
import { unified } from '@astrojs/markdown-remark'
import remarkWindbg, { windbgLanguage } from 'remark-windbg'
import { canonicalCode, catalog, codePath, findByNumber, numberOf, paddedCode } from './src/lib/catalog.ts'
import { remarkSingleH1 } from './src/lib/remark-single-h1.ts'
import { windbgAssets } from './src/integrations/windbg-assets.ts'
import { repositoryUrl, siteDescription, siteTitle, siteUrl } from './src/site.ts'

const transcripts = windbgAssets()
// `WINDBG_TRANSCRIPTS=off` builds the site without the transcript plugin: the benchmark's
// measure of what transcripts add to a page.
const transcriptsOn = process.env['WINDBG_TRANSCRIPTS'] !== 'off'

/** @type {import('remark-windbg').Options} */
const windbgOptions = {
  bugcheckName: (code) => findByNumber(code)?.name,
  bugcheckHref: (code) => (findByNumber(code) ? codePath(code) : undefined),
  frontmatter: (file) => /** @type {{ astro?: { frontmatter?: unknown } }} */ (file.data).astro?.frontmatter,
  stylesheet: transcripts.stylesheet,
  script: transcripts.script,
  // Starlight's prose styles (margins between blocks, its own code look) stay outside.
  className: ['not-content'],
}

/** `/0x20/` and `/0x00000020/` lead to the code's one canonical page, `/bugchecks/0x20/`. */
const codeRedirects = Object.fromEntries(
  catalog.flatMap((entry) => {
    const code = numberOf(entry)
    return [
      [`/${canonicalCode(code)}`, codePath(code)],
      [`/${paddedCode(code).toLowerCase()}`, codePath(code)],
    ]
  }),
)

export default defineConfig({
  site: siteUrl,
  trailingSlash: 'always',
  redirects: codeRedirects,
  markdown: {
    processor: unified({
      remarkPlugins: transcriptsOn ? [remarkSingleH1, [remarkWindbg, windbgOptions]] : [remarkSingleH1],
    }),
  },
  integrations: [
    starlight({
      title: siteTitle,
      description: siteDescription,
      favicon: '/favicon.svg',
      logo: { src: './src/assets/logo.svg', alt: '' },
      // Our own 404 page also sends `/0x20/`-style and name URLs to the code's page.
      disable404Route: true,
      editLink: { baseUrl: `${repositoryUrl}/edit/main/` },
      social: [{ icon: 'github', label: 'Repository', href: repositoryUrl }],
      head: [
        {
          tag: 'link',
          attrs: { rel: 'search', type: 'application/opensearchdescription+xml', title: siteTitle, href: '/opensearch.xml' },
        },
      ],
      // A short fixed sidebar: listing 425 codes or every runbook on every page made each page's
      // HTML grow with the size of the knowledge base. The catalog and search reach the rest.
      sidebar: [
        {
          label: 'Knowledge base',
          items: [
            { label: 'Home', link: '/' },
            { label: 'Bugcheck catalog', link: '/bugchecks/' },
            { label: 'Runbooks', link: '/runbooks/' },
            { label: 'Triage debugger output', link: '/triage/' },
            { label: 'Search', link: '/search/' },
            { label: 'Contribute a runbook', link: '/contribute/' },
          ],
        },
      ],
      components: {
        Search: './src/components/SiteSearch.astro',
        SocialIcons: './src/components/HeaderLinks.astro',
        PageTitle: './src/components/RunbookTitle.astro',
        MarkdownContent: './src/components/RunbookContent.astro',
      },
      customCss: ['./src/styles/site.css'],
      markdown: { processedDirs: ['./content'] },
      expressiveCode: {
        shiki: { langs: [/** @type {any} */ (windbgLanguage)] },
        // Wrapped lines never scroll sideways, so Expressive Code never turns a block into an
        // unlabelled `role="region"` (two of them on a page fail axe's landmark-unique rule).
        defaultProps: { wrap: true },
      },
    }),
    transcripts.integration,
  ],
})
