// A search snippet with its matches marked (<mark>), from the parts the search returns.
import type { SnippetPart } from "@/lib/search/search-query";

export function Snippet({ parts, className = "" }: { parts: SnippetPart[]; className?: string }) {
  return (
    <span className={className}>
      {parts.map((p, i) =>
        p.match ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-slate-900 forced-colors:bg-[Mark] forced-colors:text-[MarkText]">{p.text}</mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}
