import { describe, expect, it } from "vitest";
import { ConfigurationError, parseSettings } from "./settings";

function problemsOf(environment: Record<string, string>): readonly string[] {
  try {
    parseSettings(environment);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe("telemetry settings", () => {
  it("are off unless asked for", () => {
    expect(parseSettings({}).telemetry).toEqual({ metricsPort: null, tracesEndpoint: null, serviceName: null });
  });

  it("take a metrics port and the standard OTLP variables", () => {
    const settings = parseSettings({ CLUSTERDESK_METRICS_PORT: "9464", OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/", OTEL_SERVICE_NAME: "clusterdesk-eu" });
    expect(settings.telemetry).toEqual({ metricsPort: 9464, tracesEndpoint: "http://collector:4318/v1/traces", serviceName: "clusterdesk-eu" });
    // The signal-specific endpoint is used as given, as the OTLP exporter specification says.
    const specific = parseSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://traces.example/otlp" });
    expect(specific.telemetry.tracesEndpoint).toBe("https://traces.example/otlp");
  });

  it("name a bad port or endpoint", () => {
    expect(problemsOf({ CLUSTERDESK_METRICS_PORT: "metrics" })).toEqual([expect.stringMatching(/^CLUSTERDESK_METRICS_PORT /)]);
    expect(problemsOf({ CLUSTERDESK_METRICS_PORT: "70000" })).toEqual([expect.stringMatching(/^CLUSTERDESK_METRICS_PORT /)]);
    expect(problemsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toEqual(["OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s):// URL"]);
  });
});
