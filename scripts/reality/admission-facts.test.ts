import { normalizeFile } from '../gate/normalize';
import type { PolicyResource } from '../gate/types';
import type { AdmissionFacts } from './admission-facts';
import { levelOf } from './admission-facts';

const TODAY = '2026-12-02';

function admissionOf(yaml: string, address: string): AdmissionFacts | undefined {
  const resources = normalizeFile('clusters/prod/shop/objects.yaml', yaml, TODAY);
  const resource = resources.find((r: PolicyResource) => r.address === address);
  if (!resource) throw new Error(`${address} is not in the input`);
  return resource.facts.admission as AdmissionFacts | undefined;
}

const NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: baseline
    pod-security.kubernetes.io/enforce-version: v1.35
---
`;

describe('levelOf', () => {
  it('reads the enforce level and version of a labelled namespace', () => {
    expect(
      levelOf('shop', {
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/enforce-version': 'v1.35',
      }),
    ).toEqual({
      level: 'restricted',
      version: 'v1.35',
      source: 'namespace-label',
      problem: null,
    });
  });

  it('falls back to the cluster default, privileged at latest, when the namespace sets no level', () => {
    expect(levelOf('kube-system', {})).toEqual({
      level: 'privileged',
      version: 'latest',
      source: 'cluster-default',
      problem: null,
    });
  });

  it('names an unknown level, a malformed version and a version older than modelled as problems', () => {
    expect(levelOf('shop', { 'pod-security.kubernetes.io/enforce': 'strict' }).problem).toMatch(
      /"strict", not one of privileged, baseline, restricted/,
    );
    expect(
      levelOf('shop', {
        'pod-security.kubernetes.io/enforce': 'baseline',
        'pod-security.kubernetes.io/enforce-version': '1.35',
      }).problem,
    ).toMatch(/neither latest nor v1.<minor>/);
    expect(
      levelOf('shop', {
        'pod-security.kubernetes.io/enforce': 'baseline',
        'pod-security.kubernetes.io/enforce-version': 'v1.22',
      }).problem,
    ).toMatch(/older than v1.25/);
  });
});

describe('facts.admission', () => {
  it('gives a Deployment its namespace level and its pod template', () => {
    const facts = admissionOf(
      `${NAMESPACE}apiVersion: apps/v1
kind: Deployment
metadata: {name: app, namespace: shop}
spec:
  template:
    spec:
      containers: [{name: app, image: app}]
`,
      'Deployment/shop/app',
    );
    expect(facts).toMatchObject({ namespace: 'shop', level: 'baseline', version: 'v1.35', chart: null });
    expect(facts?.templates.map((t) => t.path)).toEqual(['spec.template']);
  });

  it("finds every podTemplate of an operator's custom resource, named by its node set", () => {
    const facts = admissionOf(
      `${NAMESPACE}apiVersion: elasticsearch.k8s.elastic.co/v1
kind: Elasticsearch
metadata: {name: logs, namespace: shop}
spec:
  nodeSets:
    - name: hot
      podTemplate: {spec: {securityContext: {runAsNonRoot: true}}}
    - name: warm
      podTemplate: {spec: {}}
`,
      'Elasticsearch/shop/logs',
    );
    expect(facts?.templates.map((t) => t.path)).toEqual([
      'spec.nodeSets[hot].podTemplate',
      'spec.nodeSets[warm].podTemplate',
    ]);
  });

  it("reads a CronJob's job template and a bare Pod's own spec", () => {
    const yaml = `${NAMESPACE}apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly, namespace: shop}
spec:
  jobTemplate: {spec: {template: {spec: {containers: [{name: c, image: c}]}}}}
---
apiVersion: v1
kind: Pod
metadata: {name: debug, namespace: shop}
spec:
  containers: [{name: c, image: c}]
`;
    expect(admissionOf(yaml, 'CronJob/shop/nightly')?.templates.map((t) => t.path)).toEqual([
      'spec.jobTemplate.spec.template',
    ]);
    expect(admissionOf(yaml, 'Pod/shop/debug')?.templates.map((t) => t.path)).toEqual(['']);
  });

  it('marks a Helm Application as a chart whose pods are not in Git', () => {
    const facts = admissionOf(
      `${NAMESPACE}apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: cert-manager, namespace: argocd}
spec:
  destination: {namespace: shop}
  source: {repoURL: https://charts.jetstack.io, chart: cert-manager, targetRevision: v1.21.0}
`,
      'Application/argocd/cert-manager',
    );
    expect(facts).toMatchObject({ namespace: 'shop', level: 'baseline', chart: 'cert-manager@v1.21.0', templates: [] });
  });

  it('takes the level of a namespace the sync creates from its managedNamespaceMetadata', () => {
    const facts = admissionOf(
      `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: shop, namespace: argocd}
spec:
  destination: {namespace: shop}
  source: {repoURL: https://github.com/ecolaura/platform.git, path: clusters/prod/other}
  syncPolicy:
    syncOptions: [CreateNamespace=true]
    managedNamespaceMetadata:
      labels: {pod-security.kubernetes.io/enforce: restricted}
---
apiVersion: v1
kind: Pod
metadata: {name: debug, namespace: shop}
spec:
  containers: [{name: c, image: c}]
`,
      'Pod/shop/debug',
    );
    expect(facts).toMatchObject({ level: 'restricted', version: 'latest', source: 'namespace-label' });
  });

  it('leaves objects without pods alone', () => {
    expect(
      admissionOf(
        `${NAMESPACE}apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\n`,
        'ConfigMap/shop/c',
      ),
    ).toBeUndefined();
  });
});
