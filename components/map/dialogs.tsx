"use client";
// Modal dialogs of the editor on the native <dialog> element (focus trap, Esc, backdrop for free):
// a confirmation before destroying, a one-field prompt, and the keyboard shortcuts.
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";

function useModal(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}

const panelClass = "w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-5 shadow-2xl backdrop:bg-slate-900/40";

export function ConfirmDialog({ open, title, message, confirmLabel, onConfirm, onCancel }: { open: boolean; title: string; message: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void }) {
  const t = useTranslations("common");
  const ref = useModal(open);
  return (
    <dialog ref={ref} onCancel={(e) => { e.preventDefault(); onCancel(); }} className={panelClass} aria-labelledby="confirm-title" data-testid="confirm-dialog">
      <h2 id="confirm-title" className="text-base font-semibold text-slate-900">{title}</h2>
      <p className="mt-2 text-sm text-slate-700">{message}</p>
      <div className="mt-5 flex justify-end gap-2">
        <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50" autoFocus>
          {t("cancel")}
        </button>
        <button type="button" onClick={onConfirm} className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700" data-testid="confirm-button">
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

export function PromptDialog({ open, title, label, initial, confirmLabel, onSubmit, onCancel }: { open: boolean; title: string; label: string; initial: string; confirmLabel: string; onSubmit: (value: string) => void; onCancel: () => void }) {
  const t = useTranslations("common");
  const te = useTranslations("editor");
  const ref = useModal(open);
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
    <dialog ref={ref} onCancel={(e) => { e.preventDefault(); onCancel(); }} className={panelClass} aria-labelledby="prompt-title">
      <form
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
    </dialog>
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
  const ref = useModal(open);
  return (
    <dialog ref={ref} onCancel={(e) => { e.preventDefault(); onClose(); }} onClose={onClose} className={panelClass} aria-labelledby="shortcuts-title" data-testid="shortcuts-dialog">
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
    </dialog>
  );
}
