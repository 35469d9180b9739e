/**
 * AKS accepts at most 200 authorized IP ranges on a cluster's public API server
 * ("You can specify up to 200 authorized IP ranges", learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges).
 * API Server VNet Integration raises the limit, but Clusterdesk enforces the general one.
 */
export const MAX_AUTHORIZED_IP_RANGES = 200;

/**
 * A range this wide (a /8 is 16,777,216 addresses) no longer says "these networks may reach the API
 * server"; the seed's point of an allow-list is that only known machines can even try to authenticate.
 */
export const BROAD_RANGE_MAX_PREFIX_LENGTH = 8;
