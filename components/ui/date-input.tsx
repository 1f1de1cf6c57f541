"use client";
// A calendar date typed and shown in the order of the page's language (22.11.2026 / 11/22/2026),
// with the browser's calendar one button away. The value in and out is "YYYY-MM-DD" or "".
import { useId, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatLocalDate, parseLocalDate } from "@/lib/i18n/local-date";

type Props = {
  id?: string;
  value: string;
  onChange: (iso: string) => void;
  min?: string;
  max?: string;
  readOnly?: boolean;
  disabled?: boolean;
  className?: string;
  "data-testid"?: string;
};

export function DateInput({ id, value, onChange, min, max, readOnly, disabled, className = "", ...rest }: Props) {
  const locale = useLocale();
  const t = useTranslations("common");
  const generated = useId();
  const inputId = id ?? generated;
  const picker = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(() => formatLocalDate(value, locale));
  const [invalid, setInvalid] = useState(false);
  const [shown, setShown] = useState({ value, locale });

  // A change from elsewhere (a colleague, the calendar, a reset) replaces what is shown.
  if (shown.value !== value || shown.locale !== locale) {
    setShown({ value, locale });
    setDraft(formatLocalDate(value, locale));
    setInvalid(false);
  }

  const commit = () => {
    if (draft.trim() === "") {
      setInvalid(false);
      if (value !== "") onChange("");
      return;
    }
    const iso = parseLocalDate(draft, locale);
    const outOfRange = iso !== null && ((min && iso < min) || (max && iso > max));
    if (iso === null || outOfRange) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setDraft(formatLocalDate(iso, locale));
    if (iso !== value) onChange(iso);
  };

  return (
    <span className="relative inline-flex items-center">
      <input
        id={inputId}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={draft}
        placeholder={t("dateFormat")}
        readOnly={readOnly}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${inputId}-error` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
        }}
        className={`${className} pr-9`}
        {...rest}
      />
      {!readOnly && !disabled ? (
        <>
          <button
            type="button"
            className="absolute right-1 inline-flex h-7 w-7 items-center justify-center rounded text-slate-600 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
            aria-label={t("chooseDate")}
            onClick={() => picker.current?.showPicker?.()}
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6">
              <rect x="3" y="4.5" width="14" height="12" rx="1.5" />
              <path d="M3 8.5h14M7 2.5v4M13 2.5v4" />
            </svg>
          </button>
          {/* The browser's calendar, opened by the button; never focused or read on its own. */}
          <input
            ref={picker}
            type="date"
            tabIndex={-1}
            aria-hidden="true"
            className="pointer-events-none absolute bottom-0 right-0 h-0 w-0 opacity-0"
            value={value}
            min={min}
            max={max}
            onChange={(e) => e.target.value && onChange(e.target.value)}
          />
        </>
      ) : null}
      {invalid ? (
        <span id={`${inputId}-error`} role="alert" className="absolute left-0 top-full mt-0.5 whitespace-nowrap text-xs text-red-700">
          {t("invalidDate", { format: t("dateFormat") })}
        </span>
      ) : null}
    </span>
  );
}
