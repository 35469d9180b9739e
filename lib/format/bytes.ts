const binaryUnits = ["KiB", "MiB", "GiB", "TiB"] as const;

/** A file size for people: bytes below 1 KiB, else binary units to one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString("en")} ${bytes === 1 ? "byte" : "bytes"}`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < binaryUnits.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${binaryUnits[unit]}`;
}
