CREATE TABLE "map_journey_kpis" (
	"map_id" uuid NOT NULL,
	"kpi_id" text NOT NULL,
	"workspace_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"metric" text DEFAULT 'custom' NOT NULL,
	"target" double precision,
	"actual" double precision,
	"unit" text DEFAULT '' NOT NULL,
	"higher_is_better" boolean DEFAULT true NOT NULL,
	CONSTRAINT "map_journey_kpis_map_id_kpi_id_pk" PRIMARY KEY("map_id","kpi_id")
);
--> statement-breakpoint
CREATE TABLE "touchpoint_persona_emotions" (
	"map_id" uuid NOT NULL,
	"touchpoint_id" text NOT NULL,
	"persona_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"emotion" smallint NOT NULL,
	CONSTRAINT "touchpoint_persona_emotions_map_id_touchpoint_id_persona_id_pk" PRIMARY KEY("map_id","touchpoint_id","persona_id")
);
--> statement-breakpoint
ALTER TABLE "touchpoint_metrics" ADD COLUMN "scope" text DEFAULT 'touchpoint' NOT NULL;--> statement-breakpoint
ALTER TABLE "touchpoint_metrics" ADD COLUMN "kpi_id" text;--> statement-breakpoint
ALTER TABLE "map_journey_kpis" ADD CONSTRAINT "map_journey_kpis_map_id_journey_maps_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."journey_maps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoint_persona_emotions" ADD CONSTRAINT "touchpoint_persona_emotions_map_id_journey_maps_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."journey_maps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "map_journey_kpis_ws_idx" ON "map_journey_kpis" USING btree ("workspace_id","metric");--> statement-breakpoint
CREATE INDEX "tp_persona_emotions_ws_idx" ON "touchpoint_persona_emotions" USING btree ("workspace_id","persona_id");--> statement-breakpoint
CREATE INDEX "touchpoint_metrics_ws_scope_idx" ON "touchpoint_metrics" USING btree ("workspace_id","scope","at");