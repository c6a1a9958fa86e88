import rule from '../../rules/require-condition.js';
import { runRuleTests } from '../rule-tester.js';

const SERVICE_RISK =
  'acts for every AWS customer, so another account can aim it here (confused deputy)';
const PASS_EXAMPLE = '{"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}';
const GITHUB_KEYS =
  'token.actions.githubusercontent.com:sub or token.actions.githubusercontent.com/*:sub';
const GITHUB_EXAMPLE =
  '{"StringEquals": {"token.actions.githubusercontent.com:sub": ' +
  '"repo:my-org/my-repo:ref:refs/heads/main"}}';
const GITHUB_PROBLEM =
  'it does not match ^(repo:[^*?/:]+/|' +
  '(repository(_owner)?(_id)?|job_workflow_ref|enterprise):[^*?:]+(:|$))';
const SERVICE_KEYS = 'aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths';
const SERVICE_EXAMPLE = '{"StringEquals": {"aws:SourceAccount": "111122223333"}}';

runRuleTests(rule, {
  valid: [
    // PassRole limited to the service the role is meant for.
    `{"Statement":[{"Effect":"Allow","Action":"iam:PassRole",
"Resource":"*",
"Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}]}`,
    // Key names match whatever their letter case; a partial pattern still narrows.
    `{"Statement":[{"Effect":"Allow","Action":"iam:PassRole",
"Resource":"*",
"Condition":{"StringLike":{"IAM:passedtoservice":["ec2.*","ecs.amazonaws.com"]}}}]}`,
    // PassRole on named roles is scoped by its resource.
    `{"Statement":[{"Effect":"Allow","Action":"iam:PassRole",
"Resource":"arn:aws:iam::111122223333:role/app-*"}]}`,
    // Deny grants nothing.
    `{"Statement":[{"Effect":"Deny","Action":"iam:PassRole",
"Resource":"*"}]}`,
    // NotAction that leaves PassRole out.
    `{"Statement":[{"Effect":"Allow","NotAction":"iam:*",
"Resource":"*"}]}`,
    // Boundaries only cap what other policies grant.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"iam:PassRole",
"Resource":"*"}]}`,
      kind: 'boundary',
    },
    // GitHub subjects that name an owner, alone or with a repository and branch.
    `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRoleWithWebIdentity",
"Principal":{"Federated":
"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
"Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":
["repo:my-org/*","repo:my-org/app:ref:refs/heads/main"]}}}]}`,
    // A per-enterprise issuer has its own key prefix.
    `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRoleWithWebIdentity",
"Principal":{"Federated":
"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com/acme"},
"Condition":{"StringEquals":{"token.actions.githubusercontent.com/acme:sub":
"repo:acme/app:environment:prod"}}}]}`,
    // Other identity providers are not GitHub.
    `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRoleWithWebIdentity",
"Principal":{"Federated":
"cognito-identity.amazonaws.com"}}]}`,
    // Compute services assume their own role; .cn forms too.
    `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"Service":["ec2.amazonaws.com","lambda.amazonaws.com.cn",
"pods.eks.amazonaws.com"]}}]}`,
    // A service principal tied to the calling resource.
    `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"Service":"sns.amazonaws.com"},
"Condition":{"ArnLike":{"aws:sourcearn":"arn:aws:sns:*:111122223333:alerts"}}}]}`,
    // A bucket policy for a service, tied to the source account.
    `{"Statement":[{"Effect":"Allow","Action":"s3:PutObject",
"Resource":"arn:aws:s3:::logs/*",
"Principal":{"Service":"cloudtrail.amazonaws.com"},
"Condition":{"StringEquals":{"AWS:SourceAccount":"111122223333"}}}]}`,
    // A multivalued key under ForAnyValue still has to match.
    `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"Service":"events.amazonaws.com"},
"Condition":{"ForAnyValue:StringLike":{"aws:SourceOrgPaths":
"o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}}}]}`,
    // Deny statements are never reported.
    `{"Statement":[{"Effect":"Deny","Action":"sts:AssumeRole",
"Principal":{"Service":"sns.amazonaws.com"}}]}`,
    // useDefaults false drops the built-in requirements.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"iam:PassRole",
"Resource":"*"}]}`,
      options: { useDefaults: false },
    },
    // An entry named like a default replaces it: here to exempt one more service.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"Service":"ssm.amazonaws.com"}}]}`,
      options: {
        requirements: [
          {
            name: 'service-principal-source',
            kinds: ['trust'],
            principals: { type: 'Service', except: ['ssm.amazonaws.com'] },
            conditionKeys: ['aws:SourceAccount'],
          },
        ],
      },
    },
    // A requirement of your own, satisfied.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"kms:Decrypt",
