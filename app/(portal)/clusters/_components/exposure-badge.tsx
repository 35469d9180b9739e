import { type ApiServerExposure, exposureLabels } from "@/lib/clusters/exposure";

const tones: Record<ApiServerExposure, string> = {
  private: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  "authorized-ranges": "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  open: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
};

export function ExposureBadge({ exposure }: { exposure: ApiServerExposure }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${tones[exposure]}`}>{exposureLabels[exposure]}</span>;
}
