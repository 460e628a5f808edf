import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatProblem } from './problem';
import { validatePaths } from './validate';

const VALID = join(__dirname, 'fixtures', 'valid', 'clusters');
const temporaryDirs: string[] = [];

/** A scratch copy of the valid fixture tree; returns its clusters/ path. */
function copyOfValidTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'validate-manifests-'));
  temporaryDirs.push(root);
  const clusters = join(root, 'clusters');
  cpSync(VALID, clusters, { recursive: true });
  return clusters;
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`${file} does not contain ${from}`);
  writeFileSync(file, edited);
}

/** Every problem of a run, as printed, with the scratch directory shortened to `<tmp>`. */
async function problemsOf(clusters: string): Promise<string[]> {
  const report = await validatePaths([clusters]);
  const root = join(clusters, '..');
  return [...report.layoutProblems, ...report.trees.flatMap((tree) => tree.problems)]
    .map(formatProblem)
    .map((line) => line.split(root).join('<tmp>'));
}

afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the consistency check of clusters/<env>/', () => {
  it('passes the valid fixture tree', async () => {
    expect(await problemsOf(copyOfValidTree())).toEqual([]);
  });

  it('finds an orphan folder no Application syncs', async () => {
    const clusters = copyOfValidTree();
    mkdirSync(join(clusters, 'dev', 'frontend'));
    cpSync(join(clusters, 'dev', 'backend', 'Service.backend.yaml'), join(clusters, 'dev', 'frontend', 'Svc.yaml'));
    edit(join(clusters, 'dev', 'frontend', 'Svc.yaml'), 'name: backend\n  namespace', 'name: frontend\n  namespace');
    expect(await problemsOf(clusters)).toEqual([
      '<tmp>/clusters/dev/frontend/ (env dev): is not synced by any Application (an orphan folder): add an Application with spec.source.path clusters/dev/frontend, or remove the folder',
    ]);
  });

  it('finds an Application whose path does not exist', async () => {
    const clusters = copyOfValidTree();
    edit(
      join(clusters, 'dev', 'argocd', 'Application.backend.yaml'),
      'path: clusters/dev/backend',
      'path: clusters/dev/backnd',
    );
    expect(await problemsOf(clusters)).toEqual([
      '<tmp>/clusters/dev/argocd/Application.backend.yaml:14 (env dev): Application argocd/backend: spec.source.path: syncs clusters/dev/backnd/, which does not exist (a dangling Application)',
      '<tmp>/clusters/dev/backend/ (env dev): is not synced by any Application (an orphan folder): add an Application with spec.source.path clusters/dev/backend, or remove the folder',
    ]);
  });

  it('finds an Application whose folder holds no manifest', async () => {
    const clusters = copyOfValidTree();
    // Deleted, not emptied: an empty or comment-only manifest is itself refused (exit 2).
    for (const file of ['Elasticsearch.logging.yaml', 'Kibana.logging.yaml']) {
      rmSync(join(clusters, 'dev', 'logging', file));
    }
    expect(await problemsOf(clusters)).toEqual([
      '<tmp>/clusters/dev/argocd/Application.logging.yaml:14 (env dev): Application argocd/logging: spec.source.path: syncs clusters/dev/logging/, which holds no manifest',
    ]);
  });

  it('finds a folder synced by two Applications, through spec.sources too', async () => {
    const clusters = copyOfValidTree();
    edit(
      join(clusters, 'dev', 'argocd', 'Application.logging.yaml'),
      / {2}source:\n {4}repoURL: (\S+)\n {4}targetRevision: main\n {4}path: \.\/clusters\/dev\/logging\//,
      '  sources:\n    - repoURL: $1\n      targetRevision: main\n      path: clusters/dev/logging\n    - repoURL: $1\n      targetRevision: main\n      path: clusters/dev/backend',
    );
    expect(await problemsOf(clusters)).toEqual([
      expect.stringMatching(
        /^<tmp>\/clusters\/dev\/backend\/ \(env dev\): is synced by 2 Applications \(Application argocd\/backend at .*Application\.backend\.yaml:2, Application argocd\/logging at .*Application\.logging\.yaml:2\); exactly one may own it$/,
      ),
    ]);
  });

  it('finds two objects sharing kind, namespace and name, counting the namespace Argo CD fills in', async () => {
    const clusters = copyOfValidTree();
    const copy = join(clusters, 'dev', 'platform', 'ServiceAccount.backend.yaml');
    cpSync(join(clusters, 'dev', 'backend', 'ServiceAccount.backend.yaml'), copy);
    edit(copy, '  name: backend\n', '  name: backend\n  namespace: ecolaura\n');
    expect(await problemsOf(clusters)).toEqual([
      '<tmp>/clusters/dev/platform/ServiceAccount.backend.yaml:2 (env dev): ServiceAccount ecolaura/backend: duplicates ServiceAccount ecolaura/backend already defined at <tmp>/clusters/dev/backend/ServiceAccount.backend.yaml:2; one would overwrite the other',
    ]);
  });

  it('reports an unknown apiVersion once, without scope guesses piled on top', async () => {
    const clusters = copyOfValidTree();
    edit(join(clusters, 'dev', 'backend', 'Deployment.backend.yaml'), 'apiVersion: apps/v1', 'apiVersion: apps/v2');
    expect(await problemsOf(clusters)).toEqual([
      '<tmp>/clusters/dev/backend/Deployment.backend.yaml:2: Deployment ecolaura/backend: apiVersion: apps/v2 Deployment is not a Kubernetes 1.35 API: Deployment is served as apps/v1',
    ]);
  });

  it('finds an environment without a root Application', async () => {
    const clusters = copyOfValidTree();
    edit(
      join(clusters, 'dev', 'argocd', 'Application.root.yaml'),
      'path: clusters/dev/argocd',
      'path: clusters/dev/gone',
    );
    expect(await problemsOf(clusters)).toEqual([
      '<tmp>/clusters/dev/ (env dev): has no root Application: one Application (the app of apps) must sync the folder holding the Applications',
      '<tmp>/clusters/dev/argocd/ (env dev): is not synced by any Application (an orphan folder): add an Application with spec.source.path clusters/dev/argocd, or remove the folder',
      '<tmp>/clusters/dev/argocd/Application.root.yaml:14 (env dev): Application argocd/root: spec.source.path: syncs clusters/dev/gone/, which does not exist (a dangling Application)',
    ]);
  });

  it('refuses repoURLs that are not https or ssh', async () => {
    const clusters = copyOfValidTree();
    edit(
      join(clusters, 'dev', 'argocd', 'Application.kube-prometheus-stack.yaml'),
      'repoURL: https://prometheus',
      'repoURL: http://prometheus',
    );
    expect(await problemsOf(clusters)).toEqual([
      '<tmp>/clusters/dev/argocd/Application.kube-prometheus-stack.yaml:10 (env dev): Application argocd/kube-prometheus-stack: spec.source.repoURL: "http://prometheus-community.github.io/helm-charts" must be an https:// (or ssh) URL',
      '<tmp>/clusters/dev/argocd/Application.kube-prometheus-stack.yaml:10 (env dev): Application argocd/kube-prometheus-stack: spec.source.repoURL: http://prometheus-community.github.io/helm-charts is not in spec.sourceRepos of AppProject ecolaura (AppProject argocd/ecolaura at <tmp>/clusters/dev/argocd/AppProject.ecolaura.yaml:2)',
    ]);
  });

  it('refuses an Application whose destination namespace its AppProject does not allow', async () => {
    const clusters = copyOfValidTree();
    edit(
      join(clusters, 'dev', 'argocd', 'AppProject.ecolaura.yaml'),
      '      namespace: logging\n',
      '      namespace: elastic\n',
    );
    const problems = await problemsOf(clusters);
    expect(problems).toContain(
      '<tmp>/clusters/dev/argocd/Application.logging.yaml:15 (env dev): Application argocd/logging: spec.destination: destination https://kubernetes.default.svc namespace "logging" is not among the destinations of AppProject ecolaura (AppProject argocd/ecolaura at <tmp>/clusters/dev/argocd/AppProject.ecolaura.yaml:2)',
    );
    expect(problems).toContain(
      '<tmp>/clusters/dev/logging/Kibana.logging.yaml:6 (env dev): Kibana logging/logging: metadata.namespace: namespace "logging" is not a destination of Application logging (project ecolaura, AppProject argocd/ecolaura at <tmp>/clusters/dev/argocd/AppProject.ecolaura.yaml:2), so it cannot sync',
    );
  });

  it('refuses a cluster-scoped kind the AppProject does not whitelist', async () => {
    const clusters = copyOfValidTree();
    edit(
      join(clusters, 'dev', 'argocd', 'AppProject.ecolaura.yaml'),
      / {4}- group: storage\.k8s\.io\n {6}kind: StorageClass\n/,
      '',
    );
    expect(await problemsOf(clusters)).toEqual([
      '<tmp>/clusters/dev/platform/StorageClass.encrypted-gp3.yaml:3 (env dev): StorageClass encrypted-gp3: kind: StorageClass is not allowed by the spec.clusterResourceWhitelist of Application platform (project ecolaura, AppProject argocd/ecolaura at <tmp>/clusters/dev/argocd/AppProject.ecolaura.yaml:2), so it cannot sync',
    ]);
  });

  it('refuses a namespaced kind an explicit namespaceResourceWhitelist leaves out, and keeps the kinds it names', async () => {
    const clusters = copyOfValidTree();
    edit(
      join(clusters, 'dev', 'argocd', 'AppProject.ecolaura.yaml'),
      '  clusterResourceWhitelist:\n',
      '  namespaceResourceWhitelist:\n    - group: argoproj.io\n      kind: Application\n    - group: argoproj.io\n      kind: AppProject\n  clusterResourceWhitelist:\n',
    );
    const problems = await problemsOf(clusters);
    expect(problems.filter((line) => line.includes('Deployment.backend.yaml'))).toEqual([
      expect.stringMatching(
        /Deployment ecolaura\/backend: kind: Deployment is not allowed by the namespace resource lists of Application backend \(project ecolaura, .*\), so it cannot sync$/,
      ),
    ]);
    expect(problems.filter((line) => /: kind: Application(Set)? is not allowed/.test(line))).toEqual([]);
  });

  it('refuses an Application naming an AppProject the environment does not define', async () => {
    const clusters = copyOfValidTree();
    edit(join(clusters, 'dev', 'argocd', 'Application.backend.yaml'), 'project: ecolaura', 'project: default');
    expect(await problemsOf(clusters)).toEqual([
      '<tmp>/clusters/dev/argocd/Application.backend.yaml:10 (env dev): Application argocd/backend: spec.project: AppProject "default" is not defined in clusters/dev (defined: ecolaura)',
    ]);
  });

  it('refuses a folder nested in an application folder and an undeclared environment', async () => {
    const clusters = copyOfValidTree();
    mkdirSync(join(clusters, 'dev', 'backend', 'extra'));
    cpSync(
      join(clusters, 'dev', 'backend', 'Service.backend.yaml'),
      join(clusters, 'dev', 'backend', 'extra', 'a.yaml'),
    );
    cpSync(join(clusters, 'dev'), join(clusters, 'qa'), { recursive: true });
    const problems = await problemsOf(clusters);
    expect(problems).toContain(
      '<tmp>/clusters/dev/backend/extra: is nested inside an application folder; Argo CD directory sources do not recurse, so it is never synced',
    );
    expect(problems).toContain(
      '<tmp>/clusters/qa: is not an environment declared in environments/ (dev, staging, prod); rename it or declare the environment',
    );
  });
});
