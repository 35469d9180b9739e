import { isOpenToInternet } from "./analyze";
import { parseAuthorizedIpRange } from "./parse";
import { formatRange, rangeSize } from "./range";

/**
 * Why a range is too wide to be added to an API server's allow-list, or null when it is narrow
 * enough. `0.0.0.0/0` is always refused: it opens the API server to the internet, exactly what
 * authorized ranges exist to prevent. Anything shorter than `minimumPrefixLength` is refused too:
 * such a range lets in networks far beyond the ones that need the API server. Text that does not
 * parse is left to the parser's own message.
 */
export function rangeTooWide(input: string, minimumPrefixLength: number): string | null {
  const parsed = parseAuthorizedIpRange(input);
  if (!parsed.ok) return null;
  const text = formatRange(parsed.range);
  if (isOpenToInternet(parsed.range)) {
    return `${text} allows every IPv4 address: it would open the API server to the whole internet, which is what authorized IP ranges exist to prevent.`;
  }
  if (parsed.range.prefixLength < minimumPrefixLength) {
    const size = rangeSize(parsed.range).toLocaleString("en-US");
    const allowed = (2 ** (32 - minimumPrefixLength)).toLocaleString("en-US");
    return `${text} allows ${size} addresses; Clusterdesk accepts ranges of /${minimumPrefixLength} or narrower (at most ${allowed} addresses). Ask for the networks that need the API server.`;
  }
  return null;
}
