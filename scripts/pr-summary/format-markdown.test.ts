import { sampleReport } from '../gate/testing/sample-report';
import { formatSummaryMarkdown } from './format-markdown';
import { readySummary, sampleSummary } from './testing/sample-summary';

describe('formatSummaryMarkdown', () => {
  it('opens with the one-line verdict, then what needs a look', () => {
    const lines = formatSummaryMarkdown(readySummary()).split('\n');
    expect(lines[0]).toBe(
      '## ✅ Ready to merge: generated output matches a fresh synth, every plan is current, no destructive change is unacknowledged and no policy violation is left unwaived',
    );
    expect(lines).toContain('- The prod plan deletes 1, replaces 1: see Terraform plans.');
  });

  it('lists the Terraform resources and Kubernetes objects a change adds, removes and changes, per environment', () => {
    const page = formatSummaryMarkdown(sampleSummary());
    expect(page).toContain('### Changes since `origin/main` (`0123456789ab`)');
    expect(page).toContain(
      '| prod | 1 added, 1 removed, 1 changed; blocks changed: provider | 1 added, 0 removed, 1 changed | 0 |',
    );
    expect(page).toContain('| dev | unchanged | unchanged | 0 |');
    expect(page).toContain('- added: `aws_s3_bucket.audit`\n- removed: `aws_sqs_queue.jobs`');
    expect(page).toContain('- changed: `aws_db_instance.database` (instance_class, tags)');
    expect(page).toContain('- other blocks changed: `provider`');
    expect(page).toContain('- added: `backend/CronJob.audit-export`\n- changed: `backend/Deployment.backend`');
    expect(page).toContain('- modified: `terraform/cdktf.out/manifest.json`');
    expect(page).not.toContain('#### dev');
  });

  it('lists each planned action by address, the forcing attribute, old → new with secrets masked, and the trailer a destructive change needs', () => {
    const page = formatSummaryMarkdown(sampleSummary());
    expect(page).toContain('**replace** (1)\n\n- `aws_db_instance.database` — forced by `identifier`');
    expect(page).toContain('  - `identifier`: `"ecolaura-prod-postgres"` → `"ecolaura-prod-db"` (forces replacement)');
    expect(page).toContain('  - `password`: `(sensitive)` → `(sensitive)`');
    expect(page).toContain('**delete** (1)\n\n- `aws_sqs_queue.jobs`');
    expect(page).toContain('#### ❌ Destructive changes to data: 0 of 1 acknowledged');
    expect(page).toContain('```\nAcknowledge-destroy: prod aws_db_instance.database\n```');
  });

  it("lists a changed Kubernetes object's fields old → new", () => {
    expect(formatSummaryMarkdown(sampleSummary())).toContain(
      '`backend/Deployment.backend`:\n\n- `spec.replicas`: `2` → `3`',
    );
  });

  it('says so when no base was given', () => {
    expect(formatSummaryMarkdown(sampleSummary({ changes: null }))).toContain(
      'No base given: run `npm run pr:summary -- --base origin/main` to list what the change does to each environment.',
    );
  });

  it('counts each plan, lists deletes and replaces by address, and says which environment was not planned', () => {
    const page = formatSummaryMarkdown(sampleSummary());
    expect(page).toContain('| environment | create | update | replace | delete | no-op | plan |');
    expect(page).toContain('| dev | – | – | – | – | – | not planned: run `npm run tf:check` |');
    expect(page).toContain('| staging | 86 | 0 | 0 | 0 | 0 | matches the committed stack |');
    expect(page).toContain('| prod | 0 | 3 | 1 | 1 | 80 | stale: the stack changed since; run `npm run tf:check` |');
    expect(page).toContain('- **prod** deletes: `aws_sqs_queue.jobs`\n- **prod** replaces: `aws_db_instance.database`');
  });

  it('lists every drifted file with the fix', () => {
    const page = formatSummaryMarkdown(
      sampleSummary({
        drift: [
          { kind: 'changed', file: 'clusters/prod/backend/Service.backend.yaml', note: '' },
          {
            kind: 'missing',
            file: 'clusters/prod/backend/Ingress.backend.yaml',
            note: 'synth writes it, Git lacks it',
          },
        ],
      }),
    );
    expect(page.split('\n')[0]).toMatch(/^## ❌ Needs attention: 2 generated files out of sync/);
    expect(page).toContain(
      '❌ 2 generated files differ from a fresh synth; fix: run `npm run synth` and commit the result.\n\n' +
        '- changed: `clusters/prod/backend/Service.backend.yaml`\n' +
        '- missing: `clusters/prod/backend/Ingress.backend.yaml` (synth writes it, Git lacks it)',
    );
  });

  it("shows the gate's counts, violations, waived findings and stale exceptions in the gate's own words", () => {
    const page = formatSummaryMarkdown(sampleSummary({ gate: sampleReport() }));
    expect(page).toContain('### Policy gate: ❌ failed');
    expect(page).toContain('| critical | 1 |');
    expect(page).toContain('#### Violations');
    expect(page).toContain(
      '| high | `ECO-GDPR-001` Workloads carry the GDPR labels | `Deployment/ecolaura/backend` | `clusters/prod/backend/Deployment.backend.yaml:2` | Deployment/ecolaura/backend lacks label gdpr.ecolaura.io/personal-data \\| add it |',
    );
    expect(page).toContain('#### Waived');
    expect(page).toContain('#### Stale exceptions');
  });
});
