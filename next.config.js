/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The production artefact (Dockerfile, scripts/build-artefact.ts) runs .next/standalone/server.js:
  // Next.js copies the server code it needs there, without the build tools.
  output: "standalone",
  reactStrictMode: true,
  // The Kubernetes and Azure SDKs and pg are Node libraries: load them at run time
  // instead of bundling them into the server build.
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 status.
    authInterrupts: true,
  },
  serverExternalPackages: [
    "@kubernetes/client-node",
    "@azure/msal-node",
    "@azure/identity",
    "@azure/arm-containerservice",
    "@azure/arm-authorization",
    "pg",
    "pg-boss",
    "@prisma/adapter-pg",
    // Telemetry (lib/server/telemetry): one prom-client and one OpenTelemetry SDK per process, shared
    // by instrumentation.ts and the routes, and instrumentations that patch Node's own modules.
    "prom-client",
    "@opentelemetry/sdk-trace-node",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/instrumentation-http",
    "@opentelemetry/instrumentation-undici",
    "@opentelemetry/instrumentation-pg",
    "@opentelemetry/resources",
  ],
};

export default nextConfig;
