/** Mutation rows: defects ecolaura.https.lb_listener_tls must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a new load balancer listener forwarding plain HTTP (prod)',
    policy: { id: 'ECO-TLS-005', package: 'ecolaura.https.lb_listener_tls' },
    apply: (tree) =>
      tree.addTerraformResource('prod', 'aws_lb_listener', 'web_http', {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
        load_balancer_arn: '${aws_lb.web.arn}',
        port: 80,
        protocol: 'HTTP',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
        default_action: { type: 'forward', target_group_arn: '${aws_lb_target_group.web.arn}' },
      }),
  },
];
