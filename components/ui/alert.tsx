import type { ComponentProps, ReactNode } from "react";

type AlertTone = "error" | "success" | "info";

const tones: Record<AlertTone, string> = {
  error: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
  success: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100",
  info: "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100",
};

/** A message box. Pass `role="alert"` or `role="status"` where it appears in response to an action. */
export function Alert({ tone, title, children, className = "", ...props }: { tone: AlertTone; title?: string; children: ReactNode } & Omit<ComponentProps<"div">, "title">) {
  return (
    <div className={`rounded-md border px-4 py-3 text-sm focus-visible:outline-2 focus-visible:outline-sky-500 ${tones[tone]} ${className}`} {...props}>
      {title ? <p className="font-semibold">{title}</p> : null}
      <div className={title ? "mt-1" : undefined}>{children}</div>
    </div>
  );
}
