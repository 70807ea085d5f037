// @ts-check
import { defineConfig } from 'astro/config'
import starlight from '@astrojs/starlight'
import { satteri } from '@astrojs/markdown-satteri'
import { windbgLanguage } from 'remark-windbg'
import { createTranscriptEngine, singleH1Plugin, withTranscripts } from './src/integrations/satteri-plugins.ts'
import { windbgAssets } from './src/integrations/windbg-assets.ts'
import { repositoryUrl, sidebar, siteDescription, siteTitle, siteUrl } from './src/site.ts'

// The bugcheck reference is read as the config loads: a broken file stops here, with its
// `file:line: field: problem` lines and no stack trace.
const { codePath, findByNumber, reference } = await import('./src/lib/catalog.ts').catch((error) => {
  if (!Array.isArray(error?.problems)) throw error
  console.error(`\n${error.message}\n`)
  process.exit(1)
})
const { codeRedirects } = await import('./src/integrations/code-redirects.ts')
const { windbgScript } = await import('./src/integrations/windbg-script.ts')

const transcripts = windbgAssets()
// `WINDBG_TRANSCRIPTS=off` builds the site without the transcript plugin: the benchmark's
// measure of what transcripts add to a page.
const transcriptsOn = process.env['WINDBG_TRANSCRIPTS'] !== 'off'

/** @type {import('remark-windbg').Options} */
const windbgOptions = {
  // Every code's parameters, subtypes and summary: transcripts explain any code, no frontmatter needed.
  reference,
  bugcheckHref: (code) => (findByNumber(code) ? codePath(code) : undefined),
  stylesheet: transcripts.stylesheet,
  script: transcripts.script,
  // Starlight's prose styles (margins between blocks, its own code look) stay outside.
  className: ['not-content'],
}

const transcriptEngine = await createTranscriptEngine(windbgOptions)

export default defineConfig({
  site: siteUrl,
  trailingSlash: 'always',
  markdown: {
    // Astro's default engine, Sätteri, with remark-windbg's renderer on transcript fences: pages
    // without a transcript never leave its fast path (bench/README.md has the figures).
    processor: transcriptsOn
      ? withTranscripts(satteri({ mdastPlugins: [singleH1Plugin, transcriptEngine.plugin] }), transcriptEngine)
      : satteri({ mdastPlugins: [singleH1Plugin] }),
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
      sidebar,
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
    codeRedirects(),
    windbgScript(),
  ],
})
