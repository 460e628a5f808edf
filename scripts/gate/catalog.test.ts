import { GateBundleError } from '../core/errors';
import { parseCatalog, referenceLabels } from './catalog';

const ENTRY = {
  id: 'ECO-TLS-001',
  title: 'Ingress hosts are served over TLS',
  description: 'Every host under spec.tls.',
  severity: 'high',
  controls: ['GDPR Art. 32(1)(a)'],
  equivalents: ['Kyverno require-ingress-https'],
  remediation: 'List every host under spec.tls.',
  theme: 'https',
  package: 'ecolaura.https.ingress_tls',
  file: 'policies/https/ingress_tls/policy.rego',
};

describe('parseCatalog', () => {
  it('reads the {policies: [...]} form policy:build writes, keyed by id', () => {
    const catalog = parseCatalog({ '//': 'generated', policies: [ENTRY] }, 'catalog.json');
    expect(catalog.get('ECO-TLS-001')).toEqual(ENTRY);
  });

  it('refuses an empty catalog, a bad severity, a missing title and a duplicate id', () => {
    expect(() => parseCatalog({ policies: [] }, 'c.json')).toThrow(
      new GateBundleError('c.json: no policies listed; rebuild with npm run policy:build'),
    );
    expect(() => parseCatalog([{ ...ENTRY, severity: 'urgent' }], 'c.json')).toThrow(
      'c.json entry 0 (ECO-TLS-001): severity "urgent" is not one of critical, high, medium, low',
    );
    expect(() => parseCatalog([{ ...ENTRY, title: '' }], 'c.json')).toThrow('"title" is missing or empty');
    expect(() => parseCatalog([ENTRY, ENTRY], 'c.json')).toThrow('c.json entry 1: policy id ECO-TLS-001 appears twice');
  });
});

describe('referenceLabels', () => {
  it('flattens strings, lists, framework objects and maps into readable labels', () => {
    expect(referenceLabels('CIS 5.4.5')).toEqual(['CIS 5.4.5']);
    expect(referenceLabels([{ framework: 'AWS FSBP', id: ['RDS.3', 'RDS.27'] }])).toEqual([
      'AWS FSBP RDS.3',
      'AWS FSBP RDS.27',
    ]);
    expect(referenceLabels({ Checkov: ['CKV_AWS_16'], Trivy: 'AVD-AWS-0080' })).toEqual([
      'Checkov CKV_AWS_16',
      'Trivy AVD-AWS-0080',
    ]);
    expect(referenceLabels(undefined)).toEqual([]);
  });
});
