import { SAMPLE_FINDINGS, sampleReport } from '../gate/testing/sample-report';
import { readySummary, SAMPLE_PLANS, sampleSummary } from './testing/sample-summary';
import { exitCodeOf, judge } from './verdict';

const drifted = [{ kind: 'changed' as const, file: 'clusters/prod/backend/Service.backend.yaml', note: '' }];

describe('judge', () => {
  it('calls a change ready to merge only when nothing blocks it (exit 0)', () => {
    const verdict = judge(readySummary());
    expect(verdict.ready).toBe(true);
    expect(verdict.headline).toMatch(/^Ready to merge: /);
    expect(exitCodeOf(verdict)).toBe(0);
  });

  it('needs attention when generated output drifted, saying how many files and the fix (exit 1)', () => {
    const verdict = judge(readySummary({ drift: drifted }));
    expect(verdict.headline).toBe(
      'Needs attention: 1 generated file out of sync with a fresh synth (run `npm run synth` and commit the result)',
    );
    expect(exitCodeOf(verdict)).toBe(1);
  });

  it('needs attention for unwaived violations, counted by severity; waived ones alone do not block', () => {
    const failing = judge(readySummary({ gate: sampleReport() }));
    expect(failing.headline).toBe('Needs attention: 2 unwaived policy violations (1 critical, 1 high)');
    expect(exitCodeOf(failing)).toBe(1);

    const waivedOnly = judge(readySummary({ gate: sampleReport(SAMPLE_FINDINGS.filter((f) => f.waived)) }));
    expect(waivedOnly.ready).toBe(true);
  });

  it('never calls a change with a stale plan ready, whatever else holds', () => {
    const stale = SAMPLE_PLANS.filter((plan) => plan.planned && plan.basis === 'stale');
    expect(stale).toHaveLength(1);
    const verdict = judge(readySummary({ plans: stale }));
    expect(verdict.ready).toBe(false);
    expect(verdict.headline).toBe(
      'Needs attention: plans older than their committed stack: prod (run `npm run tf:check`)',
    );
  });

  it('blocks on a missing plan, a missing base and an unacknowledged destructive change, naming each', () => {
    const verdict = judge(sampleSummary());
    expect(verdict.ready).toBe(false);
    expect(verdict.headline).toBe(
      'Needs attention: not planned: dev (run `npm run tf:check`); plans older than their committed stack: prod (run `npm run tf:check`); 1 unacknowledged destructive change to data (prod aws_db_instance.database)',
    );
    expect(judge(readySummary({ planned: null })).headline).toBe(
      'Needs attention: no --base given, so what the change does to each environment is unknown',
    );
  });

  it('names plan deletes and replaces and stale exceptions without blocking', () => {
    const verdict = judge(readySummary());
    expect(verdict.notices).toEqual([
      'The prod plan deletes 1, replaces 1: see Terraform plans.',
      '1 stale exception in policies/exceptions.yaml: see Policy gate.',
    ]);
  });
});
