/**
 * Kubernetes resource quantities ("500m", "2Gi", "1.5", "1e3"), parsed the way the API server's
 * `resource.ParseQuantity` accepts them, so a quota Clusterdesk would write is refused with a clear
 * message before anything is recorded rather than by the API server half-way through an apply.
 * https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */

const binarySuffixes: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const decimalSuffixes: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

// <sign><digits>[.<digits>]<suffix>, the suffix binary SI, decimal SI or a decimal exponent (e3, E-2).
// The exponent alternative comes before the bare "E" (exa) so "1E3" reads as 1000, as Kubernetes does.
const quantityPattern = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)([eE][+-]?\d+|Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?$/;

export type ParsedQuantity = { ok: true; value: number } | { ok: false; message: string };

/** The quantity's value in base units (cores, bytes, objects). Approximate above 2^53, which no quota reaches in practice. */
export function parseQuantity(text: string): ParsedQuantity {
  const match = quantityPattern.exec(text);
  if (!match) {
    return { ok: false, message: `"${text}" is not a Kubernetes quantity: use a number with an optional suffix, e.g. 500m, 2, 4Gi or 100M.` };
  }
  const [, sign = "", digits = "", suffix = ""] = match;
  const number = Number(digits) * (sign === "-" ? -1 : 1);
  const exponent = /^[eE][+-]?\d+$/.test(suffix) ? Number(suffix.slice(1)) : null;
  const multiplier = exponent !== null ? 10 ** exponent : (binarySuffixes[suffix] ?? decimalSuffixes[suffix] ?? 1);
  const value = number * multiplier;
  if (!Number.isFinite(value)) return { ok: false, message: `"${text}" is too large to be a Kubernetes quantity.` };
  return { ok: true, value };
}
