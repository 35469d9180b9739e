"use client";

import { useState } from "react";
import { type Theme, themeCookie, themes } from "@/lib/theme";

const labels: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** Stores the choice in a cookie so the server renders the right theme on the next request. */
export function ThemeSwitcher({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState(initial);
  function choose(next: Theme) {
    setTheme(next);
    document.documentElement.classList.remove(...themes);
    document.documentElement.classList.add(next);
    document.cookie = `${themeCookie}=${next}; path=/; max-age=31536000; samesite=lax`;
  }
  return (
    <label className="flex items-center gap-2 text-sm text-slate-200">
      <span>Theme</span>
      <select
        value={theme}
        onChange={(event) => choose(event.target.value as Theme)}
        className="rounded-md border border-slate-600 bg-slate-800 px-2 py-1 text-sm text-white focus-visible:outline-2 focus-visible:outline-sky-500"
      >
        {themes.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
