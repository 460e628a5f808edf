import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'cdktf';
import { constructSite } from '../../scripts/source-map/construct-sites';
import {
  renderSourceMap,
  SOURCE_MAP_FILE,
  type SourceMapEntry,
  type SourceMapFiles,
} from '../../scripts/source-map/source-map-file';

type Blocks = Record<string, Record<string, { '//'?: { metadata?: { path?: string } } }>>;

/**
 * Writes `<outdir>/source-map.json` for the stacks `app` synthesized into `outdir`: every
 * resource and data source of every `stacks/<name>/cdk.tf.json`, by its Terraform address,
 * with the construct path cdktf recorded in its `//` metadata and the line that created that
 * construct. Read from the written JSON, so the map names exactly the addresses the gate sees.
 */
export function writeTerraformSourceMap(app: App, outdir: string): void {
  const constructs = new Map(app.node.findAll().map((construct) => [construct.node.path, construct]));
  const files = new Map<string, Map<string, SourceMapEntry>>();
  for (const stack of readdirSync(join(outdir, 'stacks')).sort()) {
    const file = `stacks/${stack}/cdk.tf.json`;
    const json = JSON.parse(readFileSync(join(outdir, file), 'utf8')) as { resource?: Blocks; data?: Blocks };
    const entries = new Map<string, SourceMapEntry>();
    const add = (prefix: string, blocks: Blocks | undefined) => {
      for (const [type, byName] of Object.entries(blocks ?? {})) {
        for (const [name, body] of Object.entries(byName)) {
          const path = body['//']?.metadata?.path;
          const construct = path === undefined ? undefined : constructs.get(path);
          const site = construct && constructSite(construct);
          if (path !== undefined && site) entries.set(`${prefix}${type}.${name}`, { construct: path, ...site });
        }
      }
    };
    add('', json.resource);
    add('data.', json.data);
    files.set(file, entries);
  }
  writeFileSync(join(outdir, SOURCE_MAP_FILE), renderSourceMap(files as SourceMapFiles));
}
