import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_UI_LABEL } from '../../environments';
import { albIngressAnnotations } from './alb';

describe('the ALB Ingress annotations', () => {
  it('put the shop on an internet-facing ALB and admin UIs on an internal one, each in its own group', () => {
    const shop = albIngressAnnotations({ env: 'prod', exposure: 'public', healthCheckPath: '/' });
    const admin = albIngressAnnotations({ env: 'prod', exposure: 'internal', healthCheckPath: '/api/health' });
    expect([shop['alb.ingress.kubernetes.io/scheme'], shop['alb.ingress.kubernetes.io/group.name']]).toEqual([
      'internet-facing',
      'ecolaura-prod-public',
    ]);
    expect([admin['alb.ingress.kubernetes.io/scheme'], admin['alb.ingress.kubernetes.io/group.name']]).toEqual([
      'internal',
      'ecolaura-prod-internal',
    ]);
  });

  it('talk HTTP to pods inside the VPC unless the pod serves TLS itself', () => {
    const plain = albIngressAnnotations({ env: 'dev', exposure: 'public', healthCheckPath: '/' });
    const tls = albIngressAnnotations({
      env: 'dev',
      exposure: 'internal',
      healthCheckPath: '/login',
      httpsBackend: true,
    });
    expect(plain['alb.ingress.kubernetes.io/backend-protocol']).toBe('HTTP');
    expect(tls['alb.ingress.kubernetes.io/backend-protocol']).toBe('HTTPS');
    expect(tls['alb.ingress.kubernetes.io/healthcheck-protocol']).toBe('HTTPS');
  });

  it('spell the admin UI label exactly as the gate policy ECO-TLS-010 does', () => {
    const rego = readFileSync(
      join(__dirname, '..', '..', 'policies', 'https', 'admin_ui_internal', 'policy.rego'),
      'utf8',
    );
    expect(rego).toContain(`admin_ui_label := "${ADMIN_UI_LABEL}"`);
  });
});
