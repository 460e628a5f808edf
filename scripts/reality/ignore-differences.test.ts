import { normalizeFile } from '../gate/normalize';
import type { ArgoSyncFacts } from './argo-sync-facts';

const FOLDER = 'clusters/prod/shop';

function statuses(entries: string, objects: string): string[] {
  const yaml = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: shop, namespace: argocd}
spec:
  destination: {namespace: shop}
  source: {repoURL: https://github.com/ecolaura/platform.git, path: ${FOLDER}}
  ignoreDifferences:
${entries}
---
${objects}`;
  const application = normalizeFile(`${FOLDER}/objects.yaml`, yaml, '2026-12-02').find((r) => r.type === 'Application');
  if (!application) throw new Error('the Application was not normalized');
  return (application.facts.argoSync as ArgoSyncFacts).ignoreDifferences.map((i) => `${i.path} ${i.status}`);
}

const WEBHOOK = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: hook}
webhooks:
  - name: a.example
    clientConfig: {caBundle: Zm9v}
`;

describe('ignoreDifferences paths', () => {
  it('are found through a jq iteration ([]?) and a JSON pointer with an index', () => {
    expect(
      statuses(
        '    - {group: admissionregistration.k8s.io, kind: ValidatingWebhookConfiguration, jqPathExpressions: [".webhooks[]?.clientConfig.caBundle"], jsonPointers: [/webhooks/0/name]}',
        WEBHOOK,
      ),
    ).toEqual(['/webhooks/0/name present', '.webhooks[]?.clientConfig.caBundle present']);
  });

  it('are missing when no element carries the field, and unmatched when the object is not in the folder', () => {
    expect(
      statuses(
        [
          '    - {group: admissionregistration.k8s.io, kind: ValidatingWebhookConfiguration, jqPathExpressions: [".webhooks[].clientConfig.service"]}',
          '    - {group: apps, kind: Deployment, name: other, jsonPointers: [/spec/replicas]}',
        ].join('\n'),
        WEBHOOK,
      ),
    ).toEqual(['.webhooks[].clientConfig.service missing', '/spec/replicas no-object']);
  });

  it('written in jq beyond plain paths cannot be checked', () => {
    expect(
      statuses(
        '    - {group: admissionregistration.k8s.io, kind: ValidatingWebhookConfiguration, jqPathExpressions: [".webhooks[] | select(.name == \\"a\\")"]}',
        WEBHOOK,
      ),
    ).toEqual(['.webhooks[] | select(.name == "a") unparsed']);
  });
});
