import { KubeStorageClass } from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { type Environment, ebsKmsKeyAliasArn, volumeTags } from '../../environments';
import { ENCRYPTED_STORAGE_CLASS } from '../lib/cluster';

/** Props of {@link EncryptedStorageClass}. */
export interface EncryptedStorageClassProps {
  /** The environment whose EBS key encrypts the volumes and whose data profile tags them. */
  readonly env: Environment;
}

/**
 * The driver's tag parameters, `tagSpecification_<n>: "<key>=<value>"`, numbered from 1 in key
 * order so the output is stable. The driver copies them onto every volume it creates, next to its
 * own `CSIVolumeName` and `kubernetes.io/created-for/pvc/*` tags.
 * https://github.com/kubernetes-sigs/aws-ebs-csi-driver/blob/master/docs/tagging.md
 */
export function tagSpecifications(tags: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(tags)
      .sort()
      .map((key, index) => [`tagSpecification_${index + 1}`, `${key}=${tags[key]}`]),
  );
}

/**
 * The cluster's default StorageClass: gp3 volumes from the EBS CSI driver, encrypted at rest
 * with the platform's own EBS key (named by its alias ARN, which Terraform creates with the key:
 * without `kmsKeyId` EC2 would fall back to the account's AWS-managed `aws/ebs` key), and tagged
 * with the GDPR tag set of the data they hold. Volumes are created in the zone of the pod that
 * claims them (WaitForFirstConsumer) and may grow in place.
 * https://github.com/kubernetes-sigs/aws-ebs-csi-driver/blob/master/docs/parameters.md
 */
export class EncryptedStorageClass extends Construct {
  constructor(scope: Construct, id: string, props: EncryptedStorageClassProps) {
    super(scope, id);
    new KubeStorageClass(this, 'Resource', {
      metadata: {
        name: ENCRYPTED_STORAGE_CLASS,
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      },
      provisioner: 'ebs.csi.aws.com',
      parameters: {
        type: 'gp3',
        encrypted: 'true',
        kmsKeyId: ebsKmsKeyAliasArn(props.env),
        'csi.storage.k8s.io/fstype': 'ext4',
        ...tagSpecifications(volumeTags(props.env)),
      },
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
    });
  }
}
