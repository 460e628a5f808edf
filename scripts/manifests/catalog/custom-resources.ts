import argoCd from '@kubernetes-models/argo-cd/package.json';
import certManager from '@kubernetes-models/cert-manager/package.json';
import externalSecrets from '@kubernetes-models/external-secrets/package.json';
import prometheusOperator from '@kubernetes-models/prometheus-operator/package.json';
import { VERSIONS } from '../../../environments/versions';
import { clusterScoped, namespaced, type SchemaSource, structuralOnly } from './types';

/** Argo CD's CRDs; `argoproj.io` also holds Argo Rollouts/Workflows kinds, which this tree does not use. */
export const ARGO_CD: SchemaSource = {
  api: 'Argo CD',
  package: `@kubernetes-models/argo-cd ${argoCd.version}`,
  groups: ['argoproj.io'],
  kinds: {
    'argoproj.io/v1alpha1': {
      AppProject: namespaced(() =>
        import('@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject').then((m) => m.AppProject),
      ),
      Application: namespaced(() =>
        import('@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application').then((m) => m.Application),
      ),
      ApplicationSet: namespaced(() =>
        import('@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet').then((m) => m.ApplicationSet),
      ),
    },
  },
};

export const PROMETHEUS_OPERATOR: SchemaSource = {
  api: 'prometheus-operator',
  package: `@kubernetes-models/prometheus-operator ${prometheusOperator.version}`,
  groups: ['monitoring.coreos.com'],
  kinds: {
    'monitoring.coreos.com/v1': {
      Alertmanager: namespaced(() =>
        import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/Alertmanager').then(
          (m) => m.Alertmanager,
        ),
      ),
      PodMonitor: namespaced(() =>
        import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor').then((m) => m.PodMonitor),
      ),
      Probe: namespaced(() =>
        import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/Probe').then((m) => m.Probe),
      ),
      Prometheus: namespaced(() =>
        import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/Prometheus').then((m) => m.Prometheus),
      ),
      PrometheusRule: namespaced(() =>
        import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule').then(
          (m) => m.PrometheusRule,
        ),
      ),
      ServiceMonitor: namespaced(() =>
        import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor').then(
          (m) => m.ServiceMonitor,
        ),
      ),
      ThanosRuler: namespaced(() =>
        import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ThanosRuler').then(
          (m) => m.ThanosRuler,
        ),
      ),
    },
    'monitoring.coreos.com/v1alpha1': {
      AlertmanagerConfig: namespaced(() =>
        import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1alpha1/AlertmanagerConfig').then(
          (m) => m.AlertmanagerConfig,
        ),
      ),
      PrometheusAgent: namespaced(() =>
        import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1alpha1/PrometheusAgent').then(
          (m) => m.PrometheusAgent,
        ),
      ),
      ScrapeConfig: namespaced(() =>
        import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1alpha1/ScrapeConfig').then(
          (m) => m.ScrapeConfig,
        ),
      ),
    },
  },
};

/**
 * cert-manager and its sibling projects. The package also ships cert-manager's pre-1.0 versions
 * (`v1alpha2`, `v1alpha3`, `v1beta1`, `certmanager.k8s.io`); cert-manager 1.6 stopped serving them
 * (https://cert-manager.io/docs/releases/upgrading/remove-deprecated-apis/), so they are errors here.
 */
