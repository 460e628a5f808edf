import { ENVIRONMENT_NAMES } from '../../environments';
import { platformStack, ref } from '../testing/synthesized-stack';

describe.each(ENVIRONMENT_NAMES)('the %s host certificates', (name) => {
  const stack = () => platformStack(name);

  it('issue one DNS-validated ACM certificate for every host of the model', () => {
    const { domains } = stack().environment;
    const certificates = Object.values(stack().resources('aws_acm_certificate'));
    expect(certificates.map((c) => c.domain_name).sort()).toEqual(
      [domains.frontend, domains.api, domains.grafana, domains.kibana].sort(),
    );
    for (const certificate of certificates) expect(certificate.validation_method).toBe('DNS');
  });

  it('write the validation records into the public zone the model names, not a zone of their own', () => {
    const zoneId = stack().environment.domains.publicZone.id;
    const records = Object.values(stack().resources('aws_route53_record'));
    expect(records).toHaveLength(4);
    for (const record of records) expect(record.zone_id).toBe(zoneId);
    expect(stack().resources('aws_route53_zone')).toEqual({});
  });

  it('wait for each certificate to be issued through its own validation record', () => {
    const validation = stack().resources('aws_acm_certificate_validation').certificates_api_validation;
    expect(validation.certificate_arn).toBe(ref('aws_acm_certificate', 'certificates_api_certificate', 'arn'));
    expect(validation.validation_record_fqdns).toEqual([
      ref('aws_route53_record', 'certificates_api_validation_record', 'fqdn'),
    ]);
  });
});
