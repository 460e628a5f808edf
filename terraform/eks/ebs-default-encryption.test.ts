import { environment } from '../../environments';
import { synthesizeConstruct } from '../testing/synthesized-stack';
import { EbsDefaultEncryption } from './ebs-default-encryption';

it('turns on EBS encryption by default for the account and region', () => {
  const stack = synthesizeConstruct(environment('dev'), (scope) => new EbsDefaultEncryption(scope, 'ebs'));
  expect(stack.only('aws_ebs_encryption_by_default')).toEqual({ enabled: true });
});
