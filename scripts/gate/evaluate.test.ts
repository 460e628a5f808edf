/**
 * The committed bundle under opa-wasm: the result shape the gate relies on, and that evaluating
 * group by group finds exactly what evaluating everything at once finds.
 */

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicyBundle, type PolicyBundle } from './evaluate';
import { MUTATIONS } from './mutations';
import { runGate } from './run-gate';
import { plantOnDisk } from './testing/mutable-tree';
import { copySynthesizedOutputs, REPO_ROOT } from './testing/synthesized-copy';
import type { PolicyResource } from './types';

const BUNDLE = join(REPO_ROOT, 'policies', 'bundle');
let bundle: PolicyBundle;

beforeAll(async () => {
  bundle = await loadPolicyBundle(BUNDLE);
});

/** A prod Ingress answering its host over plain HTTP: a defect the HTTPS theme must catch. */
const PLAIN_HTTP_INGRESS: PolicyResource = {
  source: 'kubernetes',
  file: 'clusters/prod/shop/Ingress.shop.yaml',
  line: 7,
  group: 'clusters/prod',
  environment: 'prod',
  region: null,
  type: 'Ingress',
  apiVersion: 'networking.k8s.io/v1',
  name: 'shop',
  namespace: 'ecolaura',
  address: 'Ingress/ecolaura/shop',
  tags: {},
  values: {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'shop', namespace: 'ecolaura' },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          host: 'shop.ecolaura.eu',
          http: {
            paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'shop', port: { number: 80 } } } }],
          },
        },
      ],
    },
  },
  references: [],
  attributeReferences: {},
  facts: {},
};

describe('the committed policy bundle', () => {
  it('lists every policy in its catalog with an id, title and severity', () => {
    expect(bundle.catalog.size).toBeGreaterThan(0);
    for (const policy of bundle.catalog.values()) expect(policy.id).toMatch(/^ECO-[A-Z]+-\d{3}$/);
  });

  it('finds nothing in an empty input', () => {
    expect(bundle.evaluate({ resources: [] })).toEqual([]);
  });

  it('reports a violation at the resource file, line and address it was given', () => {
    const violations = bundle.evaluate({ resources: [PLAIN_HTTP_INGRESS] });
    expect(violations.length).toBeGreaterThan(0);
    for (const violation of violations) {
      expect(violation).toMatchObject({
        file: PLAIN_HTTP_INGRESS.file,
        line: 7,
        resource: 'Ingress/ecolaura/shop',
        environment: 'prod',
      });
      expect(bundle.catalog.get(violation.policy)?.severity).toBe(violation.severity);
    }
  });

  it('finds the same violations group by group as all at once, over a copy with every mutation planted', async () => {
    const root = copySynthesizedOutputs();
    plantOnDisk(root, (tree) => {
      for (const mutation of MUTATIONS) mutation.apply(tree);
    });
    const options = {
      paths: [],
      root,
      bundleDir: BUNDLE,
      exceptionsFile: join(REPO_ROOT, 'policies', 'exceptions.yaml'),
      today: '2026-01-01',
    };
    const perGroup = await runGate({ ...options, evaluation: 'per-group' });
    const all = await runGate({ ...options, evaluation: 'all' });
    rmSync(root, { recursive: true, force: true });
    expect(perGroup.findings.length).toBeGreaterThan(0);
    expect(perGroup.findings).toEqual(all.findings);
  });
});
