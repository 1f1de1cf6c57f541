CREATE TABLE "search_entries" (
	"workspace_id" uuid NOT NULL,
	"doc_kind" text NOT NULL,
	"doc_id" uuid NOT NULL,
	"item_id" text DEFAULT '' NOT NULL,
	"field" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"context" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"weight" text DEFAULT 'B' NOT NULL,
	"tsv" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('german'::regconfig, "body") || to_tsvector('english'::regconfig, "body"), (case when "weight" = 'A' then 'A' else 'B' end)::"char")) STORED NOT NULL,
	CONSTRAINT "search_entries_doc_id_item_id_field_pk" PRIMARY KEY("doc_id","item_id","field")
);
--> statement-breakpoint
ALTER TABLE "search_entries" ADD CONSTRAINT "search_entries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_entries_ws_idx" ON "search_entries" USING btree ("workspace_id","doc_kind");--> statement-breakpoint
CREATE INDEX "search_entries_tsv_idx" ON "search_entries" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "comments_search_idx" ON "comments" USING gin ((to_tsvector('german'::regconfig, "body") || to_tsvector('english'::regconfig, "body")));