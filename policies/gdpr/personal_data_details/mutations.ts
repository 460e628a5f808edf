/** Mutation rows: defects ecolaura.gdpr.personal_data_details must catch in the synthesized output. */

import { type Mutation, withoutKey } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'personal data without a lawful basis tag on the backup vault (prod)',
    policy: { id: 'ECO-GDPR-003', package: 'ecolaura.gdpr.personal_data_details' },
    apply: (tree) => {
      const vault = tree.terraformResource('prod', 'aws_backup_vault');
      vault.body.tags = withoutKey(vault.body.tags, 'gdpr.ecolaura.io/lawful-basis');
      vault.save();
      return vault;
    },
  },
  {
    defect: 'personal data without a retention-days label (prod Elasticsearch)',
    policy: { id: 'ECO-GDPR-003', package: 'ecolaura.gdpr.personal_data_details' },
    apply: (tree) => {
      const elasticsearch = tree.kubernetesObject('prod', 'Elasticsearch');
      elasticsearch.document.deleteIn(['metadata', 'labels', 'gdpr.ecolaura.io/retention-days']);
      elasticsearch.save();
      return elasticsearch;
    },
  },
];
