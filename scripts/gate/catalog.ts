/**
 * The policy catalog (`policies/bundle/catalog.json`, written by `npm run policy:build` from each
 * policy's METADATA): what reports show about a policy besides its violations.
 */

import { compareText } from '../core/compare';
import { GateBundleError } from '../core/errors';
import { isRecord } from '../core/is-record';
import type { CatalogEntry } from '../policy/catalog-entry';
import { SEVERITIES, type Severity } from './types';

/** A catalog entry; the one declaration is `scripts/policy/catalog-entry.ts`. */
export type CatalogPolicy = CatalogEntry;

export type Catalog = ReadonlyMap<string, CatalogPolicy>;

/** The catalog's policies in id order, as every report lists them. */
export function policiesById(catalog: Catalog): CatalogPolicy[] {
  return [...catalog.values()].sort((a, b) => compareText(a.id, b.id));
}

/**
 * Labels out of the shapes METADATA allows for a list of references: a string, a list of
 * strings, a list of `{framework|scanner, id|rule}` objects, or a map of framework → ids.
 */
export function referenceLabels(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(referenceLabels);
  if (isRecord(value)) {
    const owner = value.framework ?? value.scanner ?? value.tool ?? value.standard;
    const id = value.id ?? value.rule ?? value.control ?? value.ids;
    if (typeof owner === 'string' && id !== undefined) return referenceLabels(id).map((label) => `${owner} ${label}`);
    return Object.entries(value).flatMap(([key, inner]) => referenceLabels(inner).map((label) => `${key} ${label}`));
  }
  return [String(value)];
}

function text(entry: Record<string, unknown>, field: string, where: string): string {
  const value = entry[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new GateBundleError(`${where}: "${field}" is missing or empty; rebuild with npm run policy:build`);
  }
  return value;
}

/** Parses catalog.json (a list of policies, or `{policies: [...]}`) and checks every entry. */
export function parseCatalog(raw: unknown, file: string): Catalog {
  const list = Array.isArray(raw) ? raw : isRecord(raw) && Array.isArray(raw.policies) ? raw.policies : undefined;
  if (!list || list.length === 0)
    throw new GateBundleError(`${file}: no policies listed; rebuild with npm run policy:build`);
  const catalog = new Map<string, CatalogPolicy>();
  list.forEach((entry, index) => {
    const where = `${file} entry ${index}`;
    if (!isRecord(entry)) throw new GateBundleError(`${where}: not an object`);
    const id = text(entry, 'id', where);
    const severity = text(entry, 'severity', `${where} (${id})`);
    if (!(SEVERITIES as readonly string[]).includes(severity)) {
      throw new GateBundleError(`${where} (${id}): severity "${severity}" is not one of ${SEVERITIES.join(', ')}`);
    }
    if (catalog.has(id)) throw new GateBundleError(`${where}: policy id ${id} appears twice`);
    catalog.set(id, {
      id,
      title: text(entry, 'title', `${where} (${id})`),
      description: typeof entry.description === 'string' ? entry.description : '',
      severity: severity as Severity,
      controls: referenceLabels(entry.controls),
      equivalents: referenceLabels(entry.equivalents),
      remediation: typeof entry.remediation === 'string' ? entry.remediation : '',
      theme: typeof entry.theme === 'string' ? entry.theme : '',
      package: typeof entry.package === 'string' ? entry.package : '',
      file: typeof entry.file === 'string' ? entry.file : '',
    });
  });
  return catalog;
}
