"use client";
// A secret shown once (invitation link, access token) with a copy button.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

export function CopyField({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const t = useTranslations("members");
  const [copied, setCopied] = useState(false);
  return (
    <div>
      <label className="mb-1 block text-sm font-medium text-slate-700">
        {label}
        <div className="mt-1 flex gap-2">
          <input readOnly value={value} data-testid={testId} className={`${inputClass} font-mono text-xs`} onFocus={(e) => e.currentTarget.select()} />
          <Button
            variant="secondary"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(value);
                setCopied(true);
              } catch {
                // Clipboard refused (insecure origin): the field is selected for manual copying.
                setCopied(false);
              }
            }}
          >
            {copied ? t("copied") : t("copy")}
          </Button>
        </div>
      </label>
      <span aria-live="polite" className="sr-only">{copied ? t("copied") : ""}</span>
    </div>
  );
}
