import type { AppDescriptor } from '../lib/app-descriptor';
import { NAMESPACES } from '../lib/cluster';
import { tcp } from '../platform/network-flows';
import { certManagerRelease } from './cert-manager';

/** cert-manager alone: in-cluster CAs (the load balancer controller's webhook), no manifests of its own. */
export const app: AppDescriptor = {
  folder: 'certificates',
  helmReleases: () => [certManagerRelease()],
  network: () => ({
    [NAMESPACES.certManager]: {
      apiServer: true,
      // No internet: public TLS is ACM's, and cert-manager only signs in-cluster certificates
      // (no ACME account, no HTTP-01 self-check, no DNS-01 propagation check).
      webhookPorts: tcp(10250),
      metricsPorts: tcp(9402),
      sameNamespace: true,
      reason: 'cert-manager: the API and its webhook called by the API server; in-cluster CAs only',
    },
  }),
};
