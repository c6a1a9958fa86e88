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
    // IAM reads only the last "AWS" of a repeated key: here a role, not everyone.
    `{"Statement":[{"Effect":"Allow",
"Principal":{"AWS":"*","AWS":"arn:aws:iam::111122223333:role/ok"},
"Action":"sqs:SendMessage","Resource":"*"}]}`,
    // The policy SNS writes for every new topic pins "*" to the owner with AWS:SourceOwner.
    `{"Version":"2008-10-17","Id":"__default_policy_ID","Statement":[{
"Sid":"__default_statement_ID","Effect":"Allow","Principal":{"AWS":"*"},
"Action":["SNS:GetTopicAttributes","SNS:Subscribe","SNS:Publish"],
"Resource":"arn:aws:sns:us-east-1:111122223333:alerts",
"Condition":{"StringEquals":{"AWS:SourceOwner":"111122223333"}}}]}`,
    // Bucket names are global, so an S3 ARN with wildcard region and account names one
    // bucket, as in AWS's S3 event notification examples.
    `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"SNS:Publish",
"Resource":"arn:aws:sns:us-east-2:111122223333:s3-events",
"Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:*:*:awsexamplebucket1"}}}]}`,
    // A wildcard after the unique id of aws:userid only covers that role's sessions.
    `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*",
"Condition":{"StringLike":{"aws:userid":"AROAEXAMPLEID:*"}}}]}`,
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
    // IAM reads only the last "AWS" of a repeated key, so the earlier role does not narrow it.
    {
      code: `{"Statement":[{"Effect":"Allow",
"Principal":{"AWS":"arn:aws:iam::111122223333:role/ok","AWS":"*"},
"Action":"sqs:SendMessage","Resource":"*"}]}`,
      errors: [
        {
          messageId: 'publicPrincipal',
          data: { principal: '{"AWS": "*"}' },
          line: 2,
          column: 62,
          endLine: 2,
          endColumn: 65,
        },
      ],
    },
    // A repeated condition key counts with its last value only: "*" replaces the org id.
    {
      code: `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
"Resource":"*","Condition":{"StringEquals":
{"aws:PrincipalOrgID":"o-abcdefghij","aws:PrincipalOrgID":"*"}}}]}`,
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
    // AWS says never to use wildcards with id keys: a fixed prefix such as "vpce-" or "o-a"
    // still matches ids of other owners.
    {
      code: `{"Statement":[
{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*",
"Condition":{"StringLike":{"aws:SourceVpce":"vpce-*"}}},
{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*",
"Condition":{"StringLike":{"AWS:SOURCEVPC":"vpc-*"}}},
{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*",
"Condition":{"StringLike":{"aws:PrincipalOrgID":"o-a*"}}},
{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*",
"Condition":{"StringLike":{"aws:PrincipalAccount":"111?22223333"}}}]}`,
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
          line: 4,
          column: 31,
          endLine: 4,
          endColumn: 34,
        },
        {
          messageId: 'publicPrincipal',
          data: { principal: '"*"' },
          line: 6,
          column: 31,
          endLine: 6,
          endColumn: 34,
        },
        {
          messageId: 'publicPrincipal',
          data: { principal: '"*"' },
          line: 8,
          column: 31,
          endLine: 8,
          endColumn: 34,
        },
      ],
    },
    // A wildcard inside the unique id of aws:userid matches every role whose id starts so.
    {
      code: `{"Statement":[
{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*",
"Condition":{"StringLike":{"aws:userid":"AROA*"}}},
{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*",
"Condition":{"StringLike":{"aws:userid":"AROA*:ci-session"}}}]}`,
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
          line: 4,
          column: 31,
          endLine: 4,
          endColumn: 34,
        },
      ],
    },
    // Access points belong to an account: any account's access points are not a pin.
    {
      code: `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
"Resource":"*","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:*:*:accesspoint/*"}}}]}`,
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
