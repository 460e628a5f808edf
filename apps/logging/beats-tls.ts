import type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import type { IIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer';
import { Construct } from 'constructs';
import { NAMESPACES } from '../lib/cluster';
import { customResource } from '../lib/custom-resource';
import { BEATS_TLS_SECRET, LOGSTASH_BEATS_SERVICE } from './logging-names';

/** Props of {@link BeatsTls}. */
export interface BeatsTlsProps {
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * TLS between Filebeat and Logstash: log lines carry IP addresses, so they are encrypted on the
 * wire inside the cluster too. cert-manager keeps a CA private to the logging namespace and
 * issues Logstash's certificate for its Service name from it; Filebeat trusts that CA only.
 * The Beats input needs the key in PKCS#8. https://cert-manager.io/docs/configuration/ca/
 */
export class BeatsTls extends Construct {
  constructor(scope: Construct, id: string, props: BeatsTlsProps) {
    super(scope, id);
    const namespace = NAMESPACES.logging;
    const labels = { ...props.labels };
    const issuer = (name: string, spec: IIssuer['spec']) =>
      customResource<IIssuer>(this, {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Issuer',
        metadata: { name, namespace, labels },
        spec,
      });
    const certificate = (name: string, spec: ICertificate['spec']) =>
      customResource<ICertificate>(this, {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Certificate',
        metadata: { name, namespace, labels },
        spec,
      });

    issuer('logging-bootstrap', { selfSigned: {} });
    certificate('logging-ca', {
      isCA: true,
      commonName: 'logging-ca',
      secretName: 'logging-ca',
      duration: '87600h',
      privateKey: { algorithm: 'ECDSA', size: 256 },
      issuerRef: { kind: 'Issuer', name: 'logging-bootstrap' },
    });
    issuer('logging-ca', { ca: { secretName: 'logging-ca' } });
    certificate(BEATS_TLS_SECRET, {
      secretName: BEATS_TLS_SECRET,
      dnsNames: [
        `${LOGSTASH_BEATS_SERVICE}.${namespace}.svc`,
        `${LOGSTASH_BEATS_SERVICE}.${namespace}.svc.cluster.local`,
      ],
      duration: '8760h',
      renewBefore: '720h',
      privateKey: { algorithm: 'RSA', size: 2048, encoding: 'PKCS8', rotationPolicy: 'Always' },
      usages: ['server auth', 'digital signature', 'key encipherment'],
      issuerRef: { kind: 'Issuer', name: 'logging-ca' },
    });
  }
}
