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
  ],
};

export default nextConfig;
