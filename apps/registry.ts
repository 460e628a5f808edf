import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Environment } from '../environments';
import { REPO_ROOT } from '../scripts/core/repo-root';
import type { AppDescriptor } from './lib/app-descriptor';
import type { HelmRelease } from './lib/helm-release';

/** Folders of apps/ that are not apps: shared helpers, and the Argo CD chart that reads the registry. */
const NOT_APPS = new Set(['argocd', 'lib']);

/** The file of an app folder that exports its descriptor as `app`. */
export const APP_FILE = 'app.ts';

function isDescriptor(value: unknown, folder: string): value is AppDescriptor {
  return typeof value === 'object' && value !== null && (value as { folder?: unknown }).folder === folder;
}

/**
 * Every app of `appsDir`, sorted by folder: each folder but `lib/` and `argocd/` must export its
 * descriptor as `app` from `app.ts`, so adding an app is adding its folder. Refuses a folder
 * without one, naming it, rather than leaving an app out of Argo CD and the NetworkPolicies.
 */
const APPS_DIR = join(REPO_ROOT, 'apps');

/**
 * Loads one app's descriptor. The repository's own apps are required through a template literal,
 * which esbuild bundles as a glob over every `<folder>/app.ts`, so the tools' bundle (the gate reads the apps'
 * network needs) holds every descriptor; another folder (a test's scratch copy) by its path.
 */
function loadDescriptor(appsDir: string, folder: string, file: string): { app?: unknown } {
  if (appsDir === APPS_DIR) return require(`./${folder}/app.ts`) as { app?: unknown };
  return require(file) as { app?: unknown };
}

export function registeredApps(appsDir: string = APPS_DIR): readonly AppDescriptor[] {
  const folders = readdirSync(appsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NOT_APPS.has(entry.name))
    .map((entry) => entry.name)
    .sort();
  return folders.map((folder) => {
    const file = join(appsDir, folder, APP_FILE);
    if (!existsSync(file)) {
      throw new Error(
        `apps/${folder}/: no ${APP_FILE}; every app folder exports its descriptor as \`app\` (apps/lib/app-descriptor.ts)`,
      );
    }
    // Found at run time, so that a new folder needs no import here.
    const { app } = loadDescriptor(appsDir, folder, file);
    if (!isDescriptor(app, folder)) {
      throw new Error(
        `apps/${folder}/${APP_FILE}: exports no \`app\` descriptor whose folder is "${folder}"; export one (apps/lib/app-descriptor.ts)`,
      );
    }
    return app;
  });
}

/** Every third-party Helm release of an environment, sorted by name. */
export function helmReleases(env: Environment, apps: readonly AppDescriptor[] = registeredApps()): HelmRelease[] {
  return apps.flatMap((app) => app.helmReleases?.(env) ?? []).sort((a, b) => a.name.localeCompare(b.name));
}
