/**
 * What a policy folder's `mutations.ts` needs to write its rows: the row type and the helpers
 * several policies' rows share. A row plants one realistic defect in a copy of the committed
 * synthesized output; `scripts/gate/mutations.test.ts` runs the gate on the copy and expects the
 * row's policy at the planted file and resource. Each row names its policy twice, by id and by
 * package, and the loader checks the package against the folder, so renumbering a policy cannot
 * silently make a row pass against a different one.
 */

import type { EnvironmentName } from '../../environments/model';
import type { KubernetesObjectHandle, MutableTree, MutationTarget } from '../gate/testing/mutable-tree';

export type { KubernetesObjectHandle, MutableTree, MutationTarget };

export interface Mutation {
  /** The defect, as a reviewer would describe it. */
  readonly defect: string;
  /** The policy that must catch it. */
  readonly policy: { readonly id: string; readonly package: string };
  /** Plants the defect and returns where the gate must point. */
  readonly apply: (tree: MutableTree) => MutationTarget;
}

export type Json = Record<string, unknown>;

/** cdktf writes a single nested block as an object, a repeated one as a list; edit either. */
export function blocks(value: unknown): Json[] {
  if (Array.isArray(value)) return value as Json[];
  return value && typeof value === 'object' ? [value as Json] : [];
}

export function withoutKey(record: unknown, key: string): Json {
  const copy = { ...(record as Json) };
  delete copy[key];
  return copy;
}

// biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
export const NODES_GROUP = '${aws_security_group.eks_nodes_security_group.id}';

export const OPEN_SSH = {
  description: 'SSH from anywhere',
  from_port: 22,
  to_port: 22,
  ip_protocol: 'tcp',
  cidr_ipv4: '0.0.0.0/0',
  security_group_id: NODES_GROUP,
};

export function sshHalf(cidr: string): Json {
  return { from_port: 22, to_port: 22, ip_protocol: 'tcp', cidr_ipv4: cidr, security_group_id: NODES_GROUP };
}

/** The backend Deployment's first container of `env`, edited through `edit`. */
export function backendContainer(
  tree: MutableTree,
  env: EnvironmentName,
  edit: (handle: KubernetesObjectHandle, path: readonly (string | number)[]) => void,
): KubernetesObjectHandle {
  const deployment = tree.kubernetesObject(env, 'Deployment', (o) => (o.metadata as Json).name === 'backend');
  edit(deployment, ['spec', 'template', 'spec', 'containers', 0]);
  deployment.save();
  return deployment;
}

/** Sets one securityContext field of the backend's first container. */
export function securityContext(env: EnvironmentName, field: readonly string[], value: unknown): Mutation['apply'] {
  return (tree) =>
    backendContainer(tree, env, (handle, container) =>
      handle.document.setIn([...container, 'securityContext', ...field], value),
    );
}
