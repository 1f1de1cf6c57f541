"use client";
// A comment text box with @ autocomplete of members and departments (department chips look
// different from people). Inserts `@email` or `@[Department]`, the form the server parses.
import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { listMentionCandidatesAction } from "@/lib/actions/discuss/mention-candidates";
import { COMMENT_MAX_CHARS } from "@/lib/validations/comments";

type Member = { userId: string; name: string | null; email: string; department: string | null };
type Department = { id: string; name: string; color: string };
type Candidates = { members: Member[]; departments: Department[] };
type Option = { kind: "member"; member: Member } | { kind: "department"; department: Department };

const cache = new Map<string, Promise<Candidates | null>>();
function loadCandidates(workspace: string): Promise<Candidates | null> {
  let p = cache.get(workspace);
  if (!p) {
    p = listMentionCandidatesAction({ workspace }).then((r) => (r.ok ? r.data : null));
    cache.set(workspace, p);
    p.then((v) => v === null && cache.delete(workspace));
  }
  return p;
}

/** The mention being typed right before the caret: `@ad` or `@[Cust`, with where it starts. */
function activeQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const bracket = /(^|[\s(])@\[([^\]\n]{0,60})$/.exec(before);
  if (bracket) return { start: before.length - bracket[2].length - 2, query: bracket[2] };
  const plain = /(^|[\s(])@([^\s@\[\]]{0,60})$/.exec(before);
  if (plain) return { start: before.length - plain[2].length - 1, query: plain[2] };
  return null;
}

export function CommentComposer({
  workspace, placeholder, submitLabel, initial = "", autoFocus, onSubmit, onCancel, testId = "comment-input",
}: {
  workspace: string;
  placeholder: string;
  submitLabel: string;
  initial?: string;
  autoFocus?: boolean;
  /** Resolves to an error message to show, or null when stored. */
  onSubmit: (body: string) => Promise<string | null>;
  onCancel?: () => void;
  testId?: string;
}) {
  const t = useTranslations("discuss");
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [candidates, setCandidates] = useState<Candidates | null>(null);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [highlight, setHighlight] = useState(0);

  useEffect(() => {
    let live = true;
    void loadCandidates(workspace).then((c) => live && setCandidates(c));
    return () => {
      live = false;
    };
  }, [workspace]);

  const q = query?.query.toLowerCase() ?? "";
  const options: Option[] = query && candidates
    ? [
        ...candidates.departments.filter((d) => d.name.toLowerCase().includes(q)).slice(0, 5).map((department) => ({ kind: "department" as const, department })),
        ...candidates.members
          .filter((m) => (m.name ?? "").toLowerCase().includes(q) || m.email.toLowerCase().includes(q))
          .slice(0, 6)
          .map((member) => ({ kind: "member" as const, member })),
      ]
    : [];

  const updateQuery = (text: string, caret: number) => {
    setQuery(activeQuery(text, caret));
    setHighlight(0);
  };

  const choose = (option: Option) => {
    if (!query) return;
    const el = area.current;
    const caret = el?.selectionStart ?? body.length;
    const token = option.kind === "member" ? `@${option.member.email}` : `@[${option.department.name}]`;
    const next = `${body.slice(0, query.start)}${token} ${body.slice(caret)}`;
    setBody(next);
    setQuery(null);
    const pos = query.start + token.length + 1;
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(pos, pos);
    });
  };

  const submit = async () => {
    const submitted = body;
    const value = submitted.trim();
    if (!value) return setError(t("errors.comment_empty"));
    if (value.length > COMMENT_MAX_CHARS) return setError(t("errors.comment_too_long"));
    setPending(true);
    const failure = await onSubmit(value);
    setPending(false);
    if (failure) setError(failure);
    else {
      // Only what was sent is cleared: text typed while it was being saved (the comment shows up
      // live before the save returns) is the next comment, not something to throw away.
      setBody((current) => (current === submitted ? "" : current));
      setError(null);
    }
  };

  const listId = `${id}-mentions`;
  const open = options.length > 0;
  return (
    <div className="relative">
      <label htmlFor={`${id}-body`} className="sr-only">{placeholder}</label>
      <textarea
        id={`${id}-body`}
        ref={area}
        value={body}
        rows={2}
        autoFocus={autoFocus}
        placeholder={placeholder}
        maxLength={COMMENT_MAX_CHARS + 100}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        onChange={(e) => {
          setBody(e.target.value);
          setError(null);
          updateQuery(e.target.value, e.target.selectionStart);
        }}
        onClick={(e) => updateQuery(body, e.currentTarget.selectionStart)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (open) {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              return setHighlight((h) => (h + 1) % options.length);
            }
            if (e.key === "ArrowUp") {
              e.preventDefault();
              return setHighlight((h) => (h - 1 + options.length) % options.length);
            }
            if (e.key === "Enter" || e.key === "Tab") {
              e.preventDefault();
              return choose(options[highlight]);
            }
            if (e.key === "Escape") {
              e.preventDefault();
              return setQuery(null);
            }
          }
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
          if (e.key === "Escape" && onCancel) onCancel();
        }}
        className="block w-full resize-y rounded-md border border-slate-300 px-2.5 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
        data-testid={testId}
      />
      {open ? (
        <ul id={listId} role="listbox" className="absolute left-0 right-0 z-50 mt-1 max-h-60 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg" data-testid="mention-options">
          {options.map((o, i) => (
            <li
              key={o.kind === "member" ? o.member.userId : o.department.id}
              role="option"
              aria-selected={i === highlight}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o);
              }}
              className={`flex cursor-pointer items-center gap-2 px-2.5 py-1.5 ${i === highlight ? "bg-brand-50" : ""}`}
              data-testid={o.kind === "member" ? "mention-option-member" : "mention-option-department"}
            >
              {o.kind === "department" ? (
                <>
                  <span className="rounded-full px-2 py-0.5 text-xs font-semibold text-white" style={{ background: o.department.color }}>{o.department.name}</span>
                  <span className="text-xs text-slate-500">{t("departmentChip")}</span>
                </>
              ) : (
                <>
                  <span aria-hidden className="flex h-5 w-5 items-center justify-center rounded-full bg-slate-200 text-[10px] font-bold text-slate-700">
                    {(o.member.name ?? o.member.email).slice(0, 1).toUpperCase()}
                  </span>
                  <span className="font-medium text-slate-900">{o.member.name ?? o.member.email}</span>
                  <span className="truncate text-xs text-slate-500">{o.member.email}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-600" data-testid="comment-error">{error}</p> : null}
      <div className="mt-1.5 flex items-center justify-end gap-2">
        {body.length > COMMENT_MAX_CHARS - 500 ? <span className="mr-auto text-xs text-slate-500">{t("charsLeft", { count: COMMENT_MAX_CHARS - body.length })}</span> : null}
        {onCancel ? (
          <button type="button" onClick={onCancel} className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100">{t("cancel")}</button>
        ) : null}
        <button type="button" onClick={() => void submit()} disabled={pending || !body.trim()} className="rounded-md bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50" data-testid={`${testId}-submit`}>
          {submitLabel}
        </button>
      </div>
    </div>
  );
}
