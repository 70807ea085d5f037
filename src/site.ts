/**
 * Facts about where the site lives. Set SITE_URL and SITE_REPOSITORY when deploying a fork; the
 * defaults are placeholders for local builds.
 */
export const siteUrl = process.env['SITE_URL'] ?? 'https://bugcheck-runbooks.example.org'
export const repositoryUrl = process.env['SITE_REPOSITORY'] ?? 'https://github.com/bugcheck-runbooks/bugcheck-runbooks'
export const siteTitle = 'Bugcheck Runbooks'
export const siteDescription =
  'Runbooks for Windows bugchecks (blue screens): every documented stop code, with WinDbg walk-throughs whose parameters explain themselves.'
