/** Mutation rows: defects ecolaura.supporting.reachability_needed must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a private network ACL without the load balancer target ports and the ephemeral return range (prod)',
    policy: { id: 'ECO-SUP-050', package: 'ecolaura.supporting.reachability_needed' },
    apply: (tree) => {
      const acl = tree.terraformResource('prod', 'aws_network_acl', (_body, name) => name.endsWith('private'));
      const rules = acl.config.resource as Record<string, Record<string, Json>>;
      const aclRules = rules.aws_network_acl_rule ?? {};
      const dropped = Object.keys(aclRules).filter((name) => {
        const rule = aclRules[name] as Json;
        const ports = `${rule.from_port}-${rule.to_port}`;
        return (
          String(rule.network_acl_id).includes(acl.resource) &&
          rule.egress === false &&
          ['8000-8000', '8080-8080', '32768-65535'].includes(ports)
        );
      });
      if (dropped.length === 0)
        throw new Error('the prod private ACL has no target-port or ephemeral ingress rule to remove');
      for (const name of dropped) delete aclRules[name];
      acl.save();
      return acl;
    },
  },
  {
    defect: 'the ecolaura default deny without the load balancer allowance (prod)',
    policy: { id: 'ECO-SUP-050', package: 'ecolaura.supporting.reachability_needed' },
    apply: (tree) => {
      const isNamed = (name: string) => (object: Json) => {
        const metadata = object.metadata as Json;
        return metadata.namespace === 'ecolaura' && metadata.name === name;
      };
      const allowance = tree.kubernetesObject('prod', 'NetworkPolicy', isNamed('allow-public-load-balancer'));
      tree.removeFile(allowance.file);
      // The workloads' own policies admit the load balancer's subnets too: take that away as well.
      for (const name of ['frontend', 'backend']) {
        const policy = tree.kubernetesObject('prod', 'NetworkPolicy', isNamed(name));
        const ingress = (policy.document.toJS() as { spec: { ingress: Json[] } }).spec.ingress;
        policy.document.setIn(
          ['spec', 'ingress'],
          ingress.filter((rule) => !(rule.from as Json[]).some((peer) => 'ipBlock' in peer)),
        );
        policy.save();
      }
      return tree.kubernetesObject('prod', 'NetworkPolicy', isNamed('default-deny'));
    },
  },
];
