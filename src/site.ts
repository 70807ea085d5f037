/**
 * Facts about where the site lives. Set SITE_URL and SITE_REPOSITORY when deploying a fork; the
 * defaults are placeholders for local builds.
 */
export const siteUrl = process.env['SITE_URL'] ?? 'https://bugcheck-runbooks.example.org'
export const repositoryUrl = process.env['SITE_REPOSITORY'] ?? 'https://github.com/bugcheck-runbooks/bugcheck-runbooks'
export const siteTitle = 'Bugcheck Runbooks'
export const siteDescription =
  'Runbooks for Windows bugchecks (blue screens): every documented stop code, with WinDbg walk-throughs whose parameters explain themselves.'

/**
 * The sidebar: a few fixed links. Listing 425 codes or every runbook on every page made each
 * page's HTML grow with the size of the knowledge base; the catalog and search reach the rest.
 * (The benchmark's Starlight-only baseline uses the same sidebar.)
 */
export const sidebar = [
  {
    label: 'Knowledge base',
    items: [
      { label: 'Home', link: '/' },
      { label: 'Bugcheck catalog', link: '/bugchecks/' },
      { label: 'Runbooks', link: '/runbooks/' },
      { label: 'Triage debugger output', link: '/triage/' },
      { label: '!runbook in WinDbg', link: '/windbg/' },
      { label: 'Search', link: '/search/' },
      { label: 'Contribute a runbook', link: '/contribute/' },
    ],
  },
]
