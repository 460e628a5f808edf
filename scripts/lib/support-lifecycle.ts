/**
 * Judges a pinned version against its support calendar (environments/support-calendar.ts) on a
 * given day. The gate turns the result into `facts.lifecycle` for ECO-SUP-020/030 and
 * `npm run lifecycle` prints it, so both say the same thing about the same day.
 */

import {
  EKS_SUPPORT,
  RDS_POSTGRES_SUPPORT,
  RELEASE_SUPPORT,
  type SupportWindow,
} from '../../environments/support-calendar';
import { VERSIONS } from '../../environments/versions';

/** Days before the end from which a pin is reported as ending (a warning, not a violation). */
export const WARNING_DAYS = 90;

/**
 * `supported`: more than WARNING_DAYS left; `ending`: 1 to WARNING_DAYS days left; `ended`: the
 * end day has come (the end date is the first day without support); `unknown`: the calendar has
 * the release but no published date; `unlisted`: the calendar has no entry for it at all.
 */
export type SupportStatus = 'supported' | 'ending' | 'ended' | 'unknown' | 'unlisted';

export type SubjectKind = 'eks' | 'rds-postgres' | 'release';

export interface LifecycleJudgement {
  /** What is pinned: `eks`, `rds-postgres`, or a chart or image name. */
  readonly subject: string;
  readonly kind: SubjectKind;
  readonly version: string;
  readonly end: string | null;
  /** Days from `today` to `end` (0 or less once ended); null without an end date. */
  readonly daysLeft: number | null;
  readonly status: SupportStatus;
  readonly source: string | null;
  readonly checked: string | null;
  readonly note: string | null;
}

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function statusOf(daysLeft: number): SupportStatus {
  if (daysLeft <= 0) return 'ended';
  return daysLeft <= WARNING_DAYS ? 'ending' : 'supported';
}

export function judge(
  subject: string,
  kind: SubjectKind,
  version: string,
  window: SupportWindow | undefined,
  today: string,
): LifecycleJudgement {
  const base = { subject, kind, version };
  if (!window) {
    return { ...base, end: null, daysLeft: null, status: 'unlisted', source: null, checked: null, note: null };
  }
  const daysLeft = window.end === null ? null : daysBetween(today, window.end);
  return {
    ...base,
    end: window.end,
    daysLeft,
    status: daysLeft === null ? 'unknown' : statusOf(daysLeft),
    source: window.source,
    checked: window.checked,
    note: window.note ?? null,
  };
}

export function judgeEks(version: string, today: string): LifecycleJudgement {
  return judge('eks', 'eks', version, EKS_SUPPORT[version], today);
}

/** `engine_version` may be a major ("16") or a full version ("16.4"): the major decides. */
export function judgeRdsPostgres(engineVersion: string, today: string): LifecycleJudgement {
  const major = engineVersion.split('.')[0] ?? engineVersion;
  return judge('rds-postgres', 'rds-postgres', engineVersion, RDS_POSTGRES_SUPPORT[major], today);
}

export function judgeRelease(name: string, version: string, today: string): LifecycleJudgement {
  return judge(name, 'release', version, RELEASE_SUPPORT[`${name}@${version}`], today);
}

/** `repository:tag` → [repository, tag]; a registry port is not mistaken for a tag. */
function splitImage(image: string): [string, string] {
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/') ? [image.slice(0, colon), image.slice(colon + 1)] : [image, ''];
}

/** Every version environments/versions.ts pins that has a support calendar, judged on `today`. */
export function judgePinnedVersions(today: string): LifecycleJudgement[] {
  const images = [VERSIONS.curlImage, VERSIONS.awsCliImage, VERSIONS.psqlImage].map((image) => {
    const [name, tag] = splitImage(image);
    return judgeRelease(name, tag, today);
  });
  return [
    judgeEks(VERSIONS.kubernetes, today),
    judgeRdsPostgres(VERSIONS.postgres, today),
    ...Object.values(VERSIONS.helmCharts).map((chart) => judgeRelease(chart.chart, chart.version, today)),
    judgeRelease('cluster-autoscaler-image', VERSIONS.clusterAutoscalerImage, today),
    judgeRelease('elastic-stack', VERSIONS.elasticStack, today),
    ...images,
  ];
}
