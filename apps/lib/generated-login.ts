import type { IExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret';
import type { IPassword } from '@kubernetes-models/external-secrets/generators.external-secrets.io/v1alpha1/Password';
import { Construct } from 'constructs';
import { customResource } from './custom-resource';

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
    customResource<IPassword>(this, {
      apiVersion: 'generators.external-secrets.io/v1alpha1',
      kind: 'Password',
      metadata: { name, namespace, labels },
      spec: { length: 32, digits: 6, symbols: 0, noUpper: false, allowRepeat: true },
    });
    customResource<IExternalSecret>(this, {
      apiVersion: 'external-secrets.io/v1beta1',
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
              generatorRef: { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password', name },
            },
          },
        ],
      },
    });
  }
}
