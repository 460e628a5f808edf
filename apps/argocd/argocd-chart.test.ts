import type { KubeObject } from '../lib/manifest-files';
import { REPOSITORY_URL } from '../lib/repository';
import { ENVIRONMENT_ROWS, type Found, find, foldersOf, objectsOf } from '../lib/test-helpers';
import { helmReleases } from '../registry';

/** Which Helm release serves each custom-resource API group the folders use. */
const OPERATOR_OF_GROUP: Record<string, string> = {
  'beat.k8s.elastic.co': 'eck-operator',
  'cert-manager.io': 'cert-manager',
  'elasticsearch.k8s.elastic.co': 'eck-operator',
  'external-secrets.io': 'external-secrets',
  'kibana.k8s.elastic.co': 'eck-operator',
  'logstash.k8s.elastic.co': 'eck-operator',
  'monitoring.coreos.com': 'kube-prometheus-stack',
};

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0] : '');

describe.each(ENVIRONMENT_ROWS)('the argocd chart of %s', (_name, env) => {
  const applications = objectsOf(env).filter((o) => o.kind === 'Application') as (KubeObject & Found)[];
  const wave = (name: string) =>
    Number(find(env, 'Application', name).metadata.annotations['argocd.argoproj.io/sync-wave']);

  it('syncs every Application automatically with prune and self-heal, or manually, as the model says', () => {
    for (const app of applications) {
      if (env.gitops.syncPolicy === 'automated')
        expect(app.spec.syncPolicy.automated).toEqual({ prune: true, selfHeal: true });
      else expect(app.spec.syncPolicy.automated).toBeUndefined();
      expect(app.spec.syncPolicy.syncOptions).toContain('ServerSideApply=true');
    }
    expect(env.name === 'prod').toBe(env.gitops.syncPolicy === 'manual');
  });

  it('reads every source over https, this repository at the model revision', () => {
    for (const app of applications) expect(app.spec.source.repoURL).toMatch(/^https:\/\//);
    for (const app of applications.filter((a) => a.spec.source.path)) {
      expect(app.spec.source.repoURL).toBe(REPOSITORY_URL);
      expect(app.spec.source.targetRevision).toBe(env.gitops.targetRevision);
    }
  });

  it('points exactly one Application at each folder of clusters/<env>/, the root at the argocd folder', () => {
    const paths = applications.flatMap((app) => (app.spec.source.path ? [app.spec.source.path] : []));
    expect([...paths].sort()).toEqual(
      foldersOf(env)
        .map(({ folder }) => `clusters/${env.name}/${folder}`)
        .sort(),
    );
    expect(find(env, 'Application', 'root').spec.source.path).toBe(`clusters/${env.name}/argocd`);
  });

  it('installs every Helm release at its pinned version, one Application each', () => {
    for (const release of helmReleases(env)) {
      const app = find(env, 'Application', release.name);
      expect(app.spec.source).toMatchObject({ chart: release.chart.chart, targetRevision: release.chart.version });
      expect(app.spec.source.targetRevision).toMatch(/^v?\d+\.\d+\.\d+$/);
      expect(app.spec.destination.namespace).toBe(release.namespace);
      expect(app.spec.ignoreDifferences.map((d: { kind: string }) => d.kind)).toEqual([
        'MutatingWebhookConfiguration',
        'ValidatingWebhookConfiguration',
        'CustomResourceDefinition',
      ]);
      expect(app.spec.syncPolicy.syncOptions).toContain('RespectIgnoreDifferences=true');
    }
  });

  it('restricts the repository project to this repository and the project of add-ons to the pinned chart repositories', () => {
    expect(find(env, 'AppProject', 'ecolaura').spec.sourceRepos).toEqual([REPOSITORY_URL]);
    const addonRepos = [...new Set(helmReleases(env).map((r) => r.chart.repoURL))].sort();
    expect(find(env, 'AppProject', 'ecolaura-addons').spec.sourceRepos).toEqual(addonRepos);
    for (const project of objectsOf(env).filter((o) => o.kind === 'AppProject') as Found[]) {
      for (const destination of project.spec.destinations) {
        expect(destination).toEqual({
          server: 'https://kubernetes.default.svc',
          namespace: expect.not.stringMatching(/\*/),
        });
      }
    }
  });

  it('lets the repository project reach every namespace its folders write to and no other, argocd excluded', () => {
    const used = new Set(
      objectsOf(env)
        .filter((o) => o.folder !== 'argocd')
        .flatMap((o) => (o.metadata.namespace ? [o.metadata.namespace] : [])),
    );
    const allowed = find(env, 'AppProject', 'ecolaura').spec.destinations.map(
      (d: { namespace: string }) => d.namespace,
    );
    expect([...allowed].sort()).toEqual([...used].sort());
    expect(allowed).not.toContain('argocd');
    expect(find(env, 'AppProject', 'ecolaura-gitops').spec.destinations).toEqual([
      { server: 'https://kubernetes.default.svc', namespace: 'argocd' },
    ]);
  });

  it('whitelists Application, AppProject and argocd-cm explicitly in argocd instead of any namespaced kind', () => {
    const gitops = find(env, 'AppProject', 'ecolaura-gitops').spec;
    // The old projects had no namespaceResourceWhitelist: Argo CD then admits every namespaced kind.
    expect(gitops.namespaceResourceWhitelist).toEqual([
      { group: 'argoproj.io', kind: 'AppProject' },
      { group: 'argoproj.io', kind: 'Application' },
      { group: '', kind: 'ConfigMap' },
    ]);
    expect(gitops.clusterResourceWhitelist).toEqual([]);
    expect(find(env, 'Application', 'root').spec.project).toBe('ecolaura-gitops');
    const argocdObjects = objectsOf(env).filter((o) => o.folder === 'argocd');
    expect([...new Set(argocdObjects.map((o) => o.kind))].sort()).toEqual(['AppProject', 'Application', 'ConfigMap']);
    expect(argocdObjects.filter((o) => o.kind === 'ConfigMap').map((o) => o.metadata.name)).toEqual(['argocd-cm']);
  });

  it('lets the repository project sync exactly the namespaced kinds its folders contain', () => {
    const kinds = new Set(
      objectsOf(env)
        .filter((o) => o.folder !== 'argocd' && o.metadata.namespace)
        .map((o) => `${o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : ''}/${o.kind}`),
    );
    const whitelist = find(env, 'AppProject', 'ecolaura').spec.namespaceResourceWhitelist as {
      group: string;
      kind: string;
    }[];
    expect(whitelist.map((k) => `${k.group}/${k.kind}`).sort()).toEqual([...kinds].sort());
    expect(whitelist).not.toContainEqual({ group: 'argoproj.io', kind: 'Application' });
  });

  it('refuses Argo CD kinds to the Helm releases', () => {
    expect(find(env, 'AppProject', 'ecolaura-addons').spec.namespaceResourceBlacklist).toEqual([
      { group: 'argoproj.io', kind: 'AppProject' },
      { group: 'argoproj.io', kind: 'Application' },
      { group: 'argoproj.io', kind: 'ApplicationSet' },
    ]);
  });

  it('creates the AppProjects before any Application that names them', () => {
    const waveOf = (o: Found) => Number(o.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? 0);
    const projects = objectsOf(env).filter((o) => o.kind === 'AppProject') as Found[];
    const lowestApplication = Math.min(...applications.map(waveOf));
    for (const project of projects) expect(waveOf(project)).toBeLessThan(lowestApplication);
  });

  it('syncs operators before their custom resources and namespaces before everything', () => {
    for (const { folder, objects } of foldersOf(env)) {
      if (folder === 'argocd') continue;
      for (const object of objects) {
        const operator = OPERATOR_OF_GROUP[groupOf(object.apiVersion) ?? ''];
        if (operator)
          expect({ folder, kind: object.kind, after: wave(folder) > wave(operator) }).toEqual({
            folder,
            kind: object.kind,
            after: true,
          });
      }
      if (folder !== 'platform') expect(wave(folder)).toBeGreaterThan(wave('platform'));
    }
    for (const release of helmReleases(env)) expect(wave(release.name)).toBeGreaterThan(wave('platform'));
    // The controller needs cert-manager's Certificate for its webhook; every Ingress (Grafana's is
    // the first, in kube-prometheus-stack) is healthy only once the controller serves it, and
    // Grafana starts only once its generated login (secrets folder) exists.
    expect(wave('aws-load-balancer-controller')).toBeGreaterThan(wave('cert-manager'));
    expect(wave('aws-load-balancer-controller')).toBeLessThanOrEqual(wave('kube-prometheus-stack'));
    expect(wave('kube-prometheus-stack')).toBeGreaterThan(wave('external-secrets'));
    expect(wave('secrets')).toBeLessThanOrEqual(wave('kube-prometheus-stack'));
    expect(wave('scaling')).toBeGreaterThan(Math.max(wave('frontend'), wave('backend')));
  });

  it('leaves the replicas of every HPA-scaled Deployment to the HPA', () => {
    const scaled = objectsOf(env)
      .filter((o) => o.kind === 'HorizontalPodAutoscaler')
      .map((hpa) => (hpa as Found).spec.scaleTargetRef.name as string);
    expect(scaled.sort()).toEqual(['backend', 'frontend']);
    for (const name of scaled) {
      const app = find(env, 'Application', name);
      expect(app.spec.ignoreDifferences).toEqual([
        { group: 'apps', kind: 'Deployment', name, namespace: 'ecolaura', jsonPointers: ['/spec/replicas'] },
      ]);
      expect(app.spec.syncPolicy.syncOptions).toContain('RespectIgnoreDifferences=true');
    }
  });

  it('lets the add-ons project install the IngressClass and IngressClassParams of the load balancer controller', () => {
    const project = find(env, 'AppProject', 'ecolaura-addons');
    expect(project.spec.clusterResourceWhitelist).toEqual(
      expect.arrayContaining([
        { group: 'networking.k8s.io', kind: 'IngressClass' },
        { group: 'elbv2.k8s.aws', kind: 'IngressClassParams' },
      ]),
    );
    expect(project.spec.sourceRepos).toContain('https://aws.github.io/eks-charts');
    expect(project.spec.sourceRepos).not.toContain('https://kubernetes.github.io/ingress-nginx');
    expect(project.spec.destinations).toContainEqual({
      server: 'https://kubernetes.default.svc',
      namespace: 'aws-load-balancer-controller',
    });
  });
});
