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
      {/* The body's look is in globals.css: a class list here is sent twice in every response. */}
      <body>
        {children}
      </body>
    </html>
  );
}
