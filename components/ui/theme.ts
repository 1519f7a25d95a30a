/** Where the chosen theme is remembered; no entry means "follow the system". */
export const THEME_KEY = "tandem-theme";
export type ThemeChoice = "system" | "light" | "dark";

/**
 * Run in <head> before the first paint (no flash of the wrong theme): sets the `.dark` class on
 * <html> from the remembered choice, else from the system, and follows system changes.
 */
export const THEME_SCRIPT = `(() => {
  const m = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => {
    let choice = null;
    try { choice = localStorage.getItem(${JSON.stringify(THEME_KEY)}); } catch {}
    document.documentElement.classList.toggle("dark", choice === "dark" || (choice !== "light" && m.matches));
  };
  apply();
  m.addEventListener("change", apply);
  window.addEventListener("storage", apply);
  window.__tandemApplyTheme = apply;
})();`;
