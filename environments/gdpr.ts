/**
 * The GDPR vocabulary of DESIGN.md. The same keys serve as Kubernetes labels and AWS tags, so
 * both synths take them from here and the policies check the very same words.
 */

export const GDPR_KEYS = {
  personalData: 'gdpr.ecolaura.io/personal-data',
  classification: 'gdpr.ecolaura.io/data-classification',
  retentionDays: 'gdpr.ecolaura.io/retention-days',
  lawfulBasis: 'gdpr.ecolaura.io/lawful-basis',
} as const;

export const DATA_CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

export const LAWFUL_BASES = [
  'consent',
  'contract',
  'legal-obligation',
  'vital-interests',
  'public-task',
  'legitimate-interests',
] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/** What a store holds, in GDPR terms. Personal data always carries a retention and a basis. */
export type DataProfile =
  | {
      readonly personalData: true;
      readonly classification: DataClassification;
      readonly retentionDays: number;
      readonly lawfulBasis: LawfulBasis;
    }
  | {
      readonly personalData: false;
      readonly classification: DataClassification;
    };

/** Renders a profile as the label/tag map DESIGN.md defines. */
export function gdprLabels(profile: DataProfile): Record<string, string> {
  const labels: Record<string, string> = {
    [GDPR_KEYS.personalData]: String(profile.personalData),
    [GDPR_KEYS.classification]: profile.classification,
  };
  if (profile.personalData) {
    labels[GDPR_KEYS.retentionDays] = String(profile.retentionDays);
    labels[GDPR_KEYS.lawfulBasis] = profile.lawfulBasis;
  }
  return labels;
}

/**
 * The data profiles of the platform's stores. Orders and invoices are kept ten years for
 * bookkeeping law, so the database's basis is the contract and its retention that duration;
 * logs hold IP addresses and are kept for security monitoring only.
 */
export const DATA_PROFILES = {
  /** Customer accounts, orders, invoices: the PostgreSQL database and its backups. */
  customerData: {
    personalData: true,
    classification: 'restricted',
    retentionDays: 3650,
    lawfulBasis: 'contract',
  },
  /** Application, access and flow logs: IP addresses and user ids. */
  operationalLogs: {
    personalData: true,
    classification: 'confidential',
    retentionDays: 90,
    lawfulBasis: 'legitimate-interests',
  },
  /** Metrics and dashboards: aggregated, no personal data. */
  metrics: { personalData: false, classification: 'internal' },
  /** The shop's public pages and their static assets. */
  publicContent: { personalData: false, classification: 'public' },
} as const satisfies Record<string, DataProfile>;
