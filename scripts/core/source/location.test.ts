import { environmentFromValue, environmentOfPath, kubernetesGroup } from './location';

describe('environmentOfPath', () => {
  it('takes the environment from its position in each layout', () => {
    expect(environmentOfPath('clusters/prod/backend/Deployment.backend.yaml')).toBe('prod');
    expect(environmentOfPath('terraform/cdktf.out/stacks/staging/cdk.tf.json')).toBe('staging');
    expect(environmentOfPath('.tfcheck/dev/plan.json')).toBe('dev');
    expect(environmentOfPath('policies/supporting/prod_deletion_protection/fixtures/dev/x.json')).toBe('dev');
  });

  it('never takes it from a deeper folder name: a dev folder inside prod is prod', () => {
    // Before: the nearest folder named dev won, so dev exceptions applied to prod objects.
    expect(environmentOfPath('clusters/prod/dev/Deployment.backend.yaml')).toBe('prod');
    expect(environmentOfPath('terraform/cdktf.out/stacks/prod/dev/cdk.tf.json')).toBe('prod');
    expect(environmentOfPath('fixtures/prod/dev/x.yaml')).toBeNull();
    expect(environmentOfPath('apps/dev/x.yaml')).toBeNull();
  });

  it('ignores the file name and folders that merely contain an environment name', () => {
    expect(environmentOfPath('clusters/production/x.yaml')).toBeNull();
    expect(environmentOfPath('prod')).toBeNull();
    expect(environmentOfPath('objects/prod.yaml')).toBeNull();
  });
});

describe('environmentFromValue', () => {
  it('accepts only the environment names', () => {
    expect(environmentFromValue('staging')).toBe('staging');
    expect(environmentFromValue('Staging')).toBeNull();
    expect(environmentFromValue(undefined)).toBeNull();
  });
});

describe('kubernetesGroup', () => {
  it('groups by environment folder, else by the file folder', () => {
    expect(kubernetesGroup('clusters/prod/backend/Service.backend.yaml')).toBe('clusters/prod');
    expect(kubernetesGroup('bench/ns-1/app.yaml')).toBe('bench/ns-1');
    expect(kubernetesGroup('app.yaml')).toBe('.');
    expect(kubernetesGroup('clusters/prod/dev/Service.x.yaml')).toBe('clusters/prod');
    expect(kubernetesGroup('other/dev/Service.x.yaml')).toBe('other/dev');
  });
});
