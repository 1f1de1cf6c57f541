"use client";
// Asks once before something destructive: focus stays inside, Esc cancels, Cancel has the focus.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/modal-dialog";

type Props = {
  open: boolean;
  title: string;
  description: string;
  confirmLabel: string;
  pending?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
};

export function ConfirmDialog({ open, title, description, confirmLabel, pending, error, onConfirm, onCancel }: Props) {
  const tc = useTranslations("common");
  return (
    <ModalDialog open={open} onClose={onCancel} labelledBy="confirm-title" widthClass="w-[min(28rem,calc(100vw-2rem))]" data-testid="confirm-dialog">
      <div className="p-5">
        <h2 id="confirm-title" className="text-base font-semibold text-slate-900">{title}</h2>
        <p className="mt-2 text-sm text-slate-600">{description}</p>
        {error ? <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p> : null}
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel} disabled={pending} autoFocus>{tc("cancel")}</Button>
          <Button variant="danger" onClick={onConfirm} disabled={pending} data-testid="confirm-button">{confirmLabel}</Button>
        </div>
      </div>
    </ModalDialog>
  );
}
