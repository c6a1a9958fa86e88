import rule from '../../rules/require-external-id.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests(rule, {
  valid: [
    // The external id agreed with the other account.
    `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":"arn:aws:iam::111122223333:root"},
"Condition":{"StringEquals":{"sts:ExternalId":"Unique-Id-42"}}}]}`,
    // Operator and key names are case-insensitive.
    `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":"111122223333"},
"Condition":{"stringequals":{"STS:EXTERNALID":"Unique-Id-42"}}}]}`,
    // StringLike without wildcards compares exactly, like StringEquals.
    `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":["111122223333","444455556666"]},
"Condition":{"StringLike":{"sts:ExternalId":["Id-A","Id-B"]}}}]}`,
    // Human users of the other account who must sign in with MFA.
    `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":"111122223333"},
"Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}`,
    // The JSON boolean works as well as the string.
    `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":"111122223333"},
"Condition":{"Bool":{"aws:MultiFactorAuthPresent":true}}}]}`,
    // Deny lets nobody in.
    `{"Statement":[{"Effect":"Deny","Action":"sts:AssumeRole",
"Principal":{"AWS":"111122223333"}}]}`,
    // Roles, users, services, federated and public principals are other rules' business.
    `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":"arn:aws:iam::111122223333:role/Deployer"}}]}`,
    `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"Service":"ec2.amazonaws.com"}}]}`,
    `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":"*"}]}`,
    // Web identity and SAML do not cover sts:AssumeRole.
    `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRoleWith*",
"Principal":{"AWS":"111122223333"}}]}`,
    // NotAction that leaves sts:AssumeRole out grants only the other actions.
    {
      code: `{"Statement":[{"Effect":"Allow","NotAction":"sts:Assume*",
"Principal":{"AWS":"111122223333"}}]}`,
      kind: 'trust',
    },
    // The organization's own account.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":"arn:aws-cn:iam::111122223333:root"}}]}`,
      options: { trustedAccounts: ['111122223333'] },
    },
    // Bucket and key policies that name an account are normal.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"s3:GetObject",
"Principal":{"AWS":"111122223333"}}]}`,
      kind: 'resource',
    },
    // IAM reads only the last "AWS" of a repeated key: a role, which is left to other rules.
    `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":"111122223333","AWS":"arn:aws:iam::111122223333:role/Deployer"}}]}`,
    // Numbers that cannot be account ids are not taken for one.
    {
      code: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":[-1, 0.5, 1e400]},' +
        '"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"x1"}}}]}',
      kind: 'trust',
    },
  ],
  invalid: [
    {
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::111122223333:root" },
      "Action": "sts:AssumeRole"
    }
  ]
}`,
      errors: [
        {
          messageId: 'missingExternalId',
          data: { principal: '"arn:aws:iam::111122223333:root"', account: '111122223333' },
          line: 6,
          column: 29,
          endLine: 6,
          endColumn: 61,
        },
      ],
    },
    // A bare account id means the same as its root ARN.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":"111122223333"}}]}`,
      errors: [
        {
          messageId: 'missingExternalId',
          data: { principal: '"111122223333"', account: '111122223333' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 34,
        },
      ],
    },
    // A number gets the advisory as well; it stays a warning.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":111122223333}}]}`,
      errors: [
        {
          messageId: 'missingExternalId',
          data: { principal: '111122223333', account: '111122223333' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 32,
        },
        {
          messageId: 'accountIdAsNumber',
          data: { principal: '111122223333', account: '111122223333' },
          severity: 1,
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 32,
        },
      ],
    },
    // The advisory does not depend on the external id; a lost zero is put back.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":[11122223333,"444455556666"]},
"Condition":{"StringEquals":{"sts:ExternalId":"Unique-Id-42"}}}]}`,
      errors: [
        {
          messageId: 'accountIdAsNumber',
          data: { principal: '11122223333', account: '011122223333' },
          severity: 1,
          line: 2,
          column: 21,
          endLine: 2,
          endColumn: 32,
        },
      ],
    },
    // One finding per account; trusted accounts and role ARNs are left alone.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":["arn:aws:iam::111122223333:role/Ci","444455556666",
"arn:aws-us-gov:iam::777788889999:root","999988887777"]}}]}`,
      options: { trustedAccounts: ['444455556666'] },
      errors: [
        {
          messageId: 'missingExternalId',
          data: { principal: '"arn:aws-us-gov:iam::777788889999:root"', account: '777788889999' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 40,
        },
        {
          messageId: 'missingExternalId',
          data: { principal: '"999988887777"', account: '999988887777' },
          line: 3,
          column: 41,
          endLine: 3,
          endColumn: 55,
        },
      ],
    },
    // sts:* and Action patterns cover sts:AssumeRole.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":["sts:TagSession","STS:*"],
