CREATE TYPE "public"."vocabulary_kind" AS ENUM('channel', 'device');--> statement-breakpoint
CREATE TABLE "vocabulary_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" "vocabulary_kind" NOT NULL,
	"term" text NOT NULL,
	"synonyms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "map_touchpoints" ADD COLUMN "department_id" uuid;--> statement-breakpoint
ALTER TABLE "map_touchpoints" ADD COLUMN "owner_id" text;--> statement-breakpoint
ALTER TABLE "touchpoint_opportunities" ADD COLUMN "department_id" uuid;--> statement-breakpoint
ALTER TABLE "vocabulary_terms" ADD CONSTRAINT "vocabulary_terms_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "vocabulary_terms_ws_kind_term_idx" ON "vocabulary_terms" USING btree ("workspace_id","kind","term");--> statement-breakpoint
CREATE INDEX "vocabulary_terms_ws_idx" ON "vocabulary_terms" USING btree ("workspace_id");