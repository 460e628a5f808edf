/** Mutation rows: defects ecolaura.https.argocd_repo_transport must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'an Argo CD Application pulling from a plain-http repoURL (prod)',
    policy: { id: 'ECO-TLS-007', package: 'ecolaura.https.argocd_repo_transport' },
    apply: (tree) => {
      const application = tree.kubernetesObject('prod', 'Application', (o) => (o.metadata as Json).name === 'frontend');
      application.document.setIn(['spec', 'source', 'repoURL'], 'http://github.com/ecolaura/platform.git');
      application.save();
      return application;
    },
  },
  {
    defect: 'an ApplicationSet whose git generator pulls over plain http (prod)',
    policy: { id: 'ECO-TLS-007', package: 'ecolaura.https.argocd_repo_transport' },
    apply: (tree) =>
      tree.addManifest(
        'prod',
        'argocd/ApplicationSet.previews.yaml',
        [
          'apiVersion: argoproj.io/v1alpha1',
          'kind: ApplicationSet',
          'metadata:',
          '  name: previews',
          '  namespace: argocd',
          'spec:',
          '  generators:',
          '    - git:',
          '        repoURL: http://git.example.com/platform.git',
          '        revision: main',
          '        directories:',
          '          - path: previews/*',
          '  template:',
          '    metadata:',
          "      name: '{{path.basename}}'",
          '    spec:',
          '      project: ecolaura',
          '      source:',
          '        repoURL: https://github.com/ecolaura/platform.git',
          '        targetRevision: main',
          "        path: '{{path}}'",
          '      destination:',
          '        server: https://kubernetes.default.svc',
          '',
        ].join('\n'),
        'ApplicationSet/argocd/previews',
      ),
  },
];
