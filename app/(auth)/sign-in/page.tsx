import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeReturnTo } from "@/lib/auth/return-to";
import { signInFailureMessage } from "@/lib/auth/sign-in-failures";
import { env } from "@/lib/env";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { isLocalMode } from "@/lib/server/deployment";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ returnTo?: string; error?: string }> }) {
  const { returnTo: requested, error } = await searchParams;
  const returnTo = safeReturnTo(requested, env().baseUrl);
  if (await getCurrentUser()) redirect(returnTo);
  const failure = signInFailureMessage(error);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to Clusterdesk</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Use your work account. Your access in Clusterdesk follows your Microsoft Entra ID groups.
      </p>
      {failure ? (
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          {failure}
        </p>
      ) : null}
      {/* A plain link: the sign-in starts with a top-level navigation to Entra ID. */}
      <a
        href={`/auth/login?returnTo=${encodeURIComponent(returnTo)}`}
        className="mt-6 flex w-full items-center justify-center rounded-md bg-sky-700 px-4 py-2.5 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
      >
        Sign in with Microsoft Entra ID
      </a>
      {isLocalMode() ? (
        <p className="mt-4 text-xs text-slate-600 dark:text-slate-400">
          Local mode: the local emulator&apos;s sign-in page lists the demo users (admin, team leads, auditor, member).
        </p>
      ) : null}
    </>
  );
}
