"use client";

import { useId } from "react";
import { inputClass } from "./field";

interface HeaderSelectProps {
  /** The accessible name (the select has no visible label, only the icon). */
  label: string;
  icon: string;
  value: string;
  options: { value: string; label: string; lang?: string }[];
  onChange(value: string): void;
  disabled?: boolean;
}

/** A compact select in the app header (theme, language). */
export function HeaderSelect({ label, icon, value, options, onChange, disabled }: HeaderSelectProps) {
  const id = useId();
  return (
    <div className="flex items-center gap-1.5 text-sm">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <span aria-hidden="true" className="text-slate-500 dark:text-slate-400">
        {icon}
      </span>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled} className={`${inputClass} py-1`}>
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
