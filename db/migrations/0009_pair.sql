CREATE TABLE "map_pairs" (
	"current_map_id" uuid PRIMARY KEY NOT NULL,
	"future_map_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "map_pairs_future_map_id_unique" UNIQUE("future_map_id")
);
--> statement-breakpoint
ALTER TABLE "map_touchpoints" ADD COLUMN "future_status" text;--> statement-breakpoint
ALTER TABLE "map_pairs" ADD CONSTRAINT "map_pairs_current_map_id_journey_maps_id_fk" FOREIGN KEY ("current_map_id") REFERENCES "public"."journey_maps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "map_pairs" ADD CONSTRAINT "map_pairs_future_map_id_journey_maps_id_fk" FOREIGN KEY ("future_map_id") REFERENCES "public"."journey_maps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "map_pairs" ADD CONSTRAINT "map_pairs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "map_pairs_ws_idx" ON "map_pairs" USING btree ("workspace_id");