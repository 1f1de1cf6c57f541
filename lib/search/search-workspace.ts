// Search everything in one workspace: maps, touchpoints (every lane), personas, stakeholders and
// comments, ranked by ts_rank (titles and names weigh more than body text), each result with the
// in-app path of the exact cell. The caller has checked membership: every member reads every
// document of the workspace, so "can read" = the document is in this workspace and not deleted.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import type { SearchDocKind } from "@/db/schema";
import { documentPath } from "@/lib/comments/comment-document";
import { headline, parseSnippet, searchTsQuery, SEARCH_QUERY_MAX, type SnippetPart } from "./search-query";

export const SEARCH_KINDS = ["map", "touchpoint", "persona", "stakeholder", "comment"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Query parameters of the search (API and page). */
export const ZSearchParams = z.object({
  q: z.string().trim().min(1, "q is required").max(SEARCH_QUERY_MAX, `q: at most ${SEARCH_QUERY_MAX} characters`),
  kind: z.enum(SEARCH_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchParams = z.input<typeof ZSearchParams>;

export type SearchResult = {
  kind: SearchKind;
  docKind: SearchDocKind;
  docId: string;
  /** Touchpoint, stakeholder or stage (`stage:{id}`) id; "" for the document; the thread id for comments. */
  itemId: string;
  /** The matched cell: `title`, a lane (`activity`, `painPoints`, `lane:{id}`…), a persona section, `comment`. */
  field: string;
  title: string;
  /** Where it lives ("Map › Stage", the persona's segment, the document of a comment). */
  context: string;
  snippet: SnippetPart[];
  rank: number;
  /** In-app path that opens the exact place. */
  path: string;
};

type Row = Record<string, unknown>;
const rowsOf = (res: unknown): Row[] => (Array.isArray(res) ? res : ((res as { rows?: Row[] }).rows ?? [])) as Row[];

function kindOf(docKind: SearchDocKind, itemId: string): SearchKind {
  if (docKind === "persona") return "persona";
  if (docKind === "stakeholders") return "stakeholder";
  return itemId && !itemId.startsWith("stage:") ? "touchpoint" : "map";
}

/** The in-app path of a search row. */
export function resultPath(slug: string, docKind: SearchDocKind, docId: string, itemId: string, field: string): string {
  const q = new URLSearchParams();
  if (docKind === "map") {
    if (itemId.startsWith("stage:")) q.set("stage", itemId.slice("stage:".length));
    else if (itemId) {
      q.set("tp", itemId);
      q.set("lane", field);
    }
    return `/w/${slug}/maps/${docId}${q.size ? `?${q}` : ""}`;
  }
  if (docKind === "persona") {
    // ?focus= scrolls to the section (components/search/reveal-target.tsx); ?section= would open its comments.
    if (field !== "name" && field !== "profile") q.set("focus", field);
    return `/w/${slug}/personas/${docId}${q.size ? `?${q}` : ""}`;
  }
  if (itemId) q.set("focus", itemId);
  return `/w/${slug}/stakeholders/${docId}${q.size ? `?${q}` : ""}`;
}

/** Documents of the workspace that are not deleted (a row of search_entries or comments as `t`). */
const liveDocument = (alias: string) =>
  sql.raw(`(
    (${alias}.doc_kind = 'map' and exists (select 1 from journey_maps m where m.id = ${alias}.doc_id and m.workspace_id = ${alias}.workspace_id and m.deleted_at is null))
    or (${alias}.doc_kind = 'persona' and exists (select 1 from personas p where p.id = ${alias}.doc_id and p.workspace_id = ${alias}.workspace_id and p.deleted_at is null))
    or (${alias}.doc_kind = 'stakeholders' and exists (select 1 from stakeholder_maps s where s.id = ${alias}.doc_id and s.workspace_id = ${alias}.workspace_id and s.deleted_at is null))
  )`);

export type SearchWorkspaceOptions = { workspaceId: string; slug: string } & SearchParams;

/** Ranked results, best first; one result per touchpoint / persona / stakeholder (its best cell). */
export async function searchWorkspace(db: DbOrTx, options: SearchWorkspaceOptions): Promise<SearchResult[]> {
  const { q, kind, limit } = ZSearchParams.parse(options);
  const { workspaceId, slug } = options;
  const query = searchTsQuery(q);
  const results: SearchResult[] = [];

  if (kind !== "comment") {
    const kindFilter =
      kind === "map" ? sql`and e.doc_kind = 'map' and (e.item_id = '' or e.item_id like 'stage:%')`
      : kind === "touchpoint" ? sql`and e.doc_kind = 'map' and e.item_id <> '' and e.item_id not like 'stage:%'`
      : kind === "persona" ? sql`and e.doc_kind = 'persona'`
      : kind === "stakeholder" ? sql`and e.doc_kind = 'stakeholders'`
      : sql``;
    const res = await db.execute(sql`
      with hits as (
        select distinct on (e.doc_id, e.item_id)
          e.doc_kind, e.doc_id, e.item_id, e.field, e.label, e.context, e.body,
          ts_rank(e.tsv, q.query) as rank, q.query as query
        from search_entries e, (select ${query} as query) q
        where e.workspace_id = ${workspaceId} and e.tsv @@ q.query ${kindFilter} and ${liveDocument("e")}
        order by e.doc_id, e.item_id, ts_rank(e.tsv, q.query) desc, e.weight
      )
      select doc_kind, doc_id, item_id, field, label, context, rank, ${headline(sql`body`, sql`query`)} as snippet
      from hits order by rank desc, label limit ${limit}`);
    for (const r of rowsOf(res)) {
      const docKind = r.doc_kind as SearchDocKind;
      const docId = String(r.doc_id);
      const itemId = String(r.item_id);
      const field = String(r.field);
      results.push({
        kind: kindOf(docKind, itemId), docKind, docId, itemId, field,
        title: String(r.label), context: String(r.context), snippet: parseSnippet(String(r.snippet ?? "")),
        rank: Number(r.rank), path: resultPath(slug, docKind, docId, itemId, field),
      });
    }
  }

  if (!kind || kind === "comment") {
    const vector = sql`(to_tsvector('german'::regconfig, c.body) || to_tsvector('english'::regconfig, c.body))`;
    const res = await db.execute(sql`
      select c.id, c.doc_kind, c.doc_id, c.parent_id, c.anchor_kind, c.anchor_id, c.anchor_label,
        coalesce(m.title, p.name, s.title, '') as doc_title,
        ts_rank(setweight(${vector}, 'B'), q.query) as rank, ${headline(sql`c.body`, sql`q.query`)} as snippet
      from comments c
        cross join (select ${query} as query) q
        left join journey_maps m on c.doc_kind = 'map' and m.id = c.doc_id
        left join personas p on c.doc_kind = 'persona' and p.id = c.doc_id
        left join stakeholder_maps s on c.doc_kind = 'stakeholders' and s.id = c.doc_id
      where c.workspace_id = ${workspaceId} and ${vector} @@ q.query and ${liveDocument("c")}
      order by rank desc, c.created_at desc limit ${limit}`);
    for (const r of rowsOf(res)) {
      const docKind = r.doc_kind as SearchDocKind;
      const docId = String(r.doc_id);
      const threadId = String(r.parent_id ?? r.id);
      const anchorKind = r.anchor_kind as "document" | "touchpoint" | "stage" | "section" | "stakeholder";
      const anchorId = (r.anchor_id as string | null) ?? null;
      const label = String(r.anchor_label ?? "");
      results.push({
        kind: "comment", docKind, docId, itemId: threadId, field: "comment",
        title: String(r.doc_title), context: label && label !== r.doc_title ? label : "",
        snippet: parseSnippet(String(r.snippet ?? "")), rank: Number(r.rank),
        path: documentPath({ kind: docKind, id: docId, slug }, { kind: anchorKind, id: anchorId }, threadId),
      });
    }
  }

  return results.sort((a, b) => b.rank - a.rank).slice(0, limit);
}