"Resource":"*",
"Condition":{"StringEquals":{"kms:ViaService":"s3.eu-west-1.amazonaws.com"}}}]}`,
      options: {
        requirements: [
          {
            name: 'kms-via-service',
            kinds: ['managed'],
            actions: ['kms:Decrypt'],
            conditionKeys: ['kms:ViaService'],
          },
        ],
      },
    },
    // Every PassRole call carries iam:PassedToService, so IfExists and ForAllValues still
    // narrow it; AWS's own service-role policies are written with StringEqualsIfExists.
    `{"Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*",
"Condition":{"StringEqualsIfExists":{"iam:PassedToService":"ec2.amazonaws.com"}}}]}`,
    `{"Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*",
"Condition":{"ForAllValues:StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}]}`,
    // A customised subject claim that pins the owner by id.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRoleWithWebIdentity",
"Principal":{"Federated":
"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
"Condition":{"StringEquals":{"token.actions.githubusercontent.com:sub":
"repository_owner_id:72520260:repository_id:553384279:environment:prod"}}}]}`,
      kind: 'trust',
    },
    // A customised subject whose first claim is the repository id, followed by other claims.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRoleWithWebIdentity",
"Principal":{"Federated":
"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
"Condition":{"StringEquals":{"token.actions.githubusercontent.com:sub":
"repository_id:553384279:environment:prod"}}}]}`,
      kind: 'trust',
    },
    // AWS's S3 event notification example: bucket names are global, so an S3 ARN with
    // wildcard region and account still names one bucket.
    `{"Statement":[{"Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},
"Action":"SNS:Publish","Resource":"arn:aws:sns:us-east-2:111122223333:s3-events",
"Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:*:*:awsexamplebucket1"}}}]}`,
  ],
  invalid: [
    {
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["ec2:RunInstances", "iam:PassRole"], "Resource": "*" }
  ]
}`,
      errors: [
        {
          messageId: 'missingCondition',
          data: {
            name: 'passrole-passed-to-service',
            risk: 'on Resource "*" lets this identity pass any role to any AWS service',
            value: '"iam:PassRole"',
            keys: 'iam:PassedToService',
            example: PASS_EXAMPLE,
          },
          line: 4,
          column: 57,
          endLine: 4,
          endColumn: 71,
        },
      ],
    },
    // The first action that covers PassRole is reported, whatever its case.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":["IAM:Pass*","iam:*"],
"Resource":"*"}]}`,
      errors: [
        {
          messageId: 'missingCondition',
          data: {
            name: 'passrole-passed-to-service',
            risk: 'on Resource "*" lets this identity pass any role to any AWS service',
            value: '"IAM:Pass*"',
            keys: 'iam:PassedToService',
            example: PASS_EXAMPLE,
          },
          line: 1,
          column: 43,
          endLine: 1,
          endColumn: 54,
        },
      ],
    },
    // NotAction that does not exclude PassRole: reported at the NotAction key.
    {
      code: `{"Statement":[{"Effect":"Allow","NotAction":"s3:*",
"Resource":["*"]}]}`,
      errors: [
        {
          messageId: 'missingCondition',
          data: {
            name: 'passrole-passed-to-service',
            risk: 'on Resource "*" lets this identity pass any role to any AWS service',
            value: '"NotAction"',
            keys: 'iam:PassedToService',
            example: PASS_EXAMPLE,
          },
          line: 1,
          column: 33,
          endLine: 1,
          endColumn: 44,
        },
      ],
    },
    // A negated operator allows every other service.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"iam:PassRole",
"Resource":"*",
"Condition":{"StringNotEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}]}`,
      errors: [
        {
          messageId: 'missingCondition',
          data: {
            name: 'passrole-passed-to-service',
            risk: 'on Resource "*" lets this identity pass any role to any AWS service',
            value: '"iam:PassRole"',
            keys: 'iam:PassedToService',
            example: PASS_EXAMPLE,
          },
          line: 1,
          column: 42,
          endLine: 1,
          endColumn: 56,
        },
      ],
    },
    // For a service principal the source keys can be absent, so IfExists narrows nothing.
    {
      code: `{"Statement":[{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},
"Action":"sqs:SendMessage","Resource":"*",
"Condition":{"ArnLikeIfExists":{"aws:SourceArn":"arn:aws:sns:*:111122223333:*"}}}]}`,
      errors: [
        {
          messageId: 'missingCondition',
          data: {
            name: 'service-principal-source',
            risk: SERVICE_RISK,
            value: '"sns.amazonaws.com"',
            keys: 'aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths',
            example: SERVICE_EXAMPLE,
          },
          line: 1,
          column: 56,
          endLine: 1,
          endColumn: 75,
        },
      ],
    },
    // A wildcard-only value pins nothing.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"iam:PassRole",
