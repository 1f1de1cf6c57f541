"use client";
// The comments panel of a document: Open / Resolved / Mentions me; threads with their replies,
// anchor ("on Welcome e-mail", "on a removed touchpoint"), reply, edit and delete your own (admins
// any), resolve and reopen. With an anchor selected it shows that anchor's threads and starts new
// ones there. Sits beside the document, never over the commented cell's column header.
import { useEffect, useId, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { createCommentAction, deleteCommentAction, updateCommentAction } from "@/lib/actions/discuss/comments";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { CommentView, ThreadView } from "@/lib/comments/list-comments";
import { splitMentions } from "@/lib/comments/mentions";
import { CommentComposer } from "./comment-composer";
import type { AnchorRef } from "./discussion-context";
import type { Discussion, DocKind } from "./use-discussion";

type Tab = "open" | "resolved" | "mentions";

type Props = {
  docKind: DocKind;
  docId: string;
  workspace: string;
  meId: string;
  isAdmin: boolean;
  discussion: Discussion;
  anchor: AnchorRef | null;
  focusThreadId?: string | null;
  onClearAnchor: () => void;
  onClose: () => void;
  /** Jump to the anchor in the document (e.g. focus the touchpoint). */
  onShowAnchor?: (anchor: AnchorRef) => void;
  /** `fixed` on pages that scroll (persona sheet, stakeholder map); the map editor positions it inside itself. */
  floating?: boolean;
};

export function useErrorText() {
  const t = useTranslations("discuss");
  return (result: ActionResult<unknown>): string | null => {
    if (result.ok) return null;
    const key = result.error.fields?.body ?? result.error.fields?.anchor ?? result.error.fields?._;
    if (key && t.has(`errors.${key}`)) return t(`errors.${key}` as "errors.generic", { names: result.error.fields?.names ?? "" });
    return result.error.message || t("errors.generic");
  };
}

export function CommentsPanel(props: Props) {
  const t = useTranslations("discuss");
  const headingId = useId();
  const errorText = useErrorText();
  const { discussion, anchor } = props;
  const [tab, setTab] = useState<Tab>("open");
  const list = useRef<HTMLDivElement>(null);

  const all = discussion.threads ?? [];
  const onAnchor = anchor?.id ? all.filter((th) => th.anchor.kind === anchor.kind && th.anchor.id === anchor.id) : null;
  const shown = (onAnchor ?? all).filter((th) =>
    onAnchor ? true : tab === "open" ? !th.resolvedAt : tab === "resolved" ? Boolean(th.resolvedAt) : th.mentionsMe,
  );

  // A deep link names a thread: show it (even if resolved) and scroll to it.
  useEffect(() => {
    if (!props.focusThreadId || !discussion.threads) return;
    const th = discussion.threads.find((x) => x.id === props.focusThreadId);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads or applies external state (server data, the URL, a dialog opening) once the component is there
    if (th?.resolvedAt && !anchor?.id) setTab("resolved");
    requestAnimationFrame(() => {
      // Scrolled to and outlined, not focused: the keyboard stays on the cell the link opened.
      list.current?.querySelector<HTMLElement>(`[data-thread-id="${props.focusThreadId}"]`)?.scrollIntoView({ block: "nearest" });
    });
  }, [props.focusThreadId, discussion.threads, anchor]);

  const start = async (body: string) => {
    const a = anchor?.id
      ? anchor.kind === "touchpoint" ? { touchpointId: anchor.id } : anchor.kind === "stage" ? { stageId: anchor.id } : anchor.kind === "section" ? { section: anchor.id } : { stakeholderId: anchor.id }
      : undefined;
    const result = await createCommentAction({ docKind: props.docKind, docId: props.docId, body, anchor: a });
    if (result.ok) await discussion.reload();
    return errorText(result);
  };

  return (
    <aside
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          props.onClose();
        }
      }}
      className={`${props.floating ? "fixed" : "absolute"} inset-y-0 right-0 z-40 flex w-full max-w-sm flex-col border-l border-slate-200 bg-white shadow-2xl`}
      data-testid="comments-panel"
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">{t("comments")}</h2>
        <button type="button" onClick={props.onClose} aria-label={t("close")} className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100" data-testid="comments-close">
          <span aria-hidden>✕</span>
        </button>
      </div>
      {anchor?.id ? (
        <div className="flex items-center gap-2 border-b border-slate-200 bg-amber-50 px-4 py-2 text-sm">
          <span className="min-w-0 flex-1 truncate font-medium text-amber-900" data-testid="comments-anchor">
            {t(anchorKey(anchor.kind), { label: anchor.label })}
          </span>
          <button type="button" onClick={props.onClearAnchor} className="shrink-0 text-xs text-amber-900 underline" data-testid="comments-show-all">{t("clearAnchor")}</button>
        </div>
      ) : (
        <div role="tablist" aria-label={t("comments")} className="flex gap-1 border-b border-slate-200 px-3 pt-2">
          {(["open", "resolved", "mentions"] as Tab[]).map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              onClick={() => setTab(k)}
              className={`rounded-t-md px-3 py-1.5 text-sm font-medium ${tab === k ? "border-b-2 border-brand-600 text-brand-700" : "text-slate-600 hover:text-slate-900"}`}
              data-testid={`comments-tab-${k}`}
            >
              {t(`tabs.${k}`)}
            </button>
          ))}
        </div>
      )}
      <div ref={list} className="flex-1 space-y-3 overflow-y-auto px-4 py-3" aria-live="polite" data-testid="comment-threads">
        {discussion.error ? <p role="alert" className="text-sm text-red-700">{discussion.error}</p> : null}
        {discussion.threads === null ? (
          <div className="space-y-2" aria-busy="true">
            <div className="h-16 animate-pulse rounded-md bg-slate-100" />
            <div className="h-16 animate-pulse rounded-md bg-slate-100" />
          </div>
        ) : shown.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 p-4 text-center text-sm text-slate-600" data-testid="comments-empty">
            {t(`empty.${onAnchor ? "open" : tab}`)}
          </p>
        ) : (
          shown.map((th) => <Thread key={th.id} {...props} thread={th} focused={th.id === props.focusThreadId} />)
        )}
      </div>
      <div className="border-t border-slate-200 px-4 py-3">
        {discussion.mayComment ? (
          <CommentComposer workspace={props.workspace} placeholder={t("placeholder")} submitLabel={t("send")} onSubmit={start} testId="comment-input" />
        ) : discussion.threads ? (
          <p className="text-sm text-slate-600">{t("viewerMayNotComment")}</p>
        ) : null}
      </div>
    </aside>
  );
}

