import { join, resolve } from 'node:path';
import { runGate } from '../gate/run-gate';
import type { PolicyResource } from '../gate/types';
import type { ArgoSyncFacts } from './argo-sync-facts';

const ROOT = resolve(__dirname, '..', '..');
let prod: PolicyResource[];

beforeAll(async () => {
  const report = await runGate({
    paths: ['clusters/prod'],
    root: ROOT,
    bundleDir: join(ROOT, 'policies', 'bundle'),
    exceptionsFile: join(ROOT, 'policies', 'exceptions.yaml'),
    today: '2026-12-02',
  });
  prod = [...report.resources];
});

function syncOf(name: string): ArgoSyncFacts {
  const application = prod.find((r) => r.type === 'Application' && r.name === name);
  if (!application) throw new Error(`no Application ${name} in clusters/prod`);
  return application.facts.argoSync as ArgoSyncFacts;
}

describe("facts.argoSync over prod's committed Applications", () => {
  it('traces each ECK custom resource of logging to the eck-operator chart two waves earlier', () => {
    const logging = syncOf('logging');
    expect(logging.wave).toBe(0);
    expect(logging.customResources.filter((c) => c.group.endsWith('.k8s.elastic.co'))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'Elasticsearch', installedBy: 'eck-operator', installedWave: -2 }),
        expect.objectContaining({ kind: 'Kibana', installedBy: 'eck-operator', installedWave: -2 }),
        expect.objectContaining({ kind: 'Beat', installedBy: 'eck-operator', installedWave: -2 }),
      ]),
    );
  });

  it("judges the folder's ClusterRole against the ecolaura project's whitelist, and allows it", () => {
    expect(syncOf('logging').kinds).toContainEqual(
      expect.objectContaining({
        group: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        namespaced: false,
        allowed: true,
      }),
    );
  });

  it("judges a chart's recorded cluster kinds against its project", () => {
    const certManager = syncOf('cert-manager');
    expect(certManager.project).toBe('ecolaura-addons');
    expect(certManager.kinds).toContainEqual(
      expect.objectContaining({
        kind: 'CustomResourceDefinition',
        object: 'chart cert-manager@v1.21.0',
        allowed: true,
      }),
    );
    expect(certManager.kinds.every((k) => k.allowed)).toBe(true);
  });

  it("finds the namespaces of backend's objects in the platform Application's earlier wave", () => {
    const namespaces = syncOf('backend').namespaces;
    expect(namespaces.length).toBeGreaterThan(0);
    expect(
      namespaces.every((n) => n.order === 'earlier' && n.createdBy === 'Namespace object in Application platform'),
    ).toBe(true);
  });

  it("finds backend's ignored /spec/replicas on its Deployment, and leaves chart apps' entries unjudged", () => {
    expect(syncOf('backend').ignoreDifferences).toEqual([
      {
        entry: 'spec.ignoreDifferences[0]',
        target: 'apps/Deployment ecolaura backend',
        path: '/spec/replicas',
        status: 'present',
      },
    ]);
    expect(syncOf('eck-operator').ignoreDifferences.every((i) => i.status === 'chart-rendered')).toBe(true);
  });

  it('leaves no prod Application automated', () => {
    const applications = prod.filter((r) => r.type === 'Application');
    expect(applications.length).toBeGreaterThan(10);
    expect(
      applications.filter((a) => (a.values.spec as { syncPolicy?: { automated?: unknown } }).syncPolicy?.automated),
    ).toEqual([]);
  });
});
