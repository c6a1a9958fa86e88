/**
 * Judging condition values: whether a value under its operator names anything in
 * particular, or lets nearly every caller through.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */

import type { ConditionEntry, ConditionValue } from './conditions.js';

/**
 * A pattern with fewer literal characters than this before its first wildcard names
 * nothing in particular (`o-*`, `*.amazonaws.com`), while `ec2.*` still names a service.
 */
const MIN_LITERAL_PREFIX = 3;

/** Wildcards match in Like operators and in every ARN operator; elsewhere they are literal. */
function wildcardsMatch(entry: ConditionEntry): boolean {
  const base = entry.baseOperator.toLowerCase();
  return base.endsWith('like') || base.startsWith('arn');
}

/**
 * Keys AWS marks as sensitive: they hold account, organization, VPC and endpoint ids, and
 * AWS says never to use wildcards with them, since a pattern over an id also matches ids
 * that belong to someone else (`o-a*`, `vpce-*`).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * TODO: other keys that hold an account id (aws:SourceOwner, kms:CallerAccount,
 * s3:DataAccessPointAccount) still accept a wildcard after 3 literal characters.
 */
const SENSITIVE_KEYS = new Set(
  [
    'aws:PrincipalAccount',
    'aws:PrincipalOrgID',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:VpceAccount',
    'aws:VpceOrgID',
    'aws:ResourceAccount',
    'aws:ResourceOrgID',
    'aws:SourceAccount',
    'aws:SourceOrgID',
  ].map(key => key.toLowerCase()),
);

/**
 * Whether the value is a wildcard pattern over an id: any `*` or `?` in a sensitive key, or
 * in the unique-id part of aws:userid, before the first `:` (`AROA*` or `AROA*:session`
 * match other principals' ids, while `AROAEXAMPLEID:*` names one role's sessions).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
export function hasWildcardInId(entry: ConditionEntry, value: ConditionValue['value']): boolean {
  if (typeof value !== 'string' || !wildcardsMatch(entry)) return false;
  const firstWildcard = value.search(/[*?]/u);
  if (firstWildcard === -1) return false;
  if (SENSITIVE_KEYS.has(entry.key.toLowerCase())) return true;
  if (entry.key.toLowerCase() !== 'aws:userid') return false;
  const colon = value.indexOf(':');
  return colon === -1 || firstWildcard < colon;
}

/**
 * Whether a condition value lets nearly every caller through: only wildcards (or empty), a
 * pattern with almost no literal prefix or over an id, an ARN pattern for any account, or an
 * IP range of a sizeable part of the internet (IPv4 shorter than /8, IPv6 shorter than /16).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 */
export function isBroadValue(entry: ConditionEntry, value: ConditionValue['value']): boolean {
  if (typeof value !== 'string') return false;
  if (/^[*?]*$/u.test(value) || isWideAddressRange(value)) return true;
  if (!wildcardsMatch(entry)) return false;

  if (!/[*?]/u.test(value)) return false;
  if (hasShortLiteralPrefix(value) || hasWildcardInId(entry, value)) return true;
  return value.startsWith('arn:') && isAnyAccountArn(value);
}

/**
 * S3 resource types that belong to an account and carry it in their ARN, unlike buckets and
 * objects: access points, Batch Operations jobs, Storage Lens, Access Grants and Multi-Region
 * Access Point requests.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 */
const S3_ACCOUNT_RESOURCE =
  /^(accesspoint|job|storage-lens|storage-lens-group|access-grants|async-request)\//iu;

/**
 * `arn:aws:sns:*:*:topic` or `arn:aws:s3:::*`: the pattern does not pin an owner. Bucket and
 * object ARNs have no region or account, and bucket names are global, so for them the
 * resource alone decides: `arn:aws:s3:*:*:my-bucket` (AWS's own S3 event notification
 * example) names one bucket.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 */
function isAnyAccountArn(pattern: string): boolean {
  const fields = pattern.split(':');
  if (fields.length < 6) return true;
  const service = fields[2] ?? '';
  const account = fields[4] ?? '';
  const resource = fields.slice(5).join(':');
  if (matchesBucketsOnly(service, account, resource)) return hasShortLiteralPrefix(resource);
  return /[*?]/u.test(account) || (account === '' && /^[*?]/u.test(resource));
}

/**
 * An S3 pattern whose account field is empty or a wildcard and whose resource is no
 * account-owned type: it can only match buckets and objects. A literal account matches
 * no bucket, since bucket ARNs have an empty account.
 */
function matchesBucketsOnly(service: string, account: string, resource: string): boolean {
  const accountIsOpen = account === '' || /[*?]/u.test(account);
  return service.toLowerCase() === 's3' && accountIsOpen && !S3_ACCOUNT_RESOURCE.test(resource);
}

/** Starts with a wildcard, or has too short a literal prefix before its first one. */
function hasShortLiteralPrefix(pattern: string): boolean {
  const firstWildcard = pattern.search(/[*?]/u);
  return firstWildcard !== -1 && firstWildcard < MIN_LITERAL_PREFIX;
}

function isWideAddressRange(value: string): boolean {
  const cidr = /^\s*([0-9a-f.:]+)\/(\d{1,3})\s*$/iu.exec(value);
  if (!cidr) return false;
  const isIpv6 = (cidr[1] ?? '').includes(':');
  return Number(cidr[2]) < (isIpv6 ? 16 : 8);
}
