import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { DATA_PROFILES, type Environment } from '../../environments';
import { FRONTEND_PORT, NAMESPACES } from '../lib/cluster';
import { workloadLabels } from '../lib/labels';
import { WebService } from '../lib/web-service';
import { CompressionConfig } from './compression-config';

/** Props of {@link FrontendChart}. */
export interface FrontendChartProps {
  readonly env: Environment;
}

/**
 * The shop's React build served by nginx (the image is based on nginx-unprivileged: uid 101,
 * port 8080, temporary files under /tmp), which also gzip-compresses its responses
 * (./compression-config.ts). Public pages only: no personal data passes through it.
 */
export class FrontendChart extends Chart {
  readonly web: WebService;

  constructor(scope: Construct, id: string, props: FrontendChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    const compression = new CompressionConfig(this, 'compression', {
      namespace: NAMESPACES.app,
      labels: workloadLabels('frontend', DATA_PROFILES.publicContent),
    });
    this.web = new WebService(this, 'frontend', {
      name: 'frontend',
      spec: props.env.frontend,
      specField: `${props.env.name}.frontend`,
      profile: DATA_PROFILES.publicContent,
      port: FRONTEND_PORT,
      healthPath: '/',
      env: props.env.name,
      host: props.env.domains.frontend,
      runAsUser: 101,
      extraVolumeMounts: [compression.mount],
    });
  }
}
