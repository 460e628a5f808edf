import { environmentFromValue, environmentOfPath, kubernetesGroup } from './location';

describe('environmentOfPath', () => {
  it('takes the nearest folder named dev, staging or prod', () => {
    expect(environmentOfPath('clusters/prod/backend/Deployment.backend.yaml')).toBe('prod');
    expect(environmentOfPath('terraform/cdktf.out/stacks/staging/cdk.tf.json')).toBe('staging');
    expect(environmentOfPath('.tfcheck/dev/plan.json')).toBe('dev');
    expect(environmentOfPath('fixtures/prod/dev/x.yaml')).toBe('dev');
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
  });
});