"Principal":{"AWS":"111122223333"}}]}`,
      errors: [
        {
          messageId: 'missingExternalId',
          data: { principal: '"111122223333"', account: '111122223333' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 34,
        },
      ],
    },
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:Assume*",
"Principal":{"AWS":"111122223333"}}]}`,
      kind: 'trust',
      errors: [
        {
          messageId: 'missingExternalId',
          data: { principal: '"111122223333"', account: '111122223333' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 34,
        },
      ],
    },
    // NotAction that does not exclude sts:AssumeRole grants it.
    {
      code: `{"Statement":[{"Effect":"Allow","NotAction":"sts:AssumeRoleWithSAML",
"Principal":{"AWS":"111122223333"}}]}`,
      kind: 'trust',
      errors: [
        {
          messageId: 'missingExternalId',
          data: { principal: '"111122223333"', account: '111122223333' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 34,
        },
      ],
    },
    // IfExists is true for a caller who sends no external id.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":"111122223333"},
"Condition":{"StringEqualsIfExists":{"sts:ExternalId":"Unique-Id-42"}}}]}`,
      errors: [
        {
          messageId: 'missingExternalId',
          data: { principal: '"111122223333"', account: '111122223333' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 34,
        },
      ],
    },
    // A negated operator lets in every other external id, and no id at all.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":"111122223333"},
"Condition":{"StringNotEquals":{"sts:ExternalId":"Unique-Id-42"}}}]}`,
      errors: [
        {
          messageId: 'missingExternalId',
          data: { principal: '"111122223333"', account: '111122223333' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 34,
        },
      ],
    },
    // StringLike with a wildcard accepts any id the caller makes up.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":"111122223333"},
"Condition":{"StringLike":{"sts:ExternalId":["Unique-Id-42","*"]}}}]}`,
      errors: [
        {
          messageId: 'missingExternalId',
          data: { principal: '"111122223333"', account: '111122223333' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 34,
        },
      ],
    },
    // An empty external id is not a secret.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":"111122223333"},
"Condition":{"StringEquals":{"sts:ExternalId":""}}}]}`,
      errors: [
        {
          messageId: 'missingExternalId',
          data: { principal: '"111122223333"', account: '111122223333' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 34,
        },
      ],
    },
    // BoolIfExists is true for long-term keys, which carry no MFA flag.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":"111122223333"},
"Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"}}}]}`,
      errors: [
        {
          messageId: 'missingExternalId',
          data: { principal: '"111122223333"', account: '111122223333' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 34,
        },
      ],
    },
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":"111122223333"},
"Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}]}`,
      errors: [
        {
          messageId: 'missingExternalId',
          data: { principal: '"111122223333"', account: '111122223333' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 34,
        },
      ],
    },
    // A repeated operator counts with its last block only, as IAM reads it: the external id
    // in the first StringEquals is dropped.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
"Principal":{"AWS":"arn:aws:iam::111122223333:root"},
"Condition":{"StringEquals":{"sts:ExternalId":"Unique-Id-42"},
"StringEquals":{"aws:PrincipalTag/team":"ops"}}}]}`,
      errors: [
        {
          messageId: 'missingExternalId',
          data: { principal: '"arn:aws:iam::111122223333:root"', account: '111122223333' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 52,
        },
      ],
    },
    // The condition must sit in the statement that grants the access.
    {
      code: `{"Statement":[{"Effect":"Deny","Action":"sts:AssumeRole",
"Principal":{"AWS":"111122223333"},
"Condition":{"StringNotEquals":{"sts:ExternalId":"Unique-Id-42"}}},
{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":"111122223333"}}]}`,
      errors: [
        {
          messageId: 'missingExternalId',
          data: { principal: '"111122223333"', account: '111122223333' },
          line: 4,
          column: 64,
          endLine: 4,
          endColumn: 78,
        },
      ],
    },
  ],
});
