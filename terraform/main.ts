/**
 * The CDKTF app: synthesizes every environment's stack into `terraform/cdktf.out/`.
 * Run by `npm run synth` and by `npx cdktf synth` (cdktf.json), which sets CDKTF_OUTDIR.
 */
import { App } from 'cdktf';
import { type Environment, loadEnvironments } from '../environments';
import { replaceDirAtomically } from '../scripts/core/atomic-dir';
import { recordConstructSites } from '../scripts/source-map/construct-sites';
import { StateBootstrapStack } from './bootstrap/state-bootstrap-stack';
import { writeTerraformSourceMap } from './lib/terraform-source-map';
import { PlatformStack } from './platform-stack';

/** Where the committed Terraform JSON lives, relative to the repository root. */
export const DEFAULT_OUTDIR = 'terraform/cdktf.out';

/**
 * Validates the model (the declared environments unless others are given), then writes all stacks into `outdir` atomically: a failure at any point
 * leaves the previous output exactly as it was.
 */
export function synthesizePlatform(outdir: string, declared?: readonly Environment[]): void {
  const environments = loadEnvironments(declared);
  recordConstructSites();
  replaceDirAtomically(outdir, (staging) => {
    // Stack traces would put this machine's paths into manifest.json.
    const app = new App({ outdir: staging, stackTraces: false });
    for (const environment of environments) {
      new PlatformStack(app, { environment });
      new StateBootstrapStack(app, { environment });
    }
    app.synth();
    writeTerraformSourceMap(app, staging);
  });
}

if (require.main === module) {
  const outdir = process.env.CDKTF_OUTDIR ?? DEFAULT_OUTDIR;
  try {
    synthesizePlatform(outdir);
    console.log(`info: synthesized ${loadEnvironments().length} Terraform stacks into ${outdir}`);
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
