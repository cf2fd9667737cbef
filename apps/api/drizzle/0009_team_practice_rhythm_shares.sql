ALTER TABLE "barometer_settings" ADD COLUMN "auto_open" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "barometer_settings" ADD COLUMN "round_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "team_visits" ADD COLUMN "shared_read_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "team_visits" ADD COLUMN "rescheduled_reason" text;--> statement-breakpoint
ALTER TABLE "team_visits" ADD COLUMN "rescheduled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "team_programmes" ADD COLUMN "stopped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "team_programmes" ADD COLUMN "stopped_reason" text;--> statement-breakpoint
ALTER TABLE "team_programmes" ADD COLUMN "stopped_by" uuid;--> statement-breakpoint
ALTER TABLE "team_programmes" ADD CONSTRAINT "team_programmes_stopped_by_people_id_fk" FOREIGN KEY ("stopped_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;