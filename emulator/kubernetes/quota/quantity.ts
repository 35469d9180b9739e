/**
 * resource.Quantity arithmetic for quota usage: values are summed exactly in nano-units (BigInt)
 * and printed in canonical form — binary suffixes (Ki…Ei) when an addend used one, else decimal
 * (m, k, M, G…), the largest that divides evenly, as Quantity.String() does.
 */
const decimal: Record<string, bigint> = { n: 1n, u: 1_000n, m: 1_000_000n, "": 1_000_000_000n, k: 10n ** 12n, M: 10n ** 15n, G: 10n ** 18n, T: 10n ** 21n, P: 10n ** 24n, E: 10n ** 27n };
const binary: Record<string, bigint> = { Ki: 2n ** 10n, Mi: 2n ** 20n, Gi: 2n ** 30n, Ti: 2n ** 40n, Pi: 2n ** 50n, Ei: 2n ** 60n };
const nano = 1_000_000_000n;

export type Amount = { nanos: bigint; binary: boolean };

export function parseQuantity(text: string): Amount | undefined {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/.exec(text.trim());
  if (!match) return undefined;
  const [, sign = "", whole = "0", fraction = "", suffix = ""] = match;
  const digits = BigInt(whole + fraction);
  const scale = 10n ** BigInt(fraction.length);
  let multiplier: bigint;
  if (suffix in binary) multiplier = (binary[suffix] ?? 1n) * nano;
  else if (/^[eE]/.test(suffix)) {
    const exponent = Number(suffix.slice(1));
    multiplier = exponent >= -9 ? 10n ** BigInt(exponent + 9) : 0n;
  } else multiplier = decimal[suffix] ?? nano;
  const nanos = (digits * multiplier) / scale;
  return { nanos: sign === "-" ? -nanos : nanos, binary: suffix in binary };
}

export function formatQuantity(amount: Amount): string {
  const { nanos } = amount;
  if (nanos === 0n) return "0";
  if (amount.binary && nanos % nano === 0n) {
    const bytes = nanos / nano;
    for (const suffix of ["Ei", "Pi", "Ti", "Gi", "Mi", "Ki"]) {
      const unit = binary[suffix] ?? 1n;
      if (bytes % unit === 0n) return `${bytes / unit}${suffix}`;
    }
    return String(bytes);
  }
  for (const suffix of ["E", "P", "T", "G", "M", "k", "", "m", "u", "n"]) {
    const unit = decimal[suffix] ?? 1n;
    if (nanos % unit === 0n) return `${nanos / unit}${suffix}`;
  }
  return `${nanos}n`;
}

export function addQuantities(amounts: Amount[]): Amount {
  return amounts.reduce((total, amount) => ({ nanos: total.nanos + amount.nanos, binary: total.binary || amount.binary }), { nanos: 0n, binary: false });
}
