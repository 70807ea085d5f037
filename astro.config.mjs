// @ts-check
import { defineConfig } from 'astro/config'
import starlight from '@astrojs/starlight'
import { unified } from '@astrojs/markdown-remark'
import remarkWindbg, { windbgLanguage } from 'remark-windbg'
import { codePath, findByNumber } from './src/lib/catalog.ts'
import { remarkSingleH1 } from './src/lib/remark-single-h1.ts'
import { windbgAssets } from './src/integrations/windbg-assets.ts'
import { repositoryUrl, siteDescription, siteTitle, siteUrl } from './src/site.ts'

const transcripts = windbgAssets()

export default defineConfig({
  site: siteUrl,
  trailingSlash: 'always',
  markdown: {
    processor: unified({
      remarkPlugins: [
        remarkSingleH1,
        [
          remarkWindbg,
          {
            bugcheckName: (/** @type {number} */ code) => findByNumber(code)?.name,
            bugcheckHref: (/** @type {number} */ code) => (findByNumber(code) ? codePath(code) : undefined),
            frontmatter: (/** @type {import('vfile').VFile} */ file) =>
              /** @type {{ astro?: { frontmatter?: unknown } }} */ (file.data).astro?.frontmatter,
            stylesheet: transcripts.stylesheet,
            script: transcripts.script,
            // Starlight's prose styles (margins between blocks, its own code look) stay outside.
            className: ['not-content'],
          },
        ],
      ],
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
        PageTitle: './src/components/RunbookTitle.astro',
        MarkdownContent: './src/components/RunbookContent.astro',
      },
      customCss: ['./src/styles/site.css'],
      markdown: { processedDirs: ['./content'] },
      expressiveCode: { shiki: { langs: [/** @type {any} */ (windbgLanguage)] } },
    }),
    transcripts.integration,
  ],
})
