/**
 * Support calendars of everything `versions.ts` pins (reality checks §3, "nothing past its
 * support date"). One fact, one place (STYLE.md §11): the gate's lifecycle facts (ECO-SUP-020
 * for EKS, ECO-SUP-030 for the rest) and `npm run lifecycle` both read this file.
 *
 * `end` is the first day without support — end of EKS *standard* support, end of RDS standard
 * support, a vendor's end of life — written YYYY-MM-DD (UTC). `end: null` means the vendor
 * publishes no date for that release; the `note` says so rather than inventing one. Every entry
 * names where its date comes from and the day it was checked; raising a version in versions.ts
 * means adding or re-checking its entry here.
 */

export interface SupportWindow {
  /** First day the release is out of (standard) support, YYYY-MM-DD; null when none is published. */
  readonly end: string | null;
  /** Where the date (or its absence) was read. */
  readonly source: string;
  /**
   * The day `source` was read, YYYY-MM-DD; null when it could not be read from here (no network),
   * in which case `note` says the entry is unverified.
   */
  readonly checked: string | null;
  /** Why a date is missing or unverified; omitted when the source states it plainly. */
  readonly note?: string;
}

export interface EksSupportWindow extends SupportWindow {
  /** End of EKS extended support (informational: the gate asks for standard support). */
  readonly extendedEnd: string | null;
}

const EKS_CALENDAR = 'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html';
const EKS_CALENDAR_MIRROR = 'https://endoflife.date/amazon-eks';
const RDS_CALENDAR =
  'https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html';

// Every row below was read on 2026-12-02 from endoflife.date's copy of the AWS table (through a
// stored snapshot: the AWS page's own table was not reachable from here); 1.28's and 1.34's
// dates also match the ones quoted in versions.ts. Confirm against the AWS page when it moves.
const eks = (end: string, extendedEnd: string): EksSupportWindow => ({
  end,
  extendedEnd,
  source: EKS_CALENDAR_MIRROR,
  checked: '2026-12-02',
  note: `mirror of ${EKS_CALENDAR}`,
});

/** EKS Kubernetes minors: end of standard support (`end`) and of extended support. */
export const EKS_SUPPORT: Readonly<Record<string, EksSupportWindow>> = {
  '1.28': eks('2024-11-26', '2025-11-26'),
  '1.29': eks('2025-03-23', '2026-03-23'),
  '1.30': eks('2025-07-23', '2026-07-23'),
  '1.31': eks('2025-11-26', '2026-11-26'),
  '1.32': eks('2026-03-23', '2027-03-23'),
  '1.33': eks('2026-07-29', '2027-07-29'),
  '1.34': eks('2026-12-02', '2027-12-02'),
  '1.35': eks('2027-03-27', '2028-03-27'),
};

const rds = (end: string): SupportWindow => ({
  end,
  source: RDS_CALENDAR,
  checked: null,
  note: 'unverified: the AWS calendar could not be read from here; date as AWS announced it (16 matches versions.ts)',
});

/** RDS for PostgreSQL majors: end of RDS standard support. */
export const RDS_POSTGRES_SUPPORT: Readonly<Record<string, SupportWindow>> = {
  '11': rds('2024-02-29'),
  '12': rds('2025-02-28'),
  '13': rds('2026-02-28'),
  '14': rds('2027-02-28'),
  '15': rds('2028-02-29'),
  '16': rds('2029-02-28'),
  '17': rds('2030-02-28'),
};

/** No end date recorded; `source` was not re-read from here (no network), so `checked` is null. */
const unpublished = (source: string, note: string): SupportWindow => ({
  end: null,
  source,
  checked: null,
  note: `unverified: ${note}`,
});

/**
 * Helm charts and images, keyed `<name>@<version>` exactly as versions.ts pins them, so a raised
 * pin without a re-checked entry shows up as "no calendar entry" in `npm run lifecycle`.
 */
export const RELEASE_SUPPORT: Readonly<Record<string, SupportWindow>> = {
  'aws-load-balancer-controller@3.5.0': unpublished(
    'https://github.com/kubernetes-sigs/aws-load-balancer-controller/releases',
    'no end-of-life dates published; the project supports its latest release only',
  ),
  // A release this repository no longer pins, kept so an accidental downgrade is caught (ECO-SUP-030).
  'cert-manager@v1.18.0': {
    end: '2026-03-10',
    source: 'https://cert-manager.io/docs/releases/',
    checked: null,
    note: 'unverified: the table says 1.18 ends with the release of 1.20, dated Mar 10, 2026 in cert-manager/website#2007; not re-read from here',
  },
  'cert-manager@v1.21.0': unpublished(
    'https://cert-manager.io/docs/releases/',
    'supported until 1.23 ships; no calendar date is published for that, so none is recorded',
  ),
  'external-secrets@2.10.0': unpublished(
    'https://external-secrets.io/latest/introduction/stability-support/',
    'upstream supports its latest minor only and ships one every 3-4 weeks, so no date is published; 2.10.0 (August 2026) is the newest release confirmed from here — check for a newer minor before applying (versions.ts)',
  ),
  'cluster-autoscaler@9.59.0': unpublished(
    'https://github.com/kubernetes/autoscaler/tree/master/cluster-autoscaler#releases',
    'chart releases have no published end of life; the app follows its Kubernetes minor (1.35)',
  ),
  'kube-prometheus-stack@91.2.1': unpublished(
    'https://github.com/prometheus-community/helm-charts/releases',
    'no end-of-life dates published; only recent releases are supported',
  ),
  'eck-operator@3.5.0': unpublished(
    'https://www.elastic.co/support/eol',
    'end of life not re-checked offline against the Elastic EOL table; none recorded',
  ),
  'elastic-stack@9.5.2': unpublished(
    'https://www.elastic.co/support/eol',
    "Elastic's 18-month maintenance window of a minor; the 9.5 date was not re-checked offline, none recorded",
  ),
  'cluster-autoscaler-image@v1.35.1': unpublished(
    'https://github.com/kubernetes/autoscaler/releases',
    'no published date; supported with Kubernetes 1.35 (see EKS 1.35)',
  ),
  'curlimages/curl@8.21.0': unpublished(
    'https://curl.se/docs/releases.html',
    'curl fixes only its latest release; no end-of-life date is published per release',
  ),
  'public.ecr.aws/aws-cli/aws-cli@2.32.2': unpublished(
    'https://github.com/aws/aws-cli/blob/v2/CHANGELOG.rst',
    'AWS CLI v2 publishes no per-release end of life',
  ),
  'postgres@17.7-alpine': {
    end: '2029-11-08',
    source: 'https://www.postgresql.org/support/versioning/',
    checked: null,
    note: 'unverified: PostgreSQL 17 final release as the project announced it (community support of the major); versions.ts says November 2029',
  },
};
