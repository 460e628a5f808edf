import { GDPR_KEYS } from '../../environments';
import { ENVIRONMENT_ROWS, type Found, find, objectsOf } from '../lib/test-helpers';

const ECK_KINDS = ['Elasticsearch', 'Kibana', 'Logstash', 'Beat'];

/** The pod templates of an ECK resource: one per node set for Elasticsearch, else one. */
function podTemplates(object: Found): Found[] {
  if (object.kind === 'Elasticsearch')
    return object.spec.nodeSets.map((set: { podTemplate: object }) => set.podTemplate);
  if (object.kind === 'Beat') return [object.spec.daemonSet.podTemplate];
  return [object.spec.podTemplate];
}

describe.each(ENVIRONMENT_ROWS)('the logging chart of %s', (_name, env) => {
  const retention = String(env.observability.logRetentionDays);

  it('deletes logs after exactly the retention their GDPR label states', () => {
    const policy = JSON.parse(find(env, 'ConfigMap', 'elasticsearch-lifecycle-policy').data['lifecycle-policy.json']);
    expect(policy.policy.phases.delete).toEqual({ min_age: `${retention}d`, actions: { delete: {} } });
    expect(find(env, 'Namespace', 'logging').metadata.labels[GDPR_KEYS.retentionDays]).toBe(retention);
    expect(find(env, 'Job', 'elasticsearch-lifecycle-policy').metadata.annotations['argocd.argoproj.io/hook']).toBe(
      'PostSync',
    );
  });

  it('labels every Elastic resource and its pods as operational logs with that retention', () => {
    const resources = objectsOf(env).filter((o) => ECK_KINDS.includes(o.kind));
    expect(resources.map((o) => o.kind).sort()).toEqual([...ECK_KINDS].sort());
    for (const resource of resources) {
      for (const labels of [resource.metadata.labels, ...podTemplates(resource).map((t) => t.metadata.labels)]) {
        expect(labels).toMatchObject({ [GDPR_KEYS.personalData]: 'true', [GDPR_KEYS.retentionDays]: retention });
      }
    }
  });

  it('keeps Elasticsearch data on the encrypted StorageClass, sized and counted by the model, with TLS on', () => {
    const es = find(env, 'Elasticsearch', 'logs');
    const [nodeSet] = es.spec.nodeSets;
    expect(nodeSet.count).toBe(env.observability.elasticsearchNodes);
    expect(nodeSet.volumeClaimTemplates[0].spec).toMatchObject({
      storageClassName: 'encrypted-gp3',
      resources: { requests: { storage: env.observability.elasticsearchStorage } },
    });
    expect(es.spec.http?.tls?.selfSignedCertificate?.disabled).toBeUndefined();
    expect(find(env, 'Kibana', 'logs').spec.http?.tls?.selfSignedCertificate?.disabled).toBeUndefined();
  });

  it('ships container logs with Filebeat to Logstash, and Logstash to Elasticsearch over TLS', () => {
    const beat = find(env, 'Beat', 'filebeat');
    expect(beat.spec.config['filebeat.inputs'][0].paths).toEqual(['/var/log/containers/*.log']);
    expect(beat.spec.config['output.logstash'].hosts).toEqual(['logs-ls-beats.logging.svc:5044']);
    const logstash = find(env, 'Logstash', 'logs');
    expect(logstash.spec.elasticsearchRefs).toEqual([{ clusterName: 'logs', name: 'logs' }]);
    expect(logstash.spec.pipelines[0]['config.string']).toContain('ssl_certificate_authorities');
    expect(logstash.spec.pipelines[0]['config.string']).toContain(`data_stream_namespace => "${env.name}"`);
  });

  it('encrypts Filebeat to Logstash with a certificate from the namespace CA, sharing only the CA with Filebeat', () => {
    const certificate = find(env, 'Certificate', 'logstash-beats-tls');
    expect(certificate.spec.dnsNames).toContain('logs-ls-beats.logging.svc');
    expect(certificate.spec.privateKey.encoding).toBe('PKCS8');
    expect(certificate.spec.issuerRef).toEqual({ kind: 'Issuer', name: 'logging-ca' });
    const pipeline: string = find(env, 'Logstash', 'logs').spec.pipelines[0]['config.string'];
    expect(pipeline).toContain('ssl_enabled => true');
    const beat = find(env, 'Beat', 'filebeat');
    expect(beat.spec.config['output.logstash']['ssl.certificate_authorities']).toEqual(['/etc/logstash-ca/ca.crt']);
    const caVolume = beat.spec.daemonSet.podTemplate.spec.volumes.find(
      (v: { name: string }) => v.name === 'logstash-ca',
    );
    expect(caVolume.secret).toEqual({ secretName: 'logstash-beats-tls', items: [{ key: 'ca.crt', path: 'ca.crt' }] });
  });

  it('lets only Filebeat run as root, with every capability dropped and host paths read-only', () => {
    const rootContainers = objectsOf(env)
      .filter((o) => ECK_KINDS.includes(o.kind))
      .flatMap((o) =>
        podTemplates(o)
          .filter((t) => t.spec.securityContext.runAsNonRoot !== true)
          .map(() => o.kind),
      );
    expect(rootContainers).toEqual(['Beat']);
    const [filebeat] = find(env, 'Beat', 'filebeat').spec.daemonSet.podTemplate.spec.containers;
    expect(filebeat.securityContext).toMatchObject({ capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true });
    for (const mount of filebeat.volumeMounts) expect(mount.readOnly).toBe(true);
  });

  it('serves Kibana only on the internal ALB, over HTTPS to the pod, labelled as an admin UI', () => {
    const ingress = find(env, 'Ingress', 'kibana');
    expect(ingress.metadata.labels['ecolaura.io/admin-ui']).toBe('true');
    expect(ingress.metadata.annotations).toMatchObject({
      'alb.ingress.kubernetes.io/scheme': 'internal',
      'alb.ingress.kubernetes.io/group.name': `ecolaura-${env.name}-internal`,
      'alb.ingress.kubernetes.io/backend-protocol': 'HTTPS',
      'alb.ingress.kubernetes.io/healthcheck-path': '/login',
    });
  });

  it('lets people into Kibana as a read-only file-realm user with a generated password, not as elastic', () => {
    expect(find(env, 'Elasticsearch', 'logs').spec.auth).toEqual({ fileRealm: [{ secretName: 'kibana-login' }] });
    const login = find(env, 'ExternalSecret', 'kibana-login');
    expect(login.spec.target.template).toEqual({
      engineVersion: 'v2',
      type: 'kubernetes.io/basic-auth',
      data: { username: 'log-reader', password: '{{ .password }}', roles: 'viewer' },
    });
    expect(find(env, 'Password', 'kibana-login').spec.length).toBeGreaterThanOrEqual(32);
  });
});
