"use client";

import { useState } from "react";
import { type Theme, themeCookie, themes } from "@/lib/theme";
import nav from "./nav.module.css";

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
    <label className={nav.theme}>
      <span>Theme</span>
      <select
        value={theme}
        onChange={(event) => choose(event.target.value as Theme)}
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
