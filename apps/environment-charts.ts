import { App, type Chart } from 'cdk8s';
import type { Environment } from '../environments';
import { ARGOCD_FOLDER, ArgoCdChart, type ChartFolder } from './argocd/argocd-chart';
import type { AppContext, AppDescriptor, AppManifests, BuiltApp } from './lib/app-descriptor';
import type { KubeObject } from './lib/manifest-files';
import { helmReleases, registeredApps } from './registry';

/** One folder of clusters/<env>/ and the objects it holds. */
export interface SynthesizedFolder {
  readonly folder: string;
  readonly objects: readonly KubeObject[];
}

type WithManifests = AppDescriptor & { readonly manifests: AppManifests };

const writesManifests = (app: AppDescriptor): app is WithManifests => app.manifests !== undefined;

/**
 * Builds every registered app's chart of one environment in its own cdk8s App, then the Argo CD
 * chart over them, and returns the objects of each folder of clusters/<env>/, the argocd folder
 * included. Apps that read the others' charts (`readsBuiltApps`) are built after those.
 * Nothing is written here: apps/main.ts writes, tests read.
 */
export function synthesizeEnvironment(
  env: Environment,
  apps: readonly AppDescriptor[] = registeredApps(),
): SynthesizedFolder[] {
  const app = new App();
  const context: AppContext = { env, apps };
  const withManifests = apps.filter(writesManifests);
  const build = (descriptor: WithManifests, built: readonly BuiltApp[]): BuiltApp => ({
    app: descriptor,
    chart: descriptor.manifests.chart(app, descriptor.folder, context, built),
  });
  const first = withManifests.filter((d) => !d.manifests.readsBuiltApps).map((d) => build(d, []));
  const last = withManifests.filter((d) => d.manifests.readsBuiltApps).map((d) => build(d, first));
  const folders: ChartFolder[] = [...first, ...last].map(({ app: descriptor, chart }) => ({
    folder: descriptor.folder,
    syncWave: (descriptor as WithManifests).manifests.syncWave,
    objects: rendered(chart),
    hpaManagedDeployments: (descriptor.hpaTargets?.(env) ?? []).map((target) => target.deployment),
  }));
  const argocd = new ArgoCdChart(app, ARGOCD_FOLDER, { env, folders, releases: helmReleases(env, apps) });
  return [
    ...folders.map(({ folder, objects }) => ({ folder, objects })),
    { folder: ARGOCD_FOLDER, objects: rendered(argocd) },
  ].sort((a, b) => a.folder.localeCompare(b.folder));
}

function rendered(chart: Chart): KubeObject[] {
  return chart.toJson() as KubeObject[];
}
