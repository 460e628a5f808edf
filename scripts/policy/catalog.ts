/**
 * Turns the METADATA annotations `opa inspect -a --format json` reports into the policy catalog
 * (policies/bundle/catalog.json), checking what every policy package must declare.
 */

import { SEVERITIES, type Severity } from '../../environments/vocabulary';
import { ToolError } from '../core/errors';
import type { RegoSource } from '../lib/opa-sources';
import type { CatalogEntry } from './catalog-entry';
import { folderOfPolicyFile, POLICY_TEST_FILE } from './policy-folders';

export { SEVERITIES };

/** Theme folder → id prefix; the folder a policy lives in fixes its id's family. */
export const THEME_ID_PREFIX: Readonly<Record<string, string>> = {
  https: 'ECO-TLS',
  encryption: 'ECO-ENC',
  gdpr: 'ECO-GDPR',
  supporting: 'ECO-SUP',
  sustainability: 'ECO-GRN',
  podsecurity: 'ECO-PSS',
};

export type { CatalogEntry };

interface AnnotationRef {
  readonly annotations?: {
    readonly scope?: string;
    readonly title?: unknown;
    readonly description?: unknown;
    readonly custom?: Record<string, unknown>;
  };
  readonly location?: { readonly file?: string };
  readonly path?: ReadonlyArray<{ readonly type: string; readonly value: unknown }>;
}

export class CatalogError extends ToolError {
  override readonly name = 'CatalogError';
}

function packageOf(ref: AnnotationRef): string {
  return (ref.path ?? [])
    .slice(1)
    .map((term) => String(term.value))
    .join('.');
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.trim() !== '')) return undefined;
  return [...value];
}

/** Policy sources: the policy.rego of every policy folder, policies/<theme>/<rule>/policy.rego. */
export function policySources(sources: readonly RegoSource[]): RegoSource[] {
  return sources.filter((s) => folderOfPolicyFile(s.file) !== undefined);
}

/**
 * Rego outside lib/ that is neither a policy folder's policy.rego or policy_test.rego nor
 * policies/main.rego: the old one-file layout, or a misnamed file the catalog would not list.
 */
function strayRegoProblems(sources: readonly RegoSource[]): string[] {
  return sources
    .filter((s) => {
      const parts = s.file.split('/');
      if (s.isData || s.file === 'policies/main.rego' || parts[1] === 'lib') return false;
      if (parts.length === 4 && (parts[3] === 'policy.rego' || parts[3] === POLICY_TEST_FILE)) return false;
      return true;
    })
    .map(
      (s) =>
        `${s.file}: a policy lives in its own folder, policies/<theme>/<rule>/policy.rego with policy_test.rego and fixtures/ beside it`,
    );
}

/**
 * Builds the catalog from inspect output. Every policy source must have a package METADATA block
 * with title, description, custom.id (matching its theme), severity, non-empty controls,
 * equivalents (a list, possibly empty) and remediation; its package must mirror its folder; it
 * must have a policy_test.rego beside it; ids must be unique. Every problem is reported at once.
 */
export function buildCatalog(inspect: unknown, sources: readonly RegoSource[]): CatalogEntry[] {
  const refs = ((inspect as { annotations?: AnnotationRef[] })?.annotations ?? []).filter(
    (ref) => ref.annotations?.scope === 'package',
  );
  const problems: string[] = strayRegoProblems(sources);
  const entries: CatalogEntry[] = [];
  const testFiles = new Set(sources.filter((s) => s.isTest).map((s) => s.file));
  for (const source of policySources(sources)) {
    const {
      theme,
      dir,
      pkg: expectedPkg,
    } = folderOfPolicyFile(source.file) as NonNullable<ReturnType<typeof folderOfPolicyFile>>;
    const where = source.file;
    if (source.pkg !== expectedPkg) problems.push(`${where}: package ${source.pkg} should be ${expectedPkg}`);
    if (!testFiles.has(`${dir}/${POLICY_TEST_FILE}`)) problems.push(`${where}: no ${POLICY_TEST_FILE} beside it`);
    const prefix = THEME_ID_PREFIX[theme];
    if (!prefix) {
      problems.push(`${where}: theme folder ${theme} is not one of ${Object.keys(THEME_ID_PREFIX).join(', ')}`);
      continue;
    }
    const ref = refs.find((r) => packageOf(r) === source.pkg);
    const meta = ref?.annotations;
    if (!meta) {
      problems.push(`${where}: no package-scoped # METADATA block`);
      continue;
    }
    const custom = meta.custom ?? {};
    const id = custom.id;
    const severity = custom.severity;
    const controls = stringList(custom.controls);
    const equivalents = custom.equivalents === undefined ? [] : stringList(custom.equivalents);
    const text = (value: unknown, field: string): string => {
      if (typeof value === 'string' && value.trim() !== '') return value.trim();
      problems.push(`${where}: METADATA ${field} is missing or empty`);
      return '';
    };
    const title = text(meta.title, 'title');
    const description = text(meta.description, 'description');
    const remediation = text(custom.remediation, 'custom.remediation');
    if (typeof id !== 'string' || !new RegExp(`^${prefix}-\\d{3}$`).test(id)) {
      problems.push(`${where}: custom.id ${JSON.stringify(id)} should look like ${prefix}-001 (theme ${theme})`);
    }
    if (!SEVERITIES.includes(severity as Severity)) {
      problems.push(`${where}: custom.severity ${JSON.stringify(severity)} is not one of ${SEVERITIES.join(', ')}`);
    }
    if (!controls?.length) problems.push(`${where}: custom.controls must list at least one control`);
    if (!equivalents) problems.push(`${where}: custom.equivalents must be a list of rule ids`);
    entries.push({
      id: String(id),
      title,
      description,
      severity: severity as CatalogEntry['severity'],
      controls: controls ?? [],
      equivalents: equivalents ?? [],
      remediation,
      theme,
      package: source.pkg,
      file: source.file,
    });
  }
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const other = seen.get(entry.id);
    if (other) problems.push(`${entry.file}: policy id ${entry.id} is already used by ${other}`);
    seen.set(entry.id, entry.file);
  }
  if (problems.length > 0) throw new CatalogError(problems.join('\n'));
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
