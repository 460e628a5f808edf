/**
 * The cdk8s app: synthesizes every environment's manifests into `<outdir>/<env>/<folder>/`,
 * one object per file. `npm run synth` and `npx cdk8s synth` (cdk8s.yaml) both run this file;
 * the output directory comes from CDK8S_OUTDIR, which both set, or defaults to `clusters`.
 * The model is validated before anything is written, and the whole tree is swapped in at once,
 * so a failure leaves the committed tree as it was.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvironments } from '../environments';
import { replaceDirAtomically } from '../scripts/core/atomic-dir';
import { recordConstructSites } from '../scripts/source-map/construct-sites';
import { renderSourceMap, SOURCE_MAP_FILE, type SourceMapEntry } from '../scripts/source-map/source-map-file';
import { kubeObjectIdentity, synthesizeEnvironment } from './environment-charts';
import { clustersReadme } from './lib/clusters-readme';
import { chartFileObjects, renderManifest } from './lib/manifest-files';

function main(): void {
  const started = Date.now();
  const environments = loadEnvironments();
  const outdir = process.env.CDK8S_OUTDIR ?? 'clusters';
  const counts: string[] = [];
  recordConstructSites();
  replaceDirAtomically(outdir, (staging) => {
    const sourceMap = new Map<string, Map<string, SourceMapEntry>>();
    for (const env of environments) {
      let objects = 0;
      for (const { folder, objects: folderObjects, sites } of synthesizeEnvironment(env)) {
        const dir = join(staging, env.name, folder);
        mkdirSync(dir, { recursive: true });
        for (const [file, object] of chartFileObjects(`${env.name}/${folder}`, folderObjects)) {
          writeFileSync(join(dir, file), renderManifest(object));
          const { kind, metadata } = object;
          const site = sites.get(kubeObjectIdentity(kind, metadata.namespace, metadata.name));
          const address = metadata.namespace
            ? `${kind}/${metadata.namespace}/${metadata.name}`
            : `${kind}/${metadata.name}`;
          if (site) sourceMap.set(`${env.name}/${folder}/${file}`, new Map([[address, site]]));
        }
        objects += folderObjects.length;
      }
      counts.push(`${env.name} ${objects}`);
    }
    writeFileSync(join(staging, 'README.md'), clustersReadme(environments));
    writeFileSync(join(staging, SOURCE_MAP_FILE), renderSourceMap(sourceMap));
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `info: wrote ${outdir}/ for ${environments.length} environments (objects: ${counts.join(', ')}) in ${seconds} s`,
  );
}

try {
  main();
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
