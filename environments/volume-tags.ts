import { DATA_PROFILES, type DataProfile, gdprLabels } from './gdpr';
import type { Environment } from './model';
import { PROJECT } from './names';

/**
 * The GDPR profile of the volumes the EBS CSI driver provisions. One encrypted StorageClass
 * serves Elasticsearch (logs holding IP addresses and user ids) and Prometheus (aggregated
 * metrics), so its volumes carry the stricter of the two: the operational-logs profile, with the
 * retention this environment's log lifecycle really applies (`observability.logRetentionDays`,
 * which `validate.ts` keeps within the profile's ceiling).
 */
export function volumeDataProfile(env: Environment): DataProfile {
  return { ...DATA_PROFILES.operationalLogs, retentionDays: env.observability.logRetentionDays };
}

/**
 * Tags every dynamically provisioned EBS volume must carry: the GDPR tag set of DESIGN.md plus
 * the ownership tags the provider's `default_tags` give Terraform-made resources (the CSI driver
 * creates volumes outside Terraform, so nothing adds those for it). The encrypted StorageClass
 * passes each entry to the driver as a `tagSpecification_<n>: "<key>=<value>"` parameter.
 * https://github.com/kubernetes-sigs/aws-ebs-csi-driver/blob/master/docs/tagging.md
 */
export function volumeTags(env: Environment): Readonly<Record<string, string>> {
  return {
    project: PROJECT,
    environment: env.name,
    owner: env.owner,
    'managed-by': 'ebs-csi-driver',
    ...gdprLabels(volumeDataProfile(env)),
  };
}
