/** Mutation rows: defects ecolaura.encryption.storage_class must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a StorageClass with encryption turned off (dev)',
    policy: { id: 'ECO-ENC-012', package: 'ecolaura.encryption.storage_class' },
    apply: (tree) => {
      const storageClass = tree.kubernetesObject('dev', 'StorageClass');
      storageClass.document.setIn(['parameters', 'encrypted'], 'false');
      storageClass.save();
      return { ...storageClass, path: ['parameters', 'encrypted'] };
    },
  },
  {
    defect: 'a StorageClass falling back to the AWS-managed aws/ebs key: kmsKeyId removed (prod)',
    policy: { id: 'ECO-ENC-012', package: 'ecolaura.encryption.storage_class' },
    apply: (tree) => {
      const storageClass = tree.kubernetesObject('prod', 'StorageClass');
      storageClass.document.deleteIn(['parameters', 'kmsKeyId']);
      storageClass.save();
      return { ...storageClass, path: ['parameters', 'kmsKeyId'] };
    },
  },
  {
    defect: 'a StorageClass whose volumes lose the GDPR retention tag (staging)',
    policy: { id: 'ECO-ENC-012', package: 'ecolaura.encryption.storage_class' },
    apply: (tree) => {
      const storageClass = tree.kubernetesObject('staging', 'StorageClass');
      const parameters = (storageClass.document.toJS() as { parameters: Record<string, string> }).parameters;
      const retention = Object.keys(parameters).find((key) =>
        parameters[key]?.startsWith('gdpr.ecolaura.io/retention-days='),
      );
      if (!retention) throw new Error('the staging StorageClass has no retention-days tag parameter to remove');
      storageClass.document.deleteIn(['parameters', retention]);
      storageClass.save();
      return storageClass;
    },
  },
];
