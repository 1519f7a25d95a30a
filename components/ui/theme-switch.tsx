"use client";

import { useId, useSyncExternalStore } from "react";
import { useT } from "@/lib/i18n/client";
import { inputClass } from "./field";
import { THEME_KEY, type ThemeChoice } from "./theme";

const CHANGE_EVENT = "tandem-theme-change";

function readChoice(): ThemeChoice {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === "light" || value === "dark" ? value : "system";
  } catch {
    return "system";
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** Light, dark or the system's setting; remembered in this browser and applied by the head script. */
export function ThemeSwitch() {
  const t = useT();
  const id = useId();
  const choice = useSyncExternalStore(subscribe, readChoice, () => "system" as const);
  const choose = (next: ThemeChoice) => {
    try {
      if (next === "system") localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, next);
    } catch {
      // Storage refused (private mode): the choice applies to this page only.
    }
    const apply = (window as { __tandemApplyTheme?: () => void }).__tandemApplyTheme;
    if (apply) apply();
    else document.documentElement.classList.toggle("dark", next === "dark");
    window.dispatchEvent(new Event(CHANGE_EVENT));
  };
  return (
    <div className="flex items-center gap-1.5 text-sm">
      <label htmlFor={id} className="sr-only">
        {t("shell.theme")}
      </label>
      <span aria-hidden="true" className="text-slate-500 dark:text-slate-400">
        ◐
      </span>
      <select id={id} value={choice} onChange={(e) => choose(e.target.value as ThemeChoice)} className={`${inputClass} py-1`}>
        <option value="system">{t("shell.themeSystem")}</option>
        <option value="light">{t("shell.themeLight")}</option>
        <option value="dark">{t("shell.themeDark")}</option>
      </select>
    </div>
  );
}
