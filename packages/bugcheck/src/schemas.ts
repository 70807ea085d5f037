// The schemas, for tools that validate data (the site's content check, the reference loader).
export * from './schema.ts'
export * from './frontmatter.ts'
