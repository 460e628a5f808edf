import { environment } from '../../environments';
import type { AppDescriptor } from '../lib/app-descriptor';
import { namespaceFlows, tcp } from './network-flows';

const env = environment('dev');

const shop: AppDescriptor = {
  folder: 'shop',
  network: () => ({ ecolaura: { publicLoadBalancerPorts: tcp(8080), reason: 'the shop: the ALB reaches it' } }),
};
const api: AppDescriptor = {
  folder: 'api',
  network: () => ({
    ecolaura: {
      publicLoadBalancerPorts: tcp(8080, 8000),
      metricsPorts: tcp(8000),
      reason: 'the api: the ALB reaches it',
    },
    jobs: { apiServer: true, reason: 'the api: its jobs read the API' },
  }),
};

describe('the flows of the namespaces, added up from the apps', () => {
  it('joins the ports of apps sharing a namespace once each, sorted, and their reasons in app order', () => {
    expect(namespaceFlows([shop, api], env).ecolaura).toEqual({
      apiServer: false,
      internetEgress: [],
      webhookPorts: [],
      metricsPorts: tcp(8000),
      sameNamespace: false,
      publicLoadBalancerPorts: tcp(8000, 8080),
      internalLoadBalancerPorts: [],
      reason: 'the shop: the ALB reaches it; the api: the ALB reaches it',
    });
  });

  it('or-s the flags and keeps a namespace only one app needs', () => {
    expect(namespaceFlows([shop, api], env).jobs).toMatchObject({ apiServer: true, sameNamespace: false });
    expect(Object.keys(namespaceFlows([shop, api], env))).toEqual(['ecolaura', 'jobs']);
  });

  it('declares nothing for apps without network needs', () => {
    expect(namespaceFlows([{ folder: 'quiet' }], env)).toEqual({});
  });
});
