import { join } from 'node:path';
import { checkObject } from './check-object';
import { loadManifestFile, parseManifests } from './load';
import { formatProblem } from './problem';

const broken = (name: string): string => join(__dirname, 'fixtures', 'broken', name);

async function problemsOfFile(file: string): Promise<string[]> {
  const [object] = loadManifestFile(file).objects;
  if (!object) throw new Error(`${file} holds no object`);
  return (await checkObject(object)).problems.map(formatProblem);
}

async function checkText(text: string) {
  const [object] = parseManifests('inline.yaml', text).objects;
  if (!object) throw new Error('no object in text');
  return checkObject(object);
}

const deployment = (apiVersion: string, extra = ''): string => `apiVersion: ${apiVersion}
kind: Deployment
metadata:
  name: backend
  namespace: ecolaura
spec:
  selector:
    matchLabels: {app: backend}
  template:
    spec:
      containers:
        - name: backend
          image: nginx${extra}
`;

describe('checkObject on hand-broken manifests', () => {
  it('names file, line, object and field when replicas is a string', async () => {
    const file = broken('deployment-replicas-string.yaml');
    expect(await problemsOfFile(file)).toEqual([
      `${file}:8: Deployment ecolaura/backend: spec.replicas: must be integer (got string "three")`,
    ]);
  });

  it('names the container index when a container has no name', async () => {
    const file = broken('deployment-container-without-name.yaml');
    expect(await problemsOfFile(file)).toEqual([
      `${file}:18: Deployment ecolaura/frontend: spec.template.spec.containers[0].name: is required`,
    ]);
  });

  it('refuses apps/v2 as an API Kubernetes 1.35 does not serve, pointing at apps/v1', async () => {
    const file = broken('deployment-apps-v2.yaml');
    expect(await problemsOfFile(file)).toEqual([
      `${file}:2: Deployment ecolaura/backend: apiVersion: apps/v2 Deployment is not a Kubernetes 1.35 API: Deployment is served as apps/v1`,
    ]);
  });

  it('validates Argo CD Applications against the Argo CD schema', async () => {
    const file = broken('application-sync-options-string.yaml');
    expect(await problemsOfFile(file)).toEqual([
      `${file}:17: Application argocd/backend: spec.syncPolicy.syncOptions: must be array (got string "ServerSideApply=true")`,
    ]);
  });
});

describe('checkObject against Kubernetes 1.35', () => {
  it('accepts a well-formed Deployment with a full schema check', async () => {
    const check = await checkText(deployment('apps/v1'));
    expect(check).toEqual({ depth: 'schema', namespaced: true, problems: [] });
  });

  it('refuses APIs removed before 1.35 even though kubernetes-models still ships them', async () => {
    const check = await checkText(deployment('extensions/v1beta1'));
    expect(check.problems.map((problem) => problem.message)).toEqual([
      'extensions/v1beta1 Deployment is not a Kubernetes 1.35 API: Deployment is served as apps/v1',
    ]);
  });

  it('refuses flowcontrol v1beta3, which 1.28 served and 1.32 removed, pointing at v1', async () => {
    const check = await checkText(
      'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata:\n  name: backend\n',
    );
    expect(check.problems.map((problem) => problem.message)).toEqual([
      'flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is not a Kubernetes 1.35 API: FlowSchema is served as flowcontrol.apiserver.k8s.io/v1',
    ]);
  });

  it('accepts APIs that became GA after 1.28, such as networking.k8s.io/v1 IPAddress', async () => {
    const check = await checkText('apiVersion: networking.k8s.io/v1\nkind: IPAddress\nmetadata:\n  name: 10.0.0.1\n');
    expect(check.problems.map((problem) => problem.message)).not.toContainEqual(
      expect.stringContaining('is not a Kubernetes'),
    );
  });

  it('refuses a namespace on a cluster-scoped kind', async () => {
    const check = await checkText(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ecolaura\n  namespace: default\n',
    );
    expect(check.problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
      'metadata.namespace: must be omitted: Namespace is cluster-scoped',
    ]);
  });

  it('refuses names the API server would refuse, by the rule of the kind', async () => {
    const service = await checkText('apiVersion: v1\nkind: Service\nmetadata:\n  name: 1backend\n');
    expect(service.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^"1backend" is not a DNS-1035 label/),
    ]);
    const configMap = await checkText('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Backend_Config\n');
    expect(configMap.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^"Backend_Config" is not a DNS-1123 subdomain/),
    ]);
    const role = await checkText(
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: system:ecolaura:reader\n',
    );
    expect(role.problems).toEqual([]);
  });

  it('reports an object without apiVersion or kind instead of skipping it', async () => {
    const check = await checkText('metadata:\n  name: lost\n');
    expect(check.problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
      'apiVersion: is required (e.g. apps/v1)',
      'kind: is required (e.g. Deployment)',
    ]);
  });

  it('refuses an object with a schema but without metadata.name', async () => {
    const check = await checkText('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: ecolaura\n');
    expect(check.problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
      'metadata.name: is required',
    ]);
  });
});

