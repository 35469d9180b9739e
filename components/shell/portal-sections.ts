export const portalSections = [
  { href: "/clusters", label: "Clusters" },
  { href: "/requests", label: "Requests" },
  { href: "/tenants", label: "Tenants" },
  { href: "/access", label: "Access" },
  { href: "/audit", label: "Audit" },
] as const;
