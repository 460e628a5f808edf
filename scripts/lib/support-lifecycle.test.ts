import { EKS_SUPPORT, RDS_POSTGRES_SUPPORT, RELEASE_SUPPORT } from '../../environments/support-calendar';
import { VERSIONS } from '../../environments/versions';
import { judgeEks, judgePinnedVersions, judgeRdsPostgres, judgeRelease } from './support-lifecycle';
import { lifecycleExitCode, renderJson, renderText, summaryOf } from './support-lifecycle-report';

describe('judging a pinned version against its support calendar', () => {
  it('finds EKS 1.28 ended on 2026-12-02, two years after its standard support ended', () => {
    expect(judgeEks('1.28', '2026-12-02')).toMatchObject({ status: 'ended', end: '2024-11-26', daysLeft: -736 });
  });

  it('counts the end date itself as the first day without support (EKS 1.34 on 2026-12-02)', () => {
    expect(judgeEks('1.34', '2026-12-02')).toMatchObject({ status: 'ended', daysLeft: 0 });
    expect(judgeEks('1.34', '2026-12-01')).toMatchObject({ status: 'ending', daysLeft: 1 });
  });

  it('warns from 90 days before the end and not at 91', () => {
    expect(judgeEks('1.35', '2026-12-27')).toMatchObject({ status: 'ending', daysLeft: 90 });
    expect(judgeEks('1.35', '2026-12-26')).toMatchObject({ status: 'supported', daysLeft: 91 });
  });

  it('judges an RDS engine version by its major', () => {
    expect(judgeRdsPostgres('12.22', '2026-12-02')).toMatchObject({ status: 'ended', end: '2025-02-28' });
    expect(judgeRdsPostgres('16', '2026-12-02')).toMatchObject({ status: 'supported', end: '2029-02-28' });
  });

  it('reports a release without a published date as unknown and one without an entry as unlisted', () => {
    expect(judgeRelease('external-secrets', '2.10.0', '2026-12-02')).toMatchObject({ status: 'unknown', end: null });
    expect(judgeRelease('external-secrets', '9.9.9', '2026-12-02')).toMatchObject({ status: 'unlisted' });
    expect(judgeEks('1.99', '2026-12-02')).toMatchObject({ status: 'unlisted' });
  });
});

describe('the support calendar', () => {
  it('has an entry for every version environments/versions.ts pins', () => {
    expect(judgePinnedVersions('2026-12-02').filter((v) => v.status === 'unlisted')).toEqual([]);
  });

  it('keeps the cluster minor in EKS standard support today and the database major in RDS standard support', () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(judgeEks(VERSIONS.kubernetes, today).status).toMatch(/^(supported|ending)$/);
    expect(judgeRdsPostgres(VERSIONS.postgres, today).status).toMatch(/^(supported|ending)$/);
  });

  it('gives every entry a source URL, a real date or an explicit note, and YYYY-MM-DD dates', () => {
    const entries = [
      ...Object.values(EKS_SUPPORT),
      ...Object.values(RDS_POSTGRES_SUPPORT),
      ...Object.values(RELEASE_SUPPORT),
    ];
    const date = /^\d{4}-\d{2}-\d{2}$/;
    for (const entry of entries) {
      expect(entry.source).toMatch(/^https:\/\//);
      if (entry.end === null || entry.checked === null) expect(entry.note).toMatch(/\S/);
      for (const day of [entry.end, entry.checked]) if (day !== null) expect(day).toMatch(date);
    }
  });
});

describe('the lifecycle report', () => {
  const report = {
    today: '2026-12-02',
    versions: [judgeEks('1.28', '2026-12-02'), judgeEks('1.35', '2026-12-02')],
  };

  it('exits 1 when a pinned version is past its end, 0 otherwise', () => {
    expect(lifecycleExitCode(report)).toBe(1);
    expect(lifecycleExitCode({ ...report, versions: report.versions.slice(1) })).toBe(0);
  });

  it('lists each version with its end date and days left as text', () => {
    const text = renderText(report);
    expect(text).toMatch(/ended\s+eks\s+1\.28\s+2024-11-26\s+ended 736 days ago/);
    expect(text).toMatch(/supported\s+eks\s+1\.35\s+2027-03-27\s+115 days left/);
  });

  it('writes the same facts as JSON and closes with a summary line', () => {
    expect(JSON.parse(renderJson(report)).versions[0]).toMatchObject({
      subject: 'eks',
      version: '1.28',
      daysLeft: -736,
    });
    expect(summaryOf(report)).toMatch(/^error: lifecycle failed: 2 pinned versions on 2026-12-02: 1 ended/);
  });
});
