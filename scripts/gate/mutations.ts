/**
 * The mutation table: one realistic defect per row, planted in a copy of the committed
 * synthesized output. `mutations.test.ts` runs the gate on each copy and expects exit 1 with
 * the named policy at the planted file and resource. Each row names its policy twice — by id and
 * by the Rego package the catalog lists for it — so renumbering a policy cannot silently make a
 * row pass against a different one.
 */

import type { MutableTree, MutationTarget } from './testing/mutable-tree';

export interface Mutation {
  /** The defect, as a reviewer would describe it. */
  readonly defect: string;
  /** The policy that must catch it. */
  readonly policy: { readonly id: string; readonly package: string };
  /** Plants the defect and returns where the gate must point. */
  readonly apply: (tree: MutableTree) => MutationTarget;
}

type Json = Record<string, unknown>;

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'an Ingress whose TLS block was dropped (prod)',
    policy: { id: 'ECO-TLS-001', package: 'ecolaura.https.ingress_tls' },
    apply: (tree) => {
      const ingress = tree.kubernetesObject('prod', 'Ingress', (o) => (o.metadata as Json).name === 'frontend');
      ingress.document.deleteIn(['spec', 'tls']);
      ingress.save();
      return ingress;
    },
  },
];
