import type { ReactNode } from "react";
import { LocalModeBanner } from "@/components/shell/local-mode-banner";
import { isLocalMode } from "@/lib/server/deployment";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      {isLocalMode() ? (
        <header>
          <LocalModeBanner />
        </header>
      ) : null}
      <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">{children}</div>
      </main>
    </>
  );
}
