import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { parseTheme, themeCookie } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Clusterdesk", template: "%s · Clusterdesk" },
  description: "Self-service portal for Azure Kubernetes Service",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(themeCookie)?.value);
  return (
    <html lang="en" className={theme}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {children}
      </body>
    </html>
  );
}
