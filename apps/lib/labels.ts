import { type DataProfile, gdprLabels, PROJECT } from '../../environments';

/** The label that selects a component's pods; Services, PDBs and NetworkPolicies match on it. */
export const NAME_LABEL = 'app.kubernetes.io/name';

/** Labels that select one component's pods; stable across releases, so selectors never change. */
export function selectorLabels(name: string): Record<string, string> {
  return { [NAME_LABEL]: name };
}

/**
 * Labels of a workload and its pod template: the recommended `app.kubernetes.io/*` set plus the
 * GDPR labels of the data it handles (DESIGN.md: every workload and its pod template).
 */
export function workloadLabels(name: string, profile: DataProfile): Record<string, string> {
  return {
    ...selectorLabels(name),
    'app.kubernetes.io/part-of': PROJECT,
    'app.kubernetes.io/managed-by': 'cdk8s',
    ...gdprLabels(profile),
  };
}
