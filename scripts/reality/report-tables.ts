/**
 * The Pod Security and lifecycle tables of the gate's reports and the auditor report, built from
 * the facts the gate computed (facts.admission, facts.lifecycle) and its ECO-PSS-009 findings.
 * Charts Argo CD renders are listed as not evaluated, so nobody mistakes them for coverage.
 */

import { compareText } from '../core/compare';
import type { Finding } from '../gate/exceptions';
import type { PolicyResource } from '../gate/types';
import type { LifecycleJudgement } from '../lib/support-lifecycle';
import type { AdmissionFacts } from './admission-facts';

export const ADMISSION_POLICY = 'ECO-PSS-009';
export const CHARTS_NOT_EVALUATED = 'not evaluated: chart pod specs are rendered by Argo CD';

export interface PodSecurityRow {
  readonly environment: string;
  readonly namespace: string;
  readonly level: string;
  readonly version: string;
  /** `namespace-label` or `cluster-default`. */
  readonly source: string;
  /** Pod templates in Git judged at that level. */
  readonly templates: number;
  /** Objects whose templates the namespace refuses (unwaived ECO-PSS-009 findings). */
  readonly refused: readonly string[];
  /** `chart@version` of the Helm Applications installed here, whose pods are not in Git. */
  readonly charts: readonly string[];
}

export interface LifecycleRow {
  readonly environment: string;
  readonly resource: string;
  readonly subject: string;
  readonly version: string;
  readonly end: string | null;
  readonly daysLeft: number | null;
  readonly status: string;
  readonly source: string | null;
}

export interface RealityTables {
  readonly podSecurity: readonly PodSecurityRow[];
  readonly lifecycle: readonly LifecycleRow[];
}

function podSecurityRows(resources: readonly PolicyResource[], findings: readonly Finding[]): PodSecurityRow[] {
  const refused = new Set(
    findings.filter((f) => f.policy === ADMISSION_POLICY && !f.waived).map((f) => `${f.file}\0${f.resource}`),
  );
  const rows = new Map<string, PodSecurityRow & { refused: string[]; charts: string[] }>();
  for (const resource of resources) {
    const admission = resource.facts.admission as AdmissionFacts | undefined;
    if (!admission) continue;
    const environment = resource.environment ?? resource.group;
    const key = `${environment}\0${admission.namespace}`;
    const row = rows.get(key) ?? {
      environment,
      namespace: admission.namespace,
      level: admission.level,
      version: admission.version,
      source: admission.source,
      templates: 0,
      refused: [],
      charts: [],
    };
    if (admission.chart !== null) row.charts.push(admission.chart);
    if (refused.has(`${resource.file}\0${resource.address}`)) row.refused.push(resource.address);
    rows.set(key, { ...row, templates: row.templates + admission.templates.length });
  }
  return [...rows.values()]
    .map((row) => ({ ...row, refused: [...row.refused].sort(compareText), charts: [...row.charts].sort(compareText) }))
    .sort((a, b) => compareText(a.environment, b.environment) || compareText(a.namespace, b.namespace));
}

function lifecycleRows(resources: readonly PolicyResource[]): LifecycleRow[] {
  return resources
    .flatMap((resource) => {
      const lifecycle = resource.facts.lifecycle as LifecycleJudgement | undefined;
      if (!lifecycle) return [];
      return [
        {
          environment: resource.environment ?? resource.group,
          resource: resource.address,
          subject: lifecycle.subject,
          version: lifecycle.version,
          end: lifecycle.end,
          daysLeft: lifecycle.daysLeft,
          status: lifecycle.status,
          source: lifecycle.source,
        },
      ];
    })
    .sort((a, b) => compareText(a.environment, b.environment) || compareText(a.resource, b.resource));
}

export function realityTables(resources: readonly PolicyResource[], findings: readonly Finding[]): RealityTables {
  return { podSecurity: podSecurityRows(resources, findings), lifecycle: lifecycleRows(resources) };
}

/** Headers and plain-text cells of each table, shared by every renderer so they never disagree. */
export function podSecurityCells(rows: readonly PodSecurityRow[]): { headers: string[]; cells: string[][] } {
  return {
    headers: [
      'environment',
      'namespace',
      'enforce level/version',
      'templates evaluated',
      'refused',
      'charts not evaluated',
    ],
    cells: rows.map((row) => [
      row.environment,
      row.namespace,
      `${row.level} ${row.version}${row.source === 'cluster-default' ? ' (no label: cluster default)' : ''}`,
      String(row.templates),
      row.refused.length === 0 ? '0' : `${row.refused.length}: ${row.refused.join(', ')}`,
      row.charts.length === 0 ? '' : `${row.charts.join(', ')} (${CHARTS_NOT_EVALUATED})`,
    ]),
  };
}

export function lifecycleCells(rows: readonly LifecycleRow[]): { headers: string[]; cells: string[][] } {
  return {
    headers: ['environment', 'resource', 'pinned', 'end of support', 'days left', 'status'],
    cells: rows.map((row) => [
      row.environment,
      row.resource,
      `${row.subject} ${row.version}`,
      row.end ?? 'none published',
      row.daysLeft === null ? '' : String(row.daysLeft),
      row.status,
    ]),
  };
}
