import { GDPR_KEYS } from '../../environments';
import { ENVIRONMENT_ROWS, type Found, find, objectsOf } from '../lib/test-helpers';

const ECK_KINDS = ['Elasticsearch', 'Kibana', 'Beat'];

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
  });

  it('installs the lifecycle policy and index template in a wave after Elasticsearch and before every writer', () => {
    const wave = (o: Found) => Number(o.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? '0');
    const job = find(env, 'Job', 'elasticsearch-lifecycle-policy');
    // Before: a PostSync hook, which ran after Logstash had already created the first index.
    expect(job.metadata.annotations['argocd.argoproj.io/hook']).toBe('Sync');
    expect(job.metadata.annotations['argocd.argoproj.io/hook']).not.toBe('PostSync');
    expect(wave(find(env, 'Elasticsearch', 'logs'))).toBeLessThan(wave(job));
    expect(wave(find(env, 'ConfigMap', 'elasticsearch-lifecycle-policy'))).toBeLessThan(wave(job));
    for (const [kind, name] of [
      ['Beat', 'filebeat'],
      ['Kibana', 'logs'],
    ] as const) {
      expect({ kind, after: wave(find(env, kind, name)) > wave(job) }).toEqual({ kind, after: true });
    }
    expect(job.spec.template.spec.containers[0].command[2]).toContain('_component_template/logs@custom');
  });

  it('counts retention from the day each backing index was created, not from its rollover', () => {
    const template = JSON.parse(
      find(env, 'ConfigMap', 'elasticsearch-lifecycle-policy').data['component-template.json'],
    );
    expect(template.template.settings).toMatchObject({
      'index.lifecycle.name': 'ecolaura-logs',
      'index.lifecycle.parse_origination_date': true,
    });
  });

  it('keeps replicas only where a second node can hold them, so a single node stays green', () => {
    const template = JSON.parse(
      find(env, 'ConfigMap', 'elasticsearch-lifecycle-policy').data['component-template.json'],
    );
    expect(template.template.settings['index.number_of_replicas']).toBe(
      env.observability.elasticsearchNodes === 1 ? 0 : 1,
    );
  });

  it("lets a single-node Elasticsearch be drained by turning ECK's budget off, and keeps it for clusters", () => {
    const es = find(env, 'Elasticsearch', 'logs');
    if (env.observability.elasticsearchNodes === 1) expect(es.spec.podDisruptionBudget).toEqual({});
    else expect(es.spec.podDisruptionBudget).toBeUndefined();
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

  it('ships container logs with Filebeat straight into the data stream, over TLS verified by ECK', () => {
    const beat = find(env, 'Beat', 'filebeat');
    expect(beat.spec.config['filebeat.inputs'][0].paths).toEqual(['/var/log/containers/*.log']);
    // ECK's association: Elasticsearch hosts, a Filebeat user and the CA that verifies the server.
    expect(beat.spec.elasticsearchRef).toEqual({ name: 'logs', namespace: 'logging' });
    expect(beat.spec.config['output.elasticsearch']).toEqual({ index: `logs-ecolaura-${env.name}` });
    // Before: Filebeat -> Logstash -> Elasticsearch, with a certificate Logstash never reloaded.
    expect(beat.spec.config['output.logstash']).toBeUndefined();
    expect(objectsOf(env).filter((o) => ['Logstash', 'Certificate', 'Issuer'].includes(o.kind))).toEqual([]);
    // The stream's template and lifecycle are the platform's, never Filebeat's own.
    expect(beat.spec.config).toMatchObject({ 'setup.template.enabled': false, 'setup.ilm.enabled': false });
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
