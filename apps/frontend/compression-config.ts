import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';

/**
 * Text types nginx compresses: what the shop's build ships. `text/html` is always compressed by
 * gzip and must not be listed again; images other than SVG are compressed already.
 */
export const GZIP_TYPES = [
  'application/javascript',
  'application/json',
  'application/manifest+json',
  'application/xml',
  'image/svg+xml',
  'text/css',
  'text/javascript',
  'text/plain',
] as const;

/** Where the frontend's nginx reads extra `http`-level configuration (the image's `conf.d/*.conf` include). */
export const COMPRESSION_CONF_PATH = '/etc/nginx/conf.d/compression.conf';

/** Props of {@link CompressionConfig}. */
export interface CompressionConfigProps {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * Compression of the frontend's responses, which ingress-nginx did controller-wide and an ALB
 * does not do at all: gzip in the frontend's own nginx, from this ConfigMap, mounted as one file
 * beside the image's own server block. Brotli would need the ngx_brotli module, which the
 * nginx-unprivileged base image does not ship, so gzip it is. `gzip_vary` keeps caches from
 * serving a compressed body to a client that did not ask for one.
 * https://nginx.org/en/docs/http/ngx_http_gzip_module.html
 */
export class CompressionConfig extends Construct {
  readonly mount: kplus.VolumeMount;

  constructor(scope: Construct, id: string, props: CompressionConfigProps) {
    super(scope, id);
    const fileName = COMPRESSION_CONF_PATH.split('/').pop() ?? 'compression.conf';
    const configMap = new kplus.ConfigMap(this, 'config-map', {
      metadata: { name: 'frontend-nginx-compression', namespace: props.namespace, labels: { ...props.labels } },
      data: {
        [fileName]: [
          'gzip on;',
          'gzip_comp_level 5;',
          'gzip_min_length 1024;',
          'gzip_proxied any;',
          'gzip_vary on;',
          `gzip_types ${GZIP_TYPES.join(' ')};`,
          '',
        ].join('\n'),
      },
    });
    this.mount = {
      path: COMPRESSION_CONF_PATH,
      subPath: fileName,
      readOnly: true,
      volume: kplus.Volume.fromConfigMap(this, 'volume', configMap, { name: 'nginx-compression' }),
    };
  }
}
