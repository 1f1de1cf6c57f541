"use client";
// The one modal dialog: the native <dialog> opened with showModal() gives the focus trap, Esc, an
// inert page behind it and focus returning to the opener. As a centred box or a side panel.
import { useEffect, useEffectEvent, useRef } from "react";

const LAYOUT = {
  centered: "m-auto rounded-xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40",
  side: "fixed inset-y-0 right-0 left-auto m-0 h-full max-h-none overflow-y-auto border-l border-slate-200 bg-white p-0 shadow-2xl backdrop:bg-slate-900/30",
} as const;
const DEFAULT_WIDTH = { centered: "w-[min(34rem,calc(100vw-2rem))]", side: "w-[min(32rem,100vw)]" } as const;

type Props = {
  /** Shown while true; dialogs that are mounted only while open leave it out. */
  open?: boolean;
  onClose: () => void;
  /** Called each time the dialog opens (to load or reset what it shows). */
  onOpen?: () => void;
  /** Id of the dialog's heading. */
  labelledBy: string;
  layout?: keyof typeof LAYOUT;
  /** A Tailwind width class (literal, so Tailwind sees it). */
  widthClass?: string;
  "data-testid"?: string;
  children: React.ReactNode;
};

export function ModalDialog({ open = true, onClose, onOpen, labelledBy, layout = "centered", widthClass, children, ...rest }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const opened = useEffectEvent(() => onOpen?.());
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      opened();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onCancel={(e) => {
        // Esc: the owner decides (it may unmount the dialog), the browser does not close it on its own.
        e.preventDefault();
        onClose();
      }}
      // Ctrl/⌘ shortcuts typed in the dialog (undo in a text field) must not reach the page behind it.
      onKeyDown={(e) => {
        if (e.ctrlKey || e.metaKey) e.stopPropagation();
      }}
      aria-labelledby={labelledBy}
      className={`${LAYOUT[layout]} ${widthClass ?? DEFAULT_WIDTH[layout]}`}
      {...rest}
    >
      {children}
    </dialog>
  );
}
