/**
 * Where Argo CD reads this repository from. The one place its URL is spelled: every
 * Application and AppProject takes it from here, and it must stay https (Argo CD then verifies
 * the server's certificate; an ssh or plain-http URL would fail the tests).
 */
export const REPOSITORY_URL = 'https://github.com/ecolaura/platform.git';

/** The committed output folder, relative to the repository root; Argo CD paths start here. */
export const CLUSTERS_DIR = 'clusters';

/** Path of one chart's folder inside the repository, e.g. `clusters/prod/backend`. */
export function chartPath(env: string, chart: string): string {
  return `${CLUSTERS_DIR}/${env}/${chart}`;
}
