import { awsManagedPolicyArn, policyDocument, serviceTrustPolicy } from './iam-policy';

it('renders statements as a 2012-10-17 policy document', () => {
  const document = JSON.parse(policyDocument([{ Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]));
  expect(document).toEqual({
    Version: '2012-10-17',
    Statement: [{ Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
  });
});

it('binds a service trust policy to the source account only when asked', () => {
  const bound = JSON.parse(serviceTrustPolicy('vpc-flow-logs.amazonaws.com', '210000000001')).Statement[0];
  expect(bound.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': '210000000001' } });
  const unbound = JSON.parse(serviceTrustPolicy('ec2.amazonaws.com')).Statement[0];
  expect(unbound.Condition).toBeUndefined();
  expect(unbound.Principal).toEqual({ Service: 'ec2.amazonaws.com' });
});

it('spells AWS managed policy ARNs in the aws partition', () => {
  expect(awsManagedPolicyArn('service-role/AmazonEBSCSIDriverPolicy')).toBe(
    'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy',
  );
});