export const CERT_MANAGER: SchemaSource = {
  api: 'cert-manager',
  package: `@kubernetes-models/cert-manager ${certManager.version}`,
  groups: [
    'cert-manager.io',
    'acme.cert-manager.io',
    'certmanager.k8s.io',
    'awspca.cert-manager.io',
    'policy.cert-manager.io',
    'trust.cert-manager.io',
  ],
  kinds: {
    'cert-manager.io/v1': {
      Certificate: namespaced(() =>
        import('@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate').then((m) => m.Certificate),
      ),
      CertificateRequest: namespaced(() =>
        import('@kubernetes-models/cert-manager/cert-manager.io/v1/CertificateRequest').then(
          (m) => m.CertificateRequest,
        ),
      ),
      ClusterIssuer: clusterScoped(() =>
        import('@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer').then((m) => m.ClusterIssuer),
      ),
      Issuer: namespaced(() =>
        import('@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer').then((m) => m.Issuer),
      ),
    },
    'acme.cert-manager.io/v1': {
      Challenge: namespaced(() =>
        import('@kubernetes-models/cert-manager/acme.cert-manager.io/v1/Challenge').then((m) => m.Challenge),
      ),
      Order: namespaced(() =>
        import('@kubernetes-models/cert-manager/acme.cert-manager.io/v1/Order').then((m) => m.Order),
      ),
    },
    'awspca.cert-manager.io/v1beta1': {
      AWSPCAClusterIssuer: clusterScoped(() =>
        import('@kubernetes-models/cert-manager/awspca.cert-manager.io/v1beta1/AWSPCAClusterIssuer').then(
          (m) => m.AWSPCAClusterIssuer,
        ),
      ),
      AWSPCAIssuer: namespaced(() =>
        import('@kubernetes-models/cert-manager/awspca.cert-manager.io/v1beta1/AWSPCAIssuer').then(
          (m) => m.AWSPCAIssuer,
        ),
      ),
    },
    'policy.cert-manager.io/v1alpha1': {
      CertificateRequestPolicy: clusterScoped(() =>
        import('@kubernetes-models/cert-manager/policy.cert-manager.io/v1alpha1/CertificateRequestPolicy').then(
          (m) => m.CertificateRequestPolicy,
        ),
      ),
    },
    'trust.cert-manager.io/v1alpha1': {
      Bundle: clusterScoped(() =>
        import('@kubernetes-models/cert-manager/trust.cert-manager.io/v1alpha1/Bundle').then((m) => m.Bundle),
      ),
    },
  },
};

/**
 * external-secrets at the pinned chart (`VERSIONS.helmCharts.externalSecrets`). Every release
 * since 0.17 serves `external-secrets.io/v1` and no longer `v1beta1` (its CRD versions are
 * `served: false`; config/crds/bases at helm-chart-2.9.0). The models package knows `v1beta1`,
 * `v1alpha1` and the generators but has no `v1` schema (its 2.x line, which has, needs Node 22),
 * so the v1 kinds get the structural check, named in the output like ECK's, and `v1beta1` is an
 * error rather than an object validated against a schema the cluster no longer serves.
 * PushSecret and the generators are still `v1alpha1` there, validated with the package.
 */
export const EXTERNAL_SECRETS: SchemaSource = {
  api: 'external-secrets',
  package: `@kubernetes-models/external-secrets ${externalSecrets.version}`,
  groups: ['external-secrets.io', 'generators.external-secrets.io'],
  retired: {
    'external-secrets.io/v1beta1': `no longer served by the pinned external-secrets ${VERSIONS.helmCharts.externalSecrets.version} (v1beta1 stopped being served in 0.17)`,
  },
  kinds: {
    'external-secrets.io/v1': {
      ClusterExternalSecret: structuralOnly('cluster'),
      ClusterSecretStore: structuralOnly('cluster'),
      ExternalSecret: structuralOnly('namespaced'),
      SecretStore: structuralOnly('namespaced'),
    },
    'external-secrets.io/v1alpha1': {
      PushSecret: namespaced(() =>
        import('@kubernetes-models/external-secrets/external-secrets.io/v1alpha1/PushSecret').then((m) => m.PushSecret),
      ),
    },
    'generators.external-secrets.io/v1alpha1': {
      ACRAccessToken: namespaced(() =>
        import('@kubernetes-models/external-secrets/generators.external-secrets.io/v1alpha1/ACRAccessToken').then(
          (m) => m.ACRAccessToken,
        ),
      ),
      ECRAuthorizationToken: namespaced(() =>
        import(
          '@kubernetes-models/external-secrets/generators.external-secrets.io/v1alpha1/ECRAuthorizationToken'
        ).then((m) => m.ECRAuthorizationToken),
      ),
      Fake: namespaced(() =>
        import('@kubernetes-models/external-secrets/generators.external-secrets.io/v1alpha1/Fake').then((m) => m.Fake),
      ),
      GCRAccessToken: namespaced(() =>
        import('@kubernetes-models/external-secrets/generators.external-secrets.io/v1alpha1/GCRAccessToken').then(
          (m) => m.GCRAccessToken,
        ),
      ),
      Password: namespaced(() =>
        import('@kubernetes-models/external-secrets/generators.external-secrets.io/v1alpha1/Password').then(
          (m) => m.Password,
        ),
      ),
      VaultDynamicSecret: namespaced(() =>
        import('@kubernetes-models/external-secrets/generators.external-secrets.io/v1alpha1/VaultDynamicSecret').then(
          (m) => m.VaultDynamicSecret,
        ),
      ),
    },
  },
};
