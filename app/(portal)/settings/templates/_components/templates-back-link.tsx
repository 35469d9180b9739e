import Link from "next/link";

export function TemplatesBackLink() {
  return (
    <p className="mb-2 text-sm">
      <Link href="/settings/templates" className="text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300">
        ← All templates
      </Link>
    </p>
  );
}
