export { MAX_AUTHORIZED_IP_RANGES, BROAD_RANGE_MAX_PREFIX_LENGTH } from "./limits";
export { parseAuthorizedIpRange, rangeForClientAddress, type RangeParseResult, type RangeParseError, type RangeParseErrorCode } from "./parse";
export { formatRange, rangeSize, rangeContainsAddress, rangeContainsRange, compareRanges, firstAddress, lastAddress, type Ipv4Range } from "./range";
export { normalizeAuthorizedIpRange, authorizedIpRangeKey, containsAddress, authorizedIpRangeSize, sortAuthorizedIpRanges } from "./normalize";
export { analyzeAuthorizedIpRanges, isBroadRange, isOpenToInternet, type RangeSetIssue } from "./analyze";
export { planAuthorizedIpRangeChange, type AuthorizedIpRangeChange, type AuthorizedIpRangePlan, type PlanError, type PlanErrorCode, type PlanOptions } from "./plan";
export { rangesDrift, hasDrift, type AuthorizedIpRangeDrift } from "./drift";
export { rangeTooWide } from "./minimum-prefix";
