ALTER TABLE "map_touchpoints" ADD COLUMN "moment_of_truth_kind" text;--> statement-breakpoint
ALTER TABLE "map_touchpoints" ADD COLUMN "priority" text;--> statement-breakpoint
ALTER TABLE "map_touchpoints" ADD COLUMN "superfluous" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "touchpoint_opportunities" ADD COLUMN "impact" smallint;--> statement-breakpoint
ALTER TABLE "touchpoint_opportunities" ADD COLUMN "effort" smallint;--> statement-breakpoint
ALTER TABLE "touchpoint_opportunities" ADD COLUMN "due_date" date;