/**
 * The branch prod follows. Merging to `main` changes dev and staging only; prod moves when a
 * person fast-forwards this branch to a commit staging has run (README: "Promoting to prod").
 */
export const PROD_RELEASE_BRANCH = 'release/prod';

/** Refs that move on every merge: prod must not follow them. */
export const INTEGRATION_REFS = ['main', 'master', 'HEAD'] as const;
