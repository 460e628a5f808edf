import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { type Environment, gdprLabels } from '../../environments';
import { EncryptedStorageClass } from './encrypted-storage-class';
import { namespaceSpecs } from './namespaces';
import { AppNetworkPolicies } from './network-policies';

/** Props of {@link PlatformChart}. */
export interface PlatformChartProps {
  readonly env: Environment;
}

/** Kubernetes version the Pod Security Standards are pinned to, so an upgrade cannot loosen them. */
const PSA_VERSION = 'v1.28';

/**
 * What every other chart stands on: the namespaces (Pod Security Admission and GDPR labels),
 * the default-deny network policies of the app namespace and the encrypted default StorageClass.
 * Synced first (apps/argocd/sync-waves.ts).
 */
export class PlatformChart extends Chart {
  constructor(scope: Construct, id: string, props: PlatformChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    for (const spec of namespaceSpecs(props.env)) {
      if (spec.enforce !== 'restricted' && !spec.reason) {
        throw new Error(
          `namespace ${spec.name}: PSA level "${spec.enforce}" needs a reason; give one or use restricted`,
        );
      }
      new kplus.Namespace(this, `namespace-${spec.name}`, {
        metadata: {
          name: spec.name,
          labels: {
            'pod-security.kubernetes.io/enforce': spec.enforce,
            'pod-security.kubernetes.io/enforce-version': PSA_VERSION,
            'pod-security.kubernetes.io/audit': 'restricted',
            'pod-security.kubernetes.io/audit-version': PSA_VERSION,
            'pod-security.kubernetes.io/warn': 'restricted',
            'pod-security.kubernetes.io/warn-version': PSA_VERSION,
            ...gdprLabels(spec.profile),
            ...spec.labels,
          },
          ...(spec.reason ? { annotations: { 'ecolaura.io/pod-security-reason': spec.reason } } : {}),
        },
      });
    }
    new EncryptedStorageClass(this, 'storage-class');
    new AppNetworkPolicies(this, 'network-policies', { env: props.env });
  }
}
