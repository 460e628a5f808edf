import type { RegoSource } from '../lib/opa-sources';
import { buildCatalog, CatalogError } from './catalog';

const source = (file: string, pkg: string): RegoSource => ({
  file,
  pkg,
  text: '',
  isTest: file.endsWith('_test.rego'),
  isData: false,
});

const annotation = (pkg: string, custom: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  annotations: { scope: 'package', title: 'T', description: 'D', custom, ...extra },
  path: [{ type: 'var', value: 'data' }, ...pkg.split('.').map((value) => ({ type: 'string', value }))],
});

const complete = {
  id: 'ECO-ENC-001',
  severity: 'high',
  controls: ['GDPR Art. 32(1)(a)'],
  equivalents: [],
  remediation: 'Fix it.',
};
const rds = [
  source('policies/encryption/rds/policy.rego', 'ecolaura.encryption.rds'),
  source('policies/encryption/rds/policy_test.rego', 'ecolaura.encryption.rds_test'),
];

describe('buildCatalog', () => {
  it('turns a complete package annotation into a catalog entry with theme, package and file', () => {
    const [entry] = buildCatalog({ annotations: [annotation('ecolaura.encryption.rds', complete)] }, rds);
    expect(entry).toEqual({
      id: 'ECO-ENC-001',
      title: 'T',
      description: 'D',
      severity: 'high',
      controls: ['GDPR Art. 32(1)(a)'],
      equivalents: [],
      remediation: 'Fix it.',
      theme: 'encryption',
      package: 'ecolaura.encryption.rds',
      file: 'policies/encryption/rds/policy.rego',
    });
  });

  it('rejects an id of another theme, a bad severity and empty controls, naming the file', () => {
    const bad = { ...complete, id: 'ECO-TLS-001', severity: 'urgent', controls: [] };
    expect(() => buildCatalog({ annotations: [annotation('ecolaura.encryption.rds', bad)] }, rds)).toThrow(
      /policies\/encryption\/rds\/policy\.rego: custom\.id "ECO-TLS-001" should look like ECO-ENC-001[\s\S]*severity "urgent"[\s\S]*controls must list/,
    );
  });

  it('rejects a policy without METADATA, without a test beside it, or under a package not mirroring its path', () => {
    const sources = [source('policies/encryption/rds/policy.rego', 'ecolaura.encryption.other')];
    expect(() => buildCatalog({ annotations: [] }, sources)).toThrow(CatalogError);
    expect(() => buildCatalog({ annotations: [] }, sources)).toThrow(
      /package ecolaura\.encryption\.other should be ecolaura\.encryption\.rds[\s\S]*no policy_test\.rego beside it[\s\S]*no package-scoped # METADATA block/,
    );
  });

  it('rejects Rego in the one-file layout, naming the folder it belongs in', () => {
    const sources = [...rds, source('policies/encryption/s3.rego', 'ecolaura.encryption.s3')];
    expect(() => buildCatalog({ annotations: [annotation('ecolaura.encryption.rds', complete)] }, sources)).toThrow(
      'policies/encryption/s3.rego: a policy lives in its own folder, policies/<theme>/<rule>/policy.rego',
    );
  });

  it('rejects an id used twice', () => {
    const sources = [
      ...rds,
      source('policies/encryption/s3/policy.rego', 'ecolaura.encryption.s3'),
      source('policies/encryption/s3/policy_test.rego', 'ecolaura.encryption.s3_test'),
    ];
    const annotations = [
      annotation('ecolaura.encryption.rds', complete),
      annotation('ecolaura.encryption.s3', complete),
    ];
    expect(() => buildCatalog({ annotations }, sources)).toThrow(
      /ECO-ENC-001 is already used by policies\/encryption\/rds\/policy\.rego/,
    );
  });
});
