import type { PolicyStatement } from '../lib/iam-policy';

/** The tag the controller puts on every load balancer, target group and security group it creates. */
const CLUSTER_TAG = 'elbv2.k8s.aws/cluster';

/**
 * The AWS Load Balancer Controller's IAM policy as its project publishes it for the pinned
 * release (`docs/install/iam_policy.json` at v3.5.0), statement for statement; only the Sids are
 * ours (IAM does not need them, our tests and reviewers do). Writes are bounded the way upstream
 * bounds them: the controller may change or delete only what carries its cluster tag. Raise it
 * together with `VERSIONS.helmCharts.awsLoadBalancerController`.
 * https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/v3.5.0/docs/install/iam_policy.json
 */
export const LOAD_BALANCER_CONTROLLER_STATEMENTS: readonly PolicyStatement[] = [
  {
    Sid: 'CreateElbServiceLinkedRole',
    Effect: 'Allow',
    Action: ['iam:CreateServiceLinkedRole'],
    Resource: '*',
    Condition: { StringEquals: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' } },
  },
  {
    Sid: 'Describe',
    Effect: 'Allow',
    Action: [
      'ec2:DescribeAccountAttributes',
      'ec2:DescribeAddresses',
      'ec2:DescribeAvailabilityZones',
      'ec2:DescribeInternetGateways',
      'ec2:DescribeVpcs',
      'ec2:DescribeVpcPeeringConnections',
      'ec2:DescribeSubnets',
      'ec2:DescribeSecurityGroups',
      'ec2:DescribeInstances',
      'ec2:DescribeNetworkInterfaces',
      'ec2:DescribeTags',
      'ec2:GetCoipPoolUsage',
      'ec2:DescribeCoipPools',
      'ec2:GetSecurityGroupsForVpc',
      'ec2:DescribeIpamPools',
      'ec2:DescribeRouteTables',
      'elasticloadbalancing:DescribeLoadBalancers',
      'elasticloadbalancing:DescribeLoadBalancerAttributes',
      'elasticloadbalancing:DescribeListeners',
      'elasticloadbalancing:DescribeListenerCertificates',
      'elasticloadbalancing:DescribeSSLPolicies',
      'elasticloadbalancing:DescribeRules',
      'elasticloadbalancing:DescribeTargetGroups',
      'elasticloadbalancing:DescribeTargetGroupAttributes',
      'elasticloadbalancing:DescribeTargetHealth',
      'elasticloadbalancing:DescribeTags',
      'elasticloadbalancing:DescribeTrustStores',
      'elasticloadbalancing:DescribeListenerAttributes',
      'elasticloadbalancing:DescribeCapacityReservation',
    ],
    Resource: '*',
  },
  {
    // acm:ListCertificates and DescribeCertificate are what certificate discovery by host uses.
    Sid: 'DiscoverCertificatesAndProtections',
    Effect: 'Allow',
    Action: [
      'cognito-idp:DescribeUserPoolClient',
      'acm:ListCertificates',
      'acm:DescribeCertificate',
      'iam:ListServerCertificates',
      'iam:GetServerCertificate',
      'waf-regional:GetWebACL',
      'waf-regional:GetWebACLForResource',
      'waf-regional:AssociateWebACL',
      'waf-regional:DisassociateWebACL',
      'wafv2:GetWebACL',
      'wafv2:GetWebACLForResource',
      'wafv2:AssociateWebACL',
      'wafv2:DisassociateWebACL',
      'shield:GetSubscriptionState',
      'shield:DescribeProtection',
      'shield:CreateProtection',
      'shield:DeleteProtection',
    ],
    Resource: '*',
  },
  {
    Sid: 'ManageSecurityGroupIngress',
    Effect: 'Allow',
    Action: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress'],
    Resource: '*',
  },
  { Sid: 'CreateSecurityGroup', Effect: 'Allow', Action: ['ec2:CreateSecurityGroup'], Resource: '*' },
  {
    Sid: 'TagNewSecurityGroup',
    Effect: 'Allow',
    Action: ['ec2:CreateTags'],
    Resource: 'arn:aws:ec2:*:*:security-group/*',
    Condition: {
      StringEquals: { 'ec2:CreateAction': 'CreateSecurityGroup' },
      Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'false' },
    },
  },
  {
    Sid: 'RetagOwnSecurityGroups',
    Effect: 'Allow',
    Action: ['ec2:CreateTags', 'ec2:DeleteTags'],
    Resource: 'arn:aws:ec2:*:*:security-group/*',
    Condition: { Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'true', [`aws:ResourceTag/${CLUSTER_TAG}`]: 'false' } },
  },
  {
    Sid: 'ManageOwnSecurityGroups',
    Effect: 'Allow',
    Action: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress', 'ec2:DeleteSecurityGroup'],
    Resource: '*',
    Condition: { Null: { [`aws:ResourceTag/${CLUSTER_TAG}`]: 'false' } },
  },
  {
    Sid: 'CreateTaggedLoadBalancers',
    Effect: 'Allow',
    Action: ['elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:CreateTargetGroup'],
    Resource: '*',
    Condition: { Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'false' } },
  },
  {
    Sid: 'ManageListenersAndRules',
    Effect: 'Allow',
    Action: [
      'elasticloadbalancing:CreateListener',
      'elasticloadbalancing:DeleteListener',
      'elasticloadbalancing:CreateRule',
      'elasticloadbalancing:DeleteRule',
    ],
    Resource: '*',
  },
  {
    Sid: 'RetagOwnLoadBalancers',
    Effect: 'Allow',
    Action: ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
    Resource: [
      'arn:aws:elasticloadbalancing:*:*:targetgroup/*/*',
      'arn:aws:elasticloadbalancing:*:*:loadbalancer/net/*/*',
      'arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*',
    ],
    Condition: { Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'true', [`aws:ResourceTag/${CLUSTER_TAG}`]: 'false' } },
  },
  {
    Sid: 'TagListenersAndRules',
    Effect: 'Allow',
    Action: ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
    Resource: [
      'arn:aws:elasticloadbalancing:*:*:listener/net/*/*/*',
      'arn:aws:elasticloadbalancing:*:*:listener/app/*/*/*',
      'arn:aws:elasticloadbalancing:*:*:listener-rule/net/*/*/*',
      'arn:aws:elasticloadbalancing:*:*:listener-rule/app/*/*/*',
    ],
  },
  {
    Sid: 'ModifyOwnLoadBalancers',
    Effect: 'Allow',
    Action: [
      'elasticloadbalancing:ModifyLoadBalancerAttributes',
      'elasticloadbalancing:SetIpAddressType',
      'elasticloadbalancing:SetSecurityGroups',
      'elasticloadbalancing:SetSubnets',
      'elasticloadbalancing:DeleteLoadBalancer',
      'elasticloadbalancing:ModifyTargetGroup',
      'elasticloadbalancing:ModifyTargetGroupAttributes',
      'elasticloadbalancing:DeleteTargetGroup',
      'elasticloadbalancing:ModifyListenerAttributes',
      'elasticloadbalancing:ModifyCapacityReservation',
      'elasticloadbalancing:ModifyIpPools',
    ],
    Resource: '*',
    Condition: { Null: { [`aws:ResourceTag/${CLUSTER_TAG}`]: 'false' } },
  },
  {
    Sid: 'TagOnCreate',
    Effect: 'Allow',
    Action: ['elasticloadbalancing:AddTags'],
    Resource: [
      'arn:aws:elasticloadbalancing:*:*:targetgroup/*/*',
      'arn:aws:elasticloadbalancing:*:*:loadbalancer/net/*/*',
      'arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*',
    ],
    Condition: {
      StringEquals: { 'elasticloadbalancing:CreateAction': ['CreateTargetGroup', 'CreateLoadBalancer'] },
      Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'false' },
    },
  },
  {
    Sid: 'RegisterTargets',
    Effect: 'Allow',
    Action: ['elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DeregisterTargets'],
    Resource: 'arn:aws:elasticloadbalancing:*:*:targetgroup/*/*',
  },
  {
    Sid: 'ManageListenerSettings',
    Effect: 'Allow',
    Action: [
      'elasticloadbalancing:SetWebAcl',
      'elasticloadbalancing:ModifyListener',
      'elasticloadbalancing:AddListenerCertificates',
      'elasticloadbalancing:RemoveListenerCertificates',
      'elasticloadbalancing:ModifyRule',
      'elasticloadbalancing:SetRulePriorities',
    ],
    Resource: '*',
  },
];
