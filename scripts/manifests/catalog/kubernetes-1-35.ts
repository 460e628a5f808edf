import kubernetesModels from 'kubernetes-models/package.json';
import { clusterScoped, namespaced, type SchemaSource } from './types';

/**
 * The built-in kinds a Kubernetes 1.35 API server serves by default, each validated with its
 * `kubernetes-models` class.
 *
 * `kubernetes-models` 4.5.0 generates its schemas from Kubernetes 1.33.0 merged with older
 * releases' removed APIs, so by itself it would accept `extensions/v1beta1` Ingresses (gone since
 * 1.22) or `flowcontrol.apiserver.k8s.io/v1beta3` (gone since 1.32). This table is the 1.35 filter
 * on top: only the group/versions 1.35 serves with default feature gates, per the API reference
 * (https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.35/) and the deprecation guide
 * (https://kubernetes.io/docs/reference/using-api/deprecation-guide/). Review and subresource
 * kinds (TokenReview, SubjectAccessReview, Eviction, Binding…) are requests, not objects a GitOps
 * tree holds, so they are left out.
 *
 * Two GA APIs of 1.34 have no schema in a package built from 1.33 and are therefore absent, so a
 * manifest using them is refused rather than waved through: `resource.k8s.io/v1` (dynamic
 * resource allocation) and `storage.k8s.io/v1` VolumeAttributesClass. Nothing here emits them.
 */
