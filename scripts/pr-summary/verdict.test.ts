import { SAMPLE_FINDINGS, sampleReport } from '../gate/testing/sample-report';
import { sampleSummary } from './testing/sample-summary';
import { exitCodeOf, judge } from './verdict';

const drifted = [{ kind: 'changed' as const, file: 'clusters/prod/backend/Service.backend.yaml', note: '' }];

describe('judge', () => {
  it('calls an in-sync change without unwaived violations ready to merge (exit 0)', () => {
    const verdict = judge(sampleSummary());
    expect(verdict.ready).toBe(true);
    expect(verdict.headline).toMatch(/^Ready to merge: /);
    expect(exitCodeOf(verdict)).toBe(0);
  });

  it('needs attention when generated output drifted, saying how many files and the fix (exit 1)', () => {
    const verdict = judge(sampleSummary({ drift: drifted }));
    expect(verdict.headline).toBe(
      'Needs attention: 1 generated file out of sync with a fresh synth (run `npm run synth` and commit the result)',
    );
    expect(exitCodeOf(verdict)).toBe(1);
  });

  it('needs attention for unwaived violations, counted by severity; waived ones alone do not block', () => {
    const failing = judge(sampleSummary({ gate: sampleReport() }));
    expect(failing.headline).toBe('Needs attention: 2 unwaived policy violations (1 critical, 1 high)');
    expect(exitCodeOf(failing)).toBe(1);

    const waivedOnly = judge(sampleSummary({ gate: sampleReport(SAMPLE_FINDINGS.filter((f) => f.waived)) }));
    expect(waivedOnly.ready).toBe(true);
  });

  it('names plan deletes and replaces, unplanned and stale plans, and stale exceptions without blocking', () => {
    const verdict = judge(sampleSummary());
    expect(verdict.notices).toEqual([
      'The prod plan deletes 1, replaces 1: see Terraform plans.',
      'Not planned: dev (run `npm run tf:check`).',
      'Plans older than their committed stack: prod (run `npm run tf:check`).',
      '1 stale exception in policies/exceptions.yaml: see Policy gate.',
    ]);
    expect(verdict.ready).toBe(true);
  });

  it('says when no base was given', () => {
    expect(judge(sampleSummary({ changes: null })).notices).toContain(
      'No base given: the changes to each environment are not listed.',
    );
  });
});
