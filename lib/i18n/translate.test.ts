import { describe, expect, it } from "vitest";
import { formatDuration, formatNumber } from "./format";
import { resolveLocale } from "./locales";
import { en } from "./messages/en";
import { zh } from "./messages/zh";
import { createT } from "./translate";

describe("i18n", () => {
  it("fills placeholders, formats numbers for the locale and picks plural forms", () => {
    const t = createT("en");
    expect(t("batch.summary", { count: 1, parts: "1 running" })).toBe("1 job: 1 running");
    expect(t("batch.summary", { count: 3, parts: "2 running, 1 queued" })).toBe("3 jobs: 2 running, 1 queued");
    expect(t("bulk.selected", { count: 12345 })).toBe("12,345 selected");
    expect(createT("zh")("tasks.title")).toBe("任务中心");
  });

  it("has the same placeholders in Chinese as in English", () => {
    const names = (m: unknown) => [...new Set(JSON.stringify(m).match(/\{\w+\}/g) ?? [])].sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(names(zh[key]), key).toEqual(names(en[key]));
  });

  it("takes the cookie's language, else the browser's first supported one", () => {
    expect(resolveLocale("zh", "en-US")).toBe("zh");
    expect(resolveLocale(undefined, "fr-FR,zh-CN;q=0.8,en;q=0.5")).toBe("zh");
    expect(resolveLocale("xx", null)).toBe("en");
  });

  it("formats durations and numbers with Intl in the locale", () => {
    expect(formatDuration(185_000, "en")).toBe("3m 5s");
    expect(formatDuration(185_000, "zh")).toBe("3分钟5秒");
    expect(formatDuration(400, "en")).toBe("0s");
    expect(formatDuration(7_260_000, "en")).toBe("2h 1m");
    expect(formatNumber(0.125, "en", { style: "percent", maximumFractionDigits: 1 })).toBe("12.5%");
  });
});
