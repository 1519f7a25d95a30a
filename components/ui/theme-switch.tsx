"use client";

import { useSyncExternalStore } from "react";
import { useT } from "@/lib/i18n/client";
import { HeaderSelect } from "./header-select";
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
    <HeaderSelect
      label={t("shell.theme")}
      icon="◐"
      value={choice}
      onChange={(v) => choose(v as ThemeChoice)}
      options={[
        { value: "system", label: t("shell.themeSystem") },
        { value: "light", label: t("shell.themeLight") },
        { value: "dark", label: t("shell.themeDark") },
      ]}
    />
  );
}
