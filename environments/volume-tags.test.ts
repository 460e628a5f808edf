import { GDPR_KEYS } from './gdpr';
import { environment } from './index';
import { volumeTags } from './volume-tags';

const [dev, prod] = [environment('dev'), environment('prod')];

describe('the tags of dynamically provisioned EBS volumes', () => {
  it('carry the full GDPR tag set of operational logs with the environment log retention', () => {
    expect(volumeTags(prod)).toEqual({
      project: 'ecolaura',
      environment: 'prod',
      owner: prod.owner,
      'managed-by': 'ebs-csi-driver',
      [GDPR_KEYS.personalData]: 'true',
      [GDPR_KEYS.classification]: 'confidential',
      [GDPR_KEYS.retentionDays]: String(prod.observability.logRetentionDays),
      [GDPR_KEYS.lawfulBasis]: 'legitimate-interests',
    });
  });

  it('state the retention each environment applies, not one shared number', () => {
    expect(volumeTags(dev)[GDPR_KEYS.retentionDays]).toBe(String(dev.observability.logRetentionDays));
    expect(volumeTags(dev).environment).toBe('dev');
  });

  it('use only characters EBS tag keys and values accept', () => {
    for (const [key, value] of Object.entries(volumeTags(prod))) {
      expect(key).toMatch(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u);
      expect(value).toMatch(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u);
    }
  });
});
