import { ApiObject, App, type Chart } from 'cdk8s';
import type { Environment } from '../environments';
import { constructSite } from '../scripts/source-map/construct-sites';
import type { SourceMapEntry } from '../scripts/source-map/source-map-file';
import { ARGOCD_FOLDER, ArgoCdChart, type ChartFolder } from './argocd/argocd-chart';
import type { AppContext, AppDescriptor, AppManifests, BuiltApp } from './lib/app-descriptor';
import type { KubeObject } from './lib/manifest-files';
import { helmReleases, registeredApps } from './registry';

/** One folder of clusters/<env>/ and the objects it holds. */
export interface SynthesizedFolder {
  readonly folder: string;
  readonly objects: readonly KubeObject[];
  /**
   * Where each object was created, by `kubeObjectIdentity`; empty unless construct sites are
   * being recorded (`recordConstructSites`).
   */
  readonly sites: ReadonlyMap<string, SourceMapEntry>;
}

/** `Kind/namespace/name` (`Kind//name` when cluster-scoped): unique within a folder. */
export function kubeObjectIdentity(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
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
  const built = [...first, ...last];
  const folders: ChartFolder[] = built.map(({ app: descriptor, chart }) => ({
    folder: descriptor.folder,
    syncWave: (descriptor as WithManifests).manifests.syncWave,
    objects: rendered(chart),
    hpaManagedDeployments: (descriptor.hpaTargets?.(env) ?? []).map((target) => target.deployment),
  }));
  const argocd = new ArgoCdChart(app, ARGOCD_FOLDER, { env, folders, releases: helmReleases(env, apps) });
  return [
    ...folders.map(({ folder, objects }, index) => ({ folder, objects, sites: sitesOf(built[index]?.chart) })),
    { folder: ARGOCD_FOLDER, objects: rendered(argocd), sites: sitesOf(argocd) },
  ].sort((a, b) => a.folder.localeCompare(b.folder));
}

function sitesOf(chart: Chart | undefined): Map<string, SourceMapEntry> {
  const sites = new Map<string, SourceMapEntry>();
  for (const construct of chart?.node.findAll() ?? []) {
    if (!ApiObject.isApiObject(construct)) continue;
    const site = constructSite(construct);
    const identity = kubeObjectIdentity(construct.kind, construct.metadata.namespace, construct.name);
    if (site) sites.set(identity, { construct: construct.node.path, ...site });
  }
  return sites;
}

function rendered(chart: Chart): KubeObject[] {
  return chart.toJson() as KubeObject[];
}
