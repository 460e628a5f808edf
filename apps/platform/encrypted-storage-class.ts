import { KubeStorageClass } from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { ENCRYPTED_STORAGE_CLASS } from '../lib/cluster';

/**
 * The cluster's default StorageClass: gp3 volumes from the EBS CSI driver, encrypted at rest
 * with the account's EBS key. Volumes are created in the zone of the pod that claims them
 * (WaitForFirstConsumer) and may grow in place.
 * https://github.com/kubernetes-sigs/aws-ebs-csi-driver/blob/master/docs/parameters.md
 */
export class EncryptedStorageClass extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new KubeStorageClass(this, 'Resource', {
      metadata: {
        name: ENCRYPTED_STORAGE_CLASS,
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      },
      provisioner: 'ebs.csi.aws.com',
      parameters: { type: 'gp3', encrypted: 'true', 'csi.storage.k8s.io/fstype': 'ext4' },
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
    });
  }
}
