import rule from '../../rules/no-public-principal.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests(rule, {
  valid: [
    '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:GetObject",' +
      '"Resource":"arn:aws:s3:::b/*"}]}',
    // Pinned to the organization.
    `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
"Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}}]}`,
    // Condition key names are case-insensitive.
    `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sqs:SendMessage",
"Resource":"*","Condition":{"ArnLike":{"AWS:SOURCEARN":"arn:aws:sns:*:111122223333:t"}}}]}`,
    // AWS's default EBS key policy pattern.
    `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt","Resource":"*",
"Condition":{"StringEquals":{"kms:CallerAccount":"111122223333",
"kms:ViaService":"ec2.us-east-1.amazonaws.com"}}}]}`,
    // Denying everyone is a guard rail.
    `{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*",
"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`,
    // A public IP range is a pin.
    `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*",
"Condition":{"IpAddress":{"aws:SourceIp":["203.0.113.0/24"]}}}]}`,
  ],
  invalid: [
    {
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": "*",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::public-site/*"
    }
  ]
}`,
      errors: [
        {
          messageId: 'publicPrincipal',
          data: { principal: '"*"' },
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 23,
        },
      ],
    },
    // "*" inside an AWS list is still everyone.
    {
      code: `{"Statement":[{"Effect":"Allow",
"Principal":{"AWS":["arn:aws:iam::111122223333:root","*"]},
"Action":"sqs:SendMessage","Resource":"*"}]}`,
      errors: [
        {
          messageId: 'publicPrincipal',
          data: { principal: '{"AWS": "*"}' },
          line: 2,
          column: 54,
          endLine: 2,
          endColumn: 57,
        },
      ],
    },
    // An empty Condition and an empty operator block pin nothing.
    {
      code: `{"Statement":[
{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{}},
{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*",
"Condition":{"StringEquals":{}}}]}`,
      errors: [
        {
          messageId: 'publicPrincipal',
          data: { principal: '"*"' },
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 34,
        },
        {
          messageId: 'publicPrincipal',
          data: { principal: '"*"' },
          line: 3,
          column: 31,
          endLine: 3,
          endColumn: 34,
        },
      ],
    },
    // Values that are only wildcards, every address, IfExists and negations pin nothing.
    {
      code: `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject",
"Resource":"*","Condition":{
"StringLike":{"aws:PrincipalOrgID":"*"},
"IpAddress":{"aws:SourceIp":"0.0.0.0/0"},
"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1a2b3c4d"},
"StringNotEquals":{"aws:PrincipalAccount":"111122223333"}}}]}`,
      errors: [
        {
          messageId: 'publicPrincipal',
          data: { principal: '{"AWS": "*"}' },
          line: 1,
          column: 52,
          endLine: 1,
          endColumn: 55,
        },
      ],
    },
    // A key that does not pin the caller.
    {
      code: `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
"Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}`,
      errors: [
        {
          messageId: 'publicPrincipal',
          data: { principal: '"*"' },
          line: 1,
          column: 45,
          endLine: 1,
          endColumn: 48,
        },
      ],
    },
    // Allow with NotPrincipal opens the statement to everyone else.
    {
      code: `{"Statement":[{"Effect":"Allow",
"NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},
"Action":"s3:GetObject","Resource":"*"}]}`,
      errors: [
        {
          messageId: 'allowNotPrincipal',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 15,
        },
      ],
    },
    // The option replaces the list of pinning keys.
    {
      code: `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
"Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}`,
      options: { pinningKeys: ['aws:PrincipalOrgID'] },
      errors: [
        {
          messageId: 'publicPrincipal',
          data: { principal: '"*"' },
          line: 1,
          column: 45,
          endLine: 1,
          endColumn: 48,
        },
      ],
    },
  ],
});