describe('checkObject on custom resources', () => {
  it('validates cert-manager, external-secrets and prometheus-operator kinds with their schemas', async () => {
    const issuer = await checkText(
      'apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata:\n  name: x\nspec:\n  acme: 3\n',
    );
    expect(issuer.depth).toBe('schema');
    expect(issuer.problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
      'spec.acme: must be object (got number 3)',
    ]);
    const password = await checkText(
      'apiVersion: generators.external-secrets.io/v1alpha1\nkind: Password\nmetadata:\n  name: x\n  namespace: ns\nspec:\n  allowRepeat: true\n  noUpper: false\n  length: long\n',
    );
    expect(password.depth).toBe('schema');
    expect(password.problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
      'spec.length: must be integer (got string "long")',
    ]);
    const rule = await checkText(
      'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: x\n  namespace: ns\nspec:\n  groups:\n    - rules: []\n',
    );
    expect(rule.problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
      'spec.groups[0].name: is required',
    ]);
  });

  it('refuses a version of a packaged group the package has no schema for', async () => {
    const check = await checkText(
      'apiVersion: generators.external-secrets.io/v1\nkind: Password\nmetadata:\n  name: x\n  namespace: ns\nspec: {}\n',
    );
    expect(check.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(
        /^generators\.external-secrets\.io\/v1 Password has no schema in @kubernetes-models\/external-secrets [\d.]+: Password is served as generators\.external-secrets\.io\/v1alpha1$/,
      ),
    ]);
  });

  it('refuses external-secrets.io/v1beta1, which the pinned external-secrets no longer serves', async () => {
    const check = await checkText(
      'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: x\n  namespace: ns\nspec:\n  refreshInterval: 1h\n',
    );
    expect(check.problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
      expect.stringMatching(
        /^apiVersion: external-secrets\.io\/v1beta1 ExternalSecret is no longer served by the pinned external-secrets \d+\.\d+\.\d+ .*: ExternalSecret is served as external-secrets\.io\/v1$/,
      ),
    ]);
  });

  it('checks external-secrets.io/v1 objects structurally, with the scope of each kind', async () => {
    const store = await checkText(
      'apiVersion: external-secrets.io/v1\nkind: ClusterSecretStore\nmetadata:\n  name: aws\nspec:\n  provider: {}\n',
    );
    expect(store).toEqual({ depth: 'structural', namespaced: false, problems: [] });
    const secret = await checkText(
      'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: x\n  namespace: ns\nspec: {}\n',
    );
    expect(secret).toEqual({ depth: 'structural', namespaced: true, problems: [] });
  });

  it('refuses a namespaced v1 ClusterSecretStore, a v1 ExternalSecret without namespace and a spec that is not a mapping', async () => {
    const store = await checkText(
      'apiVersion: external-secrets.io/v1\nkind: ClusterSecretStore\nmetadata:\n  name: aws\n  namespace: ns\nspec: {}\n',
    );
    expect(store.problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
      'metadata.namespace: must be omitted: ClusterSecretStore is cluster-scoped',
    ]);
    const secret = await checkText(
      'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: x\nspec: []\n',
    );
    expect(secret.problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
      'metadata.namespace: is required: ExternalSecret is a namespaced resource',
      'spec: must be a mapping',
    ]);
  });

  it('checks other operators’ resources structurally and says so', async () => {
    const check = await checkText(
      'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: logging\n  namespace: logging\nspec:\n  version: 8.15.3\n',
    );
    expect(check).toEqual({ depth: 'structural', namespaced: true, problems: [] });
  });

  it('refuses a structurally malformed custom resource field by field', async () => {
    const check = await checkText('apiVersion: elastic/v1\nkind: kibana\nmetadata:\n  name: Logs\nspec: [1]\n');
    expect(check.problems.map((problem) => problem.field)).toEqual([
      'metadata.name',
      'apiVersion',
      'kind',
      'metadata.namespace',
      'spec',
    ]);
  });
});
