import type { Metadata } from "next";

export const metadata: Metadata = { title: "Signed out" };

export default function SignedOutPage() {
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">You are signed out</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Your Clusterdesk session has ended on this device.</p>
      <a href="/sign-in" className="mt-6 inline-flex rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600">
        Sign in again
      </a>
    </>
  );
}
