import { ENVIRONMENT_ROWS, find } from '../lib/test-helpers';
import { certManagerRelease } from './cert-manager';

describe.each(ENVIRONMENT_ROWS)('the certificates chart of %s', (_name, env) => {
  it("issues certificates from Let's Encrypt through the nginx ingress class", () => {
    const issuer = find(env, 'ClusterIssuer', 'letsencrypt');
    expect(issuer.spec.acme.server).toBe('https://acme-v02.api.letsencrypt.org/directory');
    expect(issuer.spec.acme.solvers).toEqual([{ http01: { ingress: { class: 'nginx' } } }]);
  });

  it('sends ACME expiry notices to the team that owns the environment', () => {
    expect(find(env, 'ClusterIssuer', 'letsencrypt').spec.acme.email).toBe(`${env.owner}@ecolaura.eu`);
  });

  it('installs cert-manager with its CRDs, kept when the release is removed', () => {
    expect(certManagerRelease().values.crds).toEqual({ enabled: true, keep: true });
  });
});