"Resource":"*",
"Condition":{"StringLike":{"iam:PassedToService":["ec2.amazonaws.com","*"]}}}]}`,
      errors: [
        {
          messageId: 'conditionTooBroad',
          data: {
            name: 'passrole-passed-to-service',
            value: '"*"',
            key: 'iam:PassedToService',
            problem: 'it matches any value',
            example: PASS_EXAMPLE,
          },
          line: 3,
          column: 71,
          endLine: 3,
          endColumn: 74,
        },
      ],
    },
    // A GitHub trust with no subject lets every repository in.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRoleWithWebIdentity",
"Principal":{"Federated":
"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
"Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}]}`,
      errors: [
        {
          messageId: 'missingCondition',
          data: {
            name: 'github-oidc-subject',
            risk: 'lets workflows of any GitHub repository assume this role',
            value: '"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"',
            keys: GITHUB_KEYS,
            example: GITHUB_EXAMPLE,
          },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 78,
        },
      ],
    },
    // A subject without a literal owner is too broad.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRoleWithWebIdentity",
"Principal":{"Federated":
"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
"Condition":{"StringLike":{"Token.Actions.GithubUserContent.com:SUB":"repo:*/app:*"}}}]}`,
      errors: [
        {
          messageId: 'conditionTooBroad',
          data: {
            name: 'github-oidc-subject',
            value: '"repo:*/app:*"',
            key: 'Token.Actions.GithubUserContent.com:SUB',
            problem: GITHUB_PROBLEM,
            example: GITHUB_EXAMPLE,
          },
          line: 4,
          column: 70,
          endLine: 4,
          endColumn: 84,
        },
      ],
    },
    // A customised subject that starts with the environment names no owner: every
    // repository with an environment called prod gets such a token.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRoleWithWebIdentity",
"Principal":{"Federated":
"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
"Condition":{"StringEquals":{"token.actions.githubusercontent.com:sub":
"environment:prod"}}}]}`,
      kind: 'trust',
      errors: [
        {
          messageId: 'conditionTooBroad',
          data: {
            name: 'github-oidc-subject',
            value: '"environment:prod"',
            key: 'token.actions.githubusercontent.com:sub',
            problem: GITHUB_PROBLEM,
            example: GITHUB_EXAMPLE,
          },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 19,
        },
      ],
    },
    // A branch is the same name in every repository.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRoleWithWebIdentity",
"Principal":{"Federated":
"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
"Condition":{"StringEquals":{"token.actions.githubusercontent.com:sub":
"ref:refs/heads/main"}}}]}`,
      kind: 'trust',
      errors: [
        {
          messageId: 'conditionTooBroad',
          data: {
            name: 'github-oidc-subject',
            value: '"ref:refs/heads/main"',
            key: 'token.actions.githubusercontent.com:sub',
            problem: GITHUB_PROBLEM,
            example: GITHUB_EXAMPLE,
          },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 22,
        },
      ],
    },
    // An owner id with a wildcard in it matches other owners' ids.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRoleWithWebIdentity",
"Principal":{"Federated":
"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
"Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":
"repository_owner_id:7*:environment:prod"}}}]}`,
      kind: 'trust',
      errors: [
        {
          messageId: 'conditionTooBroad',
          data: {
            name: 'github-oidc-subject',
            value: '"repository_owner_id:7*:environment:prod"',
            key: 'token.actions.githubusercontent.com:sub',
            problem: GITHUB_PROBLEM,
            example: GITHUB_EXAMPLE,
          },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 42,
        },
      ],
    },
    // AWS says never to use wildcards with aws:SourceAccount: "1111*" matches other accounts.
    {
      code: `{"Statement":[{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},
"Action":"sqs:SendMessage","Resource":"*",
"Condition":{"StringLike":{"aws:SourceAccount":"1111*"}}}]}`,
      errors: [
        {
          messageId: 'conditionTooBroad',
          data: {
            name: 'service-principal-source',
            value: '"1111*"',
            key: 'aws:SourceAccount',
            problem: "a wildcard in an id matches other owners' ids",
            example: SERVICE_EXAMPLE,
          },
          line: 3,
          column: 48,
          endLine: 3,
          endColumn: 55,
        },
      ],
    },
    // One value in a list is enough to open the role: it is reported.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRoleWithWebIdentity",
