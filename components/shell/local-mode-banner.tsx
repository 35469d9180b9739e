import shell from "./shell.module.css";

export function LocalModeBanner() {
  return (
    <div role="note" className={shell.banner}>
      <strong>Local mode</strong> — demo organisation, no real Azure resources are touched.
    </div>
  );
}