function anchorKey(kind: string) {
  return kind === "touchpoint" ? "anchorTouchpoint" : kind === "stage" ? "anchorStage" : kind === "section" ? "anchorSection" : kind === "stakeholder" ? "anchorStakeholder" : "anchorDocument";
}

function Thread({ thread, focused, ...props }: Props & { thread: ThreadView; focused: boolean }) {
  const t = useTranslations("discuss");
  const errorText = useErrorText();
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { discussion } = props;
  const where = thread.anchor.kind === "document"
    ? t("onDocument")
    : thread.anchor.removed
      ? t(thread.anchor.kind === "stakeholder" ? "onRemovedStakeholder" : thread.anchor.kind === "stage" ? "onRemovedStage" : "onRemoved", { label: thread.anchor.label })
      : t("on", { label: thread.anchor.label });

  const setResolved = async (resolved: boolean) => {
    const result = await updateCommentAction({ commentId: thread.id, resolved });
    setError(errorText(result));
    if (result.ok) await discussion.reload();
  };
  const reply = async (body: string) => {
    const result = await createCommentAction({ docKind: props.docKind, docId: props.docId, body, parentId: thread.id });
    if (result.ok) {
      setReplying(false);
      await discussion.reload();
    }
    return errorText(result);
  };

  return (
    <article
      tabIndex={-1}
      data-thread-id={thread.id}
      data-testid="comment-thread"
      data-resolved={thread.resolvedAt ? "true" : "false"}
      className={`rounded-lg border p-3 transition-colors duration-700 ${focused ? "border-brand-400 ring-2 ring-brand-200" : "border-slate-200"} ${discussion.fresh.has(thread.id) ? "bg-amber-50" : "bg-white"}`}
    >
      <div className="mb-1 flex items-center gap-2 text-xs text-slate-500">
        {thread.anchor.kind !== "document" && !thread.anchor.removed && props.onShowAnchor ? (
          <button type="button" className="truncate text-left hover:underline" onClick={() => props.onShowAnchor!({ kind: thread.anchor.kind, id: thread.anchor.id, label: thread.anchor.label })}>
            {where}
          </button>
        ) : (
          <span className={`truncate ${thread.anchor.removed ? "italic" : ""}`} data-testid="thread-anchor">{where}</span>
        )}
        {thread.resolvedAt ? <span className="ml-auto shrink-0 rounded bg-green-100 px-1.5 py-0.5 font-medium text-green-800">✓ {t("resolvedBy")}</span> : null}
      </div>
      <CommentItem comment={thread} {...props} isRoot />
      {thread.replies.length ? (
        <ul className="mt-2 space-y-2 border-l-2 border-slate-100 pl-3">
          {thread.replies.map((r) => (
            <li key={r.id} className={`rounded transition-colors duration-700 ${discussion.fresh.has(r.id) ? "bg-amber-50" : ""}`} data-testid="comment-reply">
              <CommentItem comment={r} {...props} />
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <p role="alert" className="mt-1 text-sm text-red-600">{error}</p> : null}
      <div className="mt-2 flex flex-wrap gap-2 text-xs">
        {discussion.mayComment && !replying ? (
          <button type="button" onClick={() => setReplying(true)} className="font-medium text-brand-700 hover:underline" data-testid="reply-button">{t("reply")}</button>
        ) : null}
        {discussion.mayComment ? (
          <button type="button" onClick={() => void setResolved(!thread.resolvedAt)} className="font-medium text-slate-700 hover:underline" data-testid={thread.resolvedAt ? "reopen-button" : "resolve-button"}>
            {thread.resolvedAt ? t("reopen") : t("resolve")}
          </button>
        ) : null}
      </div>
      {replying ? (
        <div className="mt-2">
          <CommentComposer workspace={props.workspace} placeholder={t("replyPlaceholder")} submitLabel={t("reply")} autoFocus onSubmit={reply} onCancel={() => setReplying(false)} testId="reply-input" />
        </div>
      ) : null}
    </article>
  );
}

function CommentItem({ comment, ...props }: Props & { comment: CommentView; isRoot?: boolean }) {
  const t = useTranslations("discuss");
  const format = useFormatter();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = comment.authorId === props.meId;
  const save = async (body: string) => {
    const result = await updateCommentAction({ commentId: comment.id, body });
    if (result.ok) {
      setEditing(false);
      await props.discussion.reload();
    }
    return errorText(result);
  };
  const remove = async () => {
    if (!window.confirm(t("confirmDelete"))) return;
    const result = await deleteCommentAction({ commentId: comment.id });
    setError(errorText(result));
    if (result.ok) await props.discussion.reload();
  };
  return (
    <div data-testid="comment" data-comment-id={comment.id}>
      <div className="flex items-baseline gap-2">
        <span className="text-sm font-semibold text-slate-900">{comment.authorName ?? comment.authorEmail ?? t("someone")}</span>
        <time className="text-xs text-slate-500" dateTime={comment.createdAt}>{format.relativeTime(new Date(comment.createdAt))}</time>
        {comment.editedAt ? <span className="text-xs text-slate-400">({t("edited")})</span> : null}
      </div>
      {editing ? (
        <div className="mt-1">
          <CommentComposer workspace={props.workspace} placeholder={t("placeholder")} submitLabel={t("save")} initial={comment.body} autoFocus onSubmit={save} onCancel={() => setEditing(false)} testId="edit-input" />
        </div>
      ) : (
        <p className="mt-0.5 whitespace-pre-wrap break-words text-sm text-slate-800" data-testid="comment-body">
          {splitMentions(comment.body).map((part, i) =>
            part.kind === "text" ? (
              <span key={i}>{part.text}</span>
            ) : part.kind === "department" ? (
              <span key={i} className="rounded-full bg-violet-100 px-1.5 py-0.5 text-xs font-semibold text-violet-900">@{part.name}</span>
            ) : (
              <span key={i} className="font-medium text-brand-700">@{part.email}</span>
            ),
          )}
        </p>
      )}
      {error ? <p role="alert" className="text-sm text-red-600">{error}</p> : null}
      {!editing && (mine || props.isAdmin) ? (
        <div className="mt-0.5 flex gap-2 text-xs">
          {mine ? <button type="button" onClick={() => setEditing(true)} className="text-slate-600 hover:underline" data-testid="edit-comment">{t("edit")}</button> : null}
          <button type="button" onClick={() => void remove()} className="text-red-700 hover:underline" data-testid="delete-comment">{t("delete")}</button>
        </div>
      ) : null}
    </div>
  );
}
