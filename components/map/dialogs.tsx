"use client";
// Modal dialogs of the editor: a one-field prompt and the keyboard shortcuts (the confirmation
// before destroying is the shared components/ui/confirm-dialog).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { ModalDialog } from "@/components/ui/modal-dialog";

export function PromptDialog({ open, title, label, initial, confirmLabel, onSubmit, onCancel }: { open: boolean; title: string; label: string; initial: string; confirmLabel: string; onSubmit: (value: string) => void; onCancel: () => void }) {
  const t = useTranslations("common");
  const te = useTranslations("editor");
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  // Opening (or a new initial value while open) starts from `initial` again; adjusted during render.
  const [shown, setShown] = useState({ open, initial });
  if (shown.open !== open || shown.initial !== initial) {
    setShown({ open, initial });
    if (open) {
      setValue(initial);
      setError(null);
    }
  }
  return (
    <ModalDialog open={open} onClose={onCancel} labelledBy="prompt-title" widthClass="w-[min(28rem,calc(100vw-2rem))]">
      <form
        className="p-5"
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!value.trim()) {
            setError(te("nameRequired"));
            return;
          }
          onSubmit(value.trim());
        }}
      >
        <h2 id="prompt-title" className="text-base font-semibold text-slate-900">{title}</h2>
        <label className="mt-3 block text-sm font-medium text-slate-700" htmlFor="prompt-input">{label}</label>
        <input
          id="prompt-input"
          autoFocus
          value={value}
          maxLength={200}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "prompt-error" : undefined}
          onChange={(e) => setValue(e.target.value)}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
          data-testid="prompt-input"
        />
        {error ? <p id="prompt-error" role="alert" className="mt-1 text-sm text-red-600">{error}</p> : null}
        <div className="mt-5 flex justify-end gap-2">
          <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">{t("cancel")}</button>
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700" data-testid="prompt-submit">{confirmLabel}</button>
        </div>
      </form>
    </ModalDialog>
  );
}

const SHORTCUTS = [
  ["N", "shortcutNew"],
  ["← → ↑ ↓", "shortcutMove"],
  ["Enter", "shortcutEdit"],
  ["Esc", "shortcutLeave"],
  ["Shift+Enter", "shortcutDetails"],
  ["Alt+← / Alt+→", "shortcutReorder"],
  ["Alt+Shift+← / →", "shortcutStage"],
  ["↑ ↓ · 0–3 · − · Del", "shortcutEmotion"],
  ["Shift+↑ / Shift+↓", "shortcutEmotionMove"],
  ["Del", "shortcutDelete"],
  ["Ctrl/⌘+Z", "shortcutUndo"],
  ["Shift+Ctrl/⌘+Z", "shortcutRedo"],
  ["?", "shortcutHelp"],
] as const;

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("editor");
  const tc = useTranslations("common");
  return (
    <ModalDialog open={open} onClose={onClose} labelledBy="shortcuts-title" widthClass="w-[min(28rem,calc(100vw-2rem))]" data-testid="shortcuts-dialog">
      <div className="p-5">
        <h2 id="shortcuts-title" className="text-base font-semibold text-slate-900">{t("shortcutsTitle")}</h2>
        <table className="mt-3 w-full text-sm">
          <tbody>
            {SHORTCUTS.map(([keys, label]) => (
              <tr key={label} className="border-b border-slate-100 last:border-0">
                <td className="py-1.5 pr-3 align-top"><kbd className="whitespace-nowrap rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">{keys}</kbd></td>
                <td className="py-1.5 text-slate-700">{t(label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="mt-4 flex justify-end">
          <button type="button" onClick={onClose} autoFocus className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">{tc("close")}</button>
        </div>
      </div>
    </ModalDialog>
  );
}
