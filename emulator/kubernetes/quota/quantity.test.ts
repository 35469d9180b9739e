import { describe, expect, it } from "vitest";
import { addQuantities, formatQuantity, parseQuantity } from "./quantity";

const sum = (...texts: string[]) => formatQuantity(addQuantities(texts.map((text) => parseQuantity(text) ?? { nanos: 0n, binary: false })));

describe("quantity sums", () => {
  it("add and print as Quantity.String does", () => {
    expect(sum("100m", "100m", "100m")).toBe("300m");
    expect(sum("500m", "500m")).toBe("1");
    expect(sum("1", "250m")).toBe("1250m");
    expect(sum("128Mi", "128Mi", "128Mi")).toBe("384Mi");
    expect(sum("512Mi", "512Mi")).toBe("1Gi");
    expect(sum("1.5Gi")).toBe("1536Mi");
    expect(sum("2", "3")).toBe("5");
    expect(sum("1000")).toBe("1k");
    expect(sum()).toBe("0");
    expect(parseQuantity("abc")).toBeUndefined();
  });
});
