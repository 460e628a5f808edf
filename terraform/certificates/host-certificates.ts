import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import type { Environment } from '../../environments';
import { nameTag } from '../lib/tags';

export interface HostCertificatesProps {
  /** The validated environment the construct is built for. */
  readonly environment: Environment;
}

/** The hosts an environment serves, by the field of `DomainSpec` that names them. */
type HostField = 'frontend' | 'api' | 'grafana' | 'kibana';
const HOST_FIELDS: readonly HostField[] = ['frontend', 'api', 'grafana', 'kibana'];

/**
 * One public ACM certificate per host of the model, validated by DNS in the environment's Route
 * 53 public zone (the zone the model names; Terraform writes only the validation record). The
 * AWS Load Balancer Controller attaches them to the ALBs by certificate discovery: it looks up
 * the ISSUED certificate whose name matches each Ingress host, so no random certificate ARN ever
 * has to cross into the Kubernetes manifests. One host per certificate keeps that match exact
 * and the validation record single (the `[0]` below).
 * https://docs.aws.amazon.com/acm/latest/userguide/dns-validation.html
 * https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/cert_discovery/
 */
export class HostCertificates extends Construct {
  /** The certificates by host field; each ARN resolves only once DNS validation succeeded. */
  readonly certificates: Readonly<Record<HostField, AcmCertificate>>;

  constructor(scope: Construct, id: string, props: HostCertificatesProps) {
    super(scope, id);
    const env = props.environment;
    const entries = HOST_FIELDS.map((field) => [field, this.certificate(env, field)] as const);
    this.certificates = Object.fromEntries(entries) as Record<HostField, AcmCertificate>;
  }

  private certificate(env: Environment, field: HostField): AcmCertificate {
    const host = env.domains[field];
    const certificate = new AcmCertificate(this, `${field}-certificate`, {
      domainName: host,
      validationMethod: 'DNS',
      // An ALB listener must always hold a valid certificate: the replacement is issued first.
      lifecycle: { createBeforeDestroy: true },
      tags: nameTag(env.name, `${field}-tls`),
    });
    const option = Fn.element(Fn.tolist(certificate.domainValidationOptions), 0);
    const record = new Route53Record(this, `${field}-validation-record`, {
      zoneId: env.domains.publicZone.id,
      name: Fn.lookup(option, 'resource_record_name'),
      type: Fn.lookup(option, 'resource_record_type'),
      records: [Fn.lookup(option, 'resource_record_value')],
      ttl: 300,
      // ACM reuses the same record when a certificate for the host is reissued.
      allowOverwrite: true,
    });
    new AcmCertificateValidation(this, `${field}-validation`, {
      certificateArn: certificate.arn,
      validationRecordFqdns: [record.fqdn],
    });
    return certificate;
  }
}
