"use client";
// A plain <textarea>/<input> bound to a Y.Text: local keystrokes become one splice on the shared
// text (so two people typing in one field both keep their words), remote changes are applied to
// the element without moving the local caret. The element is uncontrolled on purpose: React
// re-rendering a controlled value would reset the selection on every remote keystroke.
import { forwardRef, useImperativeHandle, useLayoutEffect, useRef } from "react";
import type * as Y from "yjs";
import { diffText, transformIndex, type TextDelta } from "./text-diff";

type BaseProps = {
  text: Y.Text;
  /** Transaction origin of local edits (the one the undo manager tracks). */
  origin: unknown;
  readOnly?: boolean;
};
type TextareaProps = BaseProps & { multiline: true } & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "defaultValue" | "onChange">;
type InputProps = BaseProps & { multiline?: false } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "value" | "defaultValue" | "onChange">;
export type CollabTextProps = TextareaProps | InputProps;
type Field = HTMLTextAreaElement | HTMLInputElement;

export const CollabText = forwardRef<Field, CollabTextProps>(function CollabText(props, ref) {
  const { text, origin, multiline, readOnly, ...rest } = props;
  const element = useRef<Field>(null);
  useImperativeHandle(ref, () => element.current as Field);
  // What the element showed when it was last in step with the Y.Text.
  const shadow = useRef("");
  const composing = useRef(false);
  // Remote changes that arrived during an IME composition (applied when it ends).
  const deferred = useRef<TextDelta[]>([]);

  useLayoutEffect(() => {
    const node = element.current;
    if (!node) return;
    const value = text.toString();
    node.value = value;
    shadow.current = value;
    deferred.current = [];
    const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      // Our own keystrokes are already in the element.
      if (transaction.origin === origin && transaction.local && node.value === text.toString()) {
        shadow.current = node.value;
        return;
      }
      if (composing.current) {
        deferred.current.push(event.delta as TextDelta);
        return;
      }
      const next = text.toString();
      if (node.value === next) {
        shadow.current = next;
        return;
      }
      const focused = node.ownerDocument.activeElement === node;
      const start = node.selectionStart ?? 0;
      const end = node.selectionEnd ?? 0;
      const direction = node.selectionDirection ?? undefined;
      node.value = next;
      shadow.current = next;
      if (focused) {
        const delta = event.delta as TextDelta;
        node.setSelectionRange(transformIndex(start, delta), transformIndex(end, delta), direction);
      }
    };
    text.observe(observer);
    return () => text.unobserve(observer);
  }, [text, origin]);

  const commit = () => {
    const node = element.current;
    if (!node || readOnly) return;
    const caret = node.selectionEnd ?? undefined;
    const change = diffText(shadow.current, node.value, caret);
    const pending = deferred.current;
    deferred.current = [];
    if (!change) {
      if (pending.length) syncFromText(node);
      return;
    }
    // Positions are relative to the shadow; remote changes deferred during a composition moved them.
    let from = change.index;
    let to = change.index + change.remove;
    for (const delta of pending) {
      from = transformIndex(from, delta);
      to = Math.max(from, transformIndex(to, delta));
    }
    const doc = text.doc;
    const apply = () => {
      if (to > from) text.delete(from, to - from);
      if (change.insert) text.insert(from, change.insert);
    };
    if (doc) doc.transact(apply, origin);
    else apply();
    if (pending.length) {
      syncFromText(node);
      const caretAt = from + change.insert.length;
      if (node.ownerDocument.activeElement === node) node.setSelectionRange(caretAt, caretAt);
    } else {
      shadow.current = node.value;
    }
  };

  const syncFromText = (node: Field) => {
    node.value = text.toString();
    shadow.current = node.value;
  };

  const shared = {
    ref: element as React.Ref<never>,
    readOnly,
    "aria-readonly": readOnly || undefined,
    onInput: () => {
      if (!composing.current) commit();
    },
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: () => {
      composing.current = false;
      commit();
    },
  };

  if (multiline) {
    const { ...areaProps } = rest as Omit<TextareaProps, keyof BaseProps | "multiline">;
    return <textarea {...areaProps} {...shared} />;
  }
  const { ...inputProps } = rest as Omit<InputProps, keyof BaseProps | "multiline">;
  return <input type="text" {...inputProps} {...shared} />;
});
