import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicyBundle, type PolicyBundle } from '../scripts/gate/evaluate';
import { normalizeFile } from '../scripts/gate/normalize';
import { environment } from './index';
import { EU_REGIONS } from './model';
import { validateEnvironment } from './validate';
import { policyVocabulary, renderVocabularyFile, VOCABULARY_FILE } from './vocabulary';

const REPO = join(__dirname, '..');
let bundle: PolicyBundle;

beforeAll(async () => {
  bundle = await loadPolicyBundle(join(REPO, 'policies', 'bundle'));
});

/** The policies ECO-GDPR-005 names for a database whose provider sits in `region`. */
function regionVerdict(region: string): string[] {
  const stack = {
    provider: { aws: [{ region }] },
    resource: { aws_db_instance: { database: { engine: 'postgres' } } },
  };
  const resources = normalizeFile('cdk.tf.json', JSON.stringify(stack));
  return bundle
    .evaluate({ resources })
    .map((v) => v.policy)
    .filter((id) => id === 'ECO-GDPR-005');
}

describe('the vocabulary the policies read', () => {
  it('is committed exactly as the model renders it (npm run synth writes it)', () => {
    expect(readFileSync(join(REPO, VOCABULARY_FILE), 'utf8')).toBe(renderVocabularyFile());
  });

  it('is the data compiled into the bundle as data.ecolaura.vocabulary', () => {
    const data = JSON.parse(readFileSync(join(REPO, 'policies', 'bundle', 'data.json'), 'utf8'));
    expect(data.ecolaura.vocabulary).toEqual(policyVocabulary());
  });
});

describe('the EU regions of the model', () => {
  it.each([...EU_REGIONS])('let personal data live in %s, so a valid model cannot fail the gate', (region) => {
    expect(regionVerdict(region)).toEqual([]);
  });

  it.each(['eu-west-2', 'eu-central-2'])('leave out %s, which model and gate both refuse', (region) => {
    expect(EU_REGIONS as readonly string[]).not.toContain(region);
    const problems = validateEnvironment({ ...environment('prod'), region: region as (typeof EU_REGIONS)[number] });
    expect(problems.map((p) => p.field)).toContain('region');
    expect(regionVerdict(region)).toEqual(['ECO-GDPR-005']);
  });
});