export const KUBERNETES_1_35: SchemaSource = {
  api: 'Kubernetes 1.35',
  package: `kubernetes-models ${kubernetesModels.version}`,
  /**
   * Every group the Kubernetes API server has ever served. An apiVersion in one of these groups
   * that is missing from `kinds` (a typo like `apps/v2`, or an API removed before 1.35) is an
   * error, never a skip.
   */
  groups: [
    '',
    'admissionregistration.k8s.io',
    'apiextensions.k8s.io',
    'apiregistration.k8s.io',
    'apps',
    'authentication.k8s.io',
    'authorization.k8s.io',
    'autoscaling',
    'batch',
    'certificates.k8s.io',
    'coordination.k8s.io',
    'discovery.k8s.io',
    'events.k8s.io',
    'extensions',
    'flowcontrol.apiserver.k8s.io',
    'internal.apiserver.k8s.io',
    'networking.k8s.io',
    'node.k8s.io',
    'policy',
    'rbac.authorization.k8s.io',
    'resource.k8s.io',
    'scheduling.k8s.io',
    'storage.k8s.io',
    'storagemigration.k8s.io',
  ],
  kinds: {
    v1: {
      ConfigMap: namespaced(() => import('kubernetes-models/v1/ConfigMap').then((m) => m.ConfigMap)),
      Endpoints: namespaced(() => import('kubernetes-models/v1/Endpoints').then((m) => m.Endpoints)),
      Event: namespaced(() => import('kubernetes-models/v1/Event').then((m) => m.Event)),
      LimitRange: namespaced(() => import('kubernetes-models/v1/LimitRange').then((m) => m.LimitRange)),
      Namespace: clusterScoped(() => import('kubernetes-models/v1/Namespace').then((m) => m.Namespace)),
      Node: clusterScoped(() => import('kubernetes-models/v1/Node').then((m) => m.Node)),
      PersistentVolume: clusterScoped(() =>
        import('kubernetes-models/v1/PersistentVolume').then((m) => m.PersistentVolume),
      ),
      PersistentVolumeClaim: namespaced(() =>
        import('kubernetes-models/v1/PersistentVolumeClaim').then((m) => m.PersistentVolumeClaim),
      ),
      Pod: namespaced(() => import('kubernetes-models/v1/Pod').then((m) => m.Pod)),
      PodTemplate: namespaced(() => import('kubernetes-models/v1/PodTemplate').then((m) => m.PodTemplate)),
      ReplicationController: namespaced(() =>
        import('kubernetes-models/v1/ReplicationController').then((m) => m.ReplicationController),
      ),
      ResourceQuota: namespaced(() => import('kubernetes-models/v1/ResourceQuota').then((m) => m.ResourceQuota)),
      Secret: namespaced(() => import('kubernetes-models/v1/Secret').then((m) => m.Secret)),
      Service: namespaced(() => import('kubernetes-models/v1/Service').then((m) => m.Service)),
      ServiceAccount: namespaced(() => import('kubernetes-models/v1/ServiceAccount').then((m) => m.ServiceAccount)),
    },
    'admissionregistration.k8s.io/v1': {
      MutatingWebhookConfiguration: clusterScoped(() =>
        import('kubernetes-models/admissionregistration.k8s.io/v1/MutatingWebhookConfiguration').then(
          (m) => m.MutatingWebhookConfiguration,
        ),
      ),
      // ValidatingAdmissionPolicy and its binding are GA since 1.30.
      ValidatingAdmissionPolicy: clusterScoped(() =>
        import('kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy').then(
          (m) => m.ValidatingAdmissionPolicy,
        ),
      ),
      ValidatingAdmissionPolicyBinding: clusterScoped(() =>
        import('kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding').then(
          (m) => m.ValidatingAdmissionPolicyBinding,
        ),
      ),
      ValidatingWebhookConfiguration: clusterScoped(() =>
        import('kubernetes-models/admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration').then(
          (m) => m.ValidatingWebhookConfiguration,
        ),
      ),
    },
    'apiextensions.k8s.io/v1': {
      CustomResourceDefinition: clusterScoped(() =>
        import('kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition').then(
          (m) => m.CustomResourceDefinition,
        ),
      ),
    },
    'apiregistration.k8s.io/v1': {
      APIService: clusterScoped(() =>
        import('kubernetes-models/apiregistration.k8s.io/v1/APIService').then((m) => m.APIService),
      ),
    },
    'apps/v1': {
      ControllerRevision: namespaced(() =>
        import('kubernetes-models/apps/v1/ControllerRevision').then((m) => m.ControllerRevision),
      ),
      DaemonSet: namespaced(() => import('kubernetes-models/apps/v1/DaemonSet').then((m) => m.DaemonSet)),
      Deployment: namespaced(() => import('kubernetes-models/apps/v1/Deployment').then((m) => m.Deployment)),
      ReplicaSet: namespaced(() => import('kubernetes-models/apps/v1/ReplicaSet').then((m) => m.ReplicaSet)),
      StatefulSet: namespaced(() => import('kubernetes-models/apps/v1/StatefulSet').then((m) => m.StatefulSet)),
    },
    'autoscaling/v1': {
      HorizontalPodAutoscaler: namespaced(() =>
        import('kubernetes-models/autoscaling/v1/HorizontalPodAutoscaler').then((m) => m.HorizontalPodAutoscaler),
      ),
    },
    'autoscaling/v2': {
      HorizontalPodAutoscaler: namespaced(() =>
        import('kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler').then((m) => m.HorizontalPodAutoscaler),
      ),
    },
    'batch/v1': {
      CronJob: namespaced(() => import('kubernetes-models/batch/v1/CronJob').then((m) => m.CronJob)),
      Job: namespaced(() => import('kubernetes-models/batch/v1/Job').then((m) => m.Job)),
    },
    'certificates.k8s.io/v1': {
      CertificateSigningRequest: clusterScoped(() =>
        import('kubernetes-models/certificates.k8s.io/v1/CertificateSigningRequest').then(
          (m) => m.CertificateSigningRequest,
        ),
      ),
    },
    'coordination.k8s.io/v1': {
      Lease: namespaced(() => import('kubernetes-models/coordination.k8s.io/v1/Lease').then((m) => m.Lease)),
    },
    'discovery.k8s.io/v1': {
      EndpointSlice: namespaced(() =>
        import('kubernetes-models/discovery.k8s.io/v1/EndpointSlice').then((m) => m.EndpointSlice),
      ),
    },
    'events.k8s.io/v1': {
      Event: namespaced(() => import('kubernetes-models/events.k8s.io/v1/Event').then((m) => m.Event)),
    },
    // flowcontrol v1 is GA since 1.29; v1beta2 was removed in 1.29 and v1beta3 in 1.32.
    'flowcontrol.apiserver.k8s.io/v1': {
      FlowSchema: clusterScoped(() =>
        import('kubernetes-models/flowcontrol.apiserver.k8s.io/v1/FlowSchema').then((m) => m.FlowSchema),
      ),
      PriorityLevelConfiguration: clusterScoped(() =>
        import('kubernetes-models/flowcontrol.apiserver.k8s.io/v1/PriorityLevelConfiguration').then(
          (m) => m.PriorityLevelConfiguration,
        ),
      ),
    },
    'networking.k8s.io/v1': {
      Ingress: namespaced(() => import('kubernetes-models/networking.k8s.io/v1/Ingress').then((m) => m.Ingress)),
      IngressClass: clusterScoped(() =>
        import('kubernetes-models/networking.k8s.io/v1/IngressClass').then((m) => m.IngressClass),
      ),
      // IPAddress and ServiceCIDR are GA since 1.33.
      IPAddress: clusterScoped(() =>
        import('kubernetes-models/networking.k8s.io/v1/IPAddress').then((m) => m.IPAddress),
      ),
      NetworkPolicy: namespaced(() =>
        import('kubernetes-models/networking.k8s.io/v1/NetworkPolicy').then((m) => m.NetworkPolicy),
      ),
      ServiceCIDR: clusterScoped(() =>
        import('kubernetes-models/networking.k8s.io/v1/ServiceCIDR').then((m) => m.ServiceCIDR),
      ),
    },
    'node.k8s.io/v1': {
      RuntimeClass: clusterScoped(() =>
        import('kubernetes-models/node.k8s.io/v1/RuntimeClass').then((m) => m.RuntimeClass),
      ),
    },
    'policy/v1': {
      PodDisruptionBudget: namespaced(() =>
        import('kubernetes-models/policy/v1/PodDisruptionBudget').then((m) => m.PodDisruptionBudget),
      ),
    },
    'rbac.authorization.k8s.io/v1': {
      ClusterRole: clusterScoped(() =>
        import('kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole').then((m) => m.ClusterRole),
      ),
      ClusterRoleBinding: clusterScoped(() =>
        import('kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding').then((m) => m.ClusterRoleBinding),
      ),
      Role: namespaced(() => import('kubernetes-models/rbac.authorization.k8s.io/v1/Role').then((m) => m.Role)),
      RoleBinding: namespaced(() =>
        import('kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding').then((m) => m.RoleBinding),
      ),
    },
    'scheduling.k8s.io/v1': {
      PriorityClass: clusterScoped(() =>
        import('kubernetes-models/scheduling.k8s.io/v1/PriorityClass').then((m) => m.PriorityClass),
      ),
    },
    'storage.k8s.io/v1': {
      CSIDriver: clusterScoped(() => import('kubernetes-models/storage.k8s.io/v1/CSIDriver').then((m) => m.CSIDriver)),
      CSINode: clusterScoped(() => import('kubernetes-models/storage.k8s.io/v1/CSINode').then((m) => m.CSINode)),
      CSIStorageCapacity: namespaced(() =>
        import('kubernetes-models/storage.k8s.io/v1/CSIStorageCapacity').then((m) => m.CSIStorageCapacity),
      ),
      StorageClass: clusterScoped(() =>
        import('kubernetes-models/storage.k8s.io/v1/StorageClass').then((m) => m.StorageClass),
      ),
      VolumeAttachment: clusterScoped(() =>
        import('kubernetes-models/storage.k8s.io/v1/VolumeAttachment').then((m) => m.VolumeAttachment),
      ),
    },
  },
};
