import { Construct } from 'constructs';
import { customResource } from './custom-resource';
import {
  EXTERNAL_SECRETS_API,
  type ExternalSecretV1,
  GENERATORS_API,
  type PasswordGenerator,
} from './external-secrets-api';

/** Props of {@link GeneratedLogin}. */
export interface GeneratedLoginProps {
  /** Name of the generator, the ExternalSecret and the Secret it writes. */
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /**
   * The Secret's entries as external-secrets templates; `{{ .password }}` is the generated
   * password. https://external-secrets.io/latest/guides/templating/
   */
  readonly data: Readonly<Record<string, string>>;
  /** Type of the Secret written. @default 'Opaque' */
  readonly type?: string;
}

/**
 * A login whose password nobody chose and Git never holds: external-secrets' Password generator
 * makes a random one inside the cluster, and the ExternalSecret writes it, with the user name
 * and whatever else the consumer needs, into a Secret. `refreshInterval: 0` generates it once:
 * applications such as Grafana read the admin password only at first start, so a rotated value
 * would lock people out rather than rotate anything. People with RBAC on the namespace's Secrets
 * read it for break-glass access; rotating it is deleting the Secret.
 * https://external-secrets.io/latest/api/generator/password/
 */
export class GeneratedLogin extends Construct {
  constructor(scope: Construct, id: string, props: GeneratedLoginProps) {
    super(scope, id);
    const { name, namespace } = props;
    const labels = { ...props.labels };
    customResource<PasswordGenerator>(this, {
      apiVersion: GENERATORS_API,
      kind: 'Password',
      metadata: { name, namespace, labels },
      spec: { length: 32, digits: 6, symbols: 0, noUpper: false, allowRepeat: true },
    });
    customResource<ExternalSecretV1>(this, {
      apiVersion: EXTERNAL_SECRETS_API,
      kind: 'ExternalSecret',
      metadata: { name, namespace, labels },
      spec: {
        refreshInterval: '0',
        target: {
          name,
          creationPolicy: 'Owner',
          // Deleting the ExternalSecret must not take the login away from a running application.
          deletionPolicy: 'Retain',
          template: { engineVersion: 'v2', type: props.type ?? 'Opaque', data: { ...props.data } },
        },
        dataFrom: [
          {
            sourceRef: {
              generatorRef: { apiVersion: GENERATORS_API, kind: 'Password', name },
            },
          },
        ],
      },
    });
  }
}