"Principal":{"Federated":
"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
"Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":
["repo:my-org/app:*","*"]}}}]}`,
      errors: [
        {
          messageId: 'conditionTooBroad',
          data: {
            name: 'github-oidc-subject',
            value: '"*"',
            key: 'token.actions.githubusercontent.com:sub',
            problem: 'it matches any value',
            example: GITHUB_EXAMPLE,
          },
          line: 5,
          column: 22,
          endLine: 5,
          endColumn: 25,
        },
      ],
    },
    // A service principal in a trust policy, next to exempt compute services.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"Service":["ec2.amazonaws.com","scheduler.amazonaws.com","events.amazonaws.com"]}}]}`,
      errors: [
        {
          messageId: 'missingCondition',
          data: {
            name: 'service-principal-source',
            risk: SERVICE_RISK,
            value: '"scheduler.amazonaws.com"',
            keys: SERVICE_KEYS,
            example: SERVICE_EXAMPLE,
          },
          line: 2,
          column: 45,
          endLine: 2,
          endColumn: 70,
        },
      ],
    },
    // Null only checks that the key is there, not what it holds.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"s3:PutObject",
"Resource":"arn:aws:s3:::logs/*",
"Principal":{"Service":"cloudtrail.amazonaws.com"},
"Condition":{"Null":{"aws:SourceArn":"false"}}}]}`,
      errors: [
        {
          messageId: 'missingCondition',
          data: {
            name: 'service-principal-source',
            risk: SERVICE_RISK,
            value: '"cloudtrail.amazonaws.com"',
            keys: SERVICE_KEYS,
            example: SERVICE_EXAMPLE,
          },
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 50,
        },
      ],
    },
    // Your own requirement is checked next to the defaults.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":["kms:Decrypt","iam:PassRole"],
"Resource":"*"}]}`,
      options: {
        requirements: [
          {
            name: 'kms-via-service',
            kinds: ['managed'],
            actions: ['kms:Decrypt'],
            conditionKeys: ['kms:ViaService'],
          },
        ],
      },
      errors: [
        {
          messageId: 'missingCondition',
          data: {
            name: 'kms-via-service',
            risk: 'matches a requirement',
            value: '"kms:Decrypt"',
            keys: 'kms:ViaService',
            example: '{"StringEquals": {"kms:ViaService": "<expected value>"}}',
          },
          line: 1,
          column: 43,
          endLine: 1,
          endColumn: 56,
        },
        {
          messageId: 'missingCondition',
          data: {
            name: 'passrole-passed-to-service',
            risk: 'on Resource "*" lets this identity pass any role to any AWS service',
            value: '"iam:PassRole"',
            keys: 'iam:PassedToService',
            example: PASS_EXAMPLE,
          },
          line: 1,
          column: 57,
          endLine: 1,
          endColumn: 71,
        },
      ],
    },
    // With useDefaults false only your requirements run; "*" counts as AWS "*".
    {
      code: `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
"Resource":"arn:aws:s3:::shared/*"},{"Effect":"Allow","Action":"s3:GetObject",
"Principal":{"AWS":"*"},"Resource":"arn:aws:s3:::shared/*",
"Condition":{"StringEquals":{"aws:PrincipalOrgID":"111122223333"}}}]}`,
      options: {
        useDefaults: false,
        requirements: [
          {
            name: 'organization-only',
            kinds: ['resource'],
            principals: { type: 'AWS', values: ['*'] },
            conditionKeys: ['aws:PrincipalOrgID'],
            valuePattern: '^o-[a-z0-9]{10,32}$',
          },
        ],
      },
      errors: [
        {
          messageId: 'missingCondition',
          data: {
            name: 'organization-only',
            risk: 'matches a requirement',
            value: '"*"',
            keys: 'aws:PrincipalOrgID',
            example: '{"StringEquals": {"aws:PrincipalOrgID": "<expected value>"}}',
          },
          line: 1,
          column: 45,
          endLine: 1,
          endColumn: 48,
        },
        {
          messageId: 'conditionTooBroad',
          data: {
            name: 'organization-only',
            value: '"111122223333"',
            key: 'aws:PrincipalOrgID',
            problem: 'it does not match ^o-[a-z0-9]{10,32}$',
            example: '{"StringEquals": {"aws:PrincipalOrgID": "<expected value>"}}',
          },
          line: 4,
          column: 51,
          endLine: 4,
          endColumn: 65,
        },
      ],
    },
    // A requirement with neither actions nor principals applies to every Allow.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"s3:GetObject",
"Resource":"arn:aws:s3:::reports/*"}]}`,
      options: {
        useDefaults: false,
        requirements: [
          {
            name: 'vpc-only',
            kinds: ['managed'],
            conditionKeys: ['aws:SourceVpc', 'aws:SourceVpce'],
            example: '{"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}',
          },
        ],
      },
      errors: [
        {
          messageId: 'missingCondition',
          data: {
            name: 'vpc-only',
            risk: 'matches a requirement',
            value: '"Allow"',
            keys: 'aws:SourceVpc or aws:SourceVpce',
            example: '{"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}',
          },
          line: 1,
          column: 25,
          endLine: 1,
          endColumn: 32,
        },
      ],
    },
  ],
});
