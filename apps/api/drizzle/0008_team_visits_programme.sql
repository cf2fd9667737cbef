CREATE TABLE "team_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"fields" jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"observer_id" uuid NOT NULL,
	"observed_id" uuid NOT NULL,
	"kind" text DEFAULT 'lesson' NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 30 NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"learning_question" text DEFAULT '' NOT NULL,
	"form_id" uuid,
	"form_title" text DEFAULT '' NOT NULL,
	"form_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"team_goal_id" uuid,
	"development_goal_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"observed_at" timestamp with time zone,
	"feedback_observation" text DEFAULT '' NOT NULL,
	"feedback_effect" text DEFAULT '' NOT NULL,
	"feedback_reaction" text DEFAULT '' NOT NULL,
	"feedback_suggestions" text DEFAULT '' NOT NULL,
	"feedback_at" timestamp with time zone,
	"feedback_by" uuid,
	"shared_at" timestamp with time zone,
	"cancelled_reason" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_library_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text DEFAULT 'procedure' NOT NULL,
	"team_goal_id" uuid,
	"preparation_id" uuid,
	"current_version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_library_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"file_name" text,
	"media_type" text,
	"size" integer,
	"sha256" text,
	"bytes" "bytea",
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_library_versions_number" UNIQUE("item_id","number")
);
--> statement-breakpoint
CREATE TABLE "team_preparation_members" (
	"board_id" uuid NOT NULL,
	"preparation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "team_preparation_members_preparation_id_person_id_pk" PRIMARY KEY("preparation_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "team_preparations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text DEFAULT 'lesson' NOT NULL,
	"planned_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 45 NOT NULL,
	"form_id" uuid,
	"form_title" text DEFAULT '' NOT NULL,
	"form_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"team_goal_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"done_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_programme_weeks" (
	"board_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"week" integer NOT NULL,
	"session_held_on" date,
	"note" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_programme_weeks_programme_id_week_pk" PRIMARY KEY("programme_id","week")
);
--> statement-breakpoint
CREATE TABLE "team_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"next_team_id" uuid,
	"status" text DEFAULT 'running' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_progress_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"intervention" text NOT NULL,
	"phase" text NOT NULL,
	"scored_on" date NOT NULL,
	"scores" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "year_plan_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"school_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"location" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"team_id" uuid,
	"other_team_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "year_plan_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "year_plan_registrations_once" UNIQUE("event_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "development_evidence" ADD COLUMN "visit_id" uuid;--> statement-breakpoint
ALTER TABLE "team_forms" ADD CONSTRAINT "team_forms_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_forms" ADD CONSTRAINT "team_forms_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_forms" ADD CONSTRAINT "team_forms_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_visits" ADD CONSTRAINT "team_visits_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_visits" ADD CONSTRAINT "team_visits_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_visits" ADD CONSTRAINT "team_visits_observer_id_people_id_fk" FOREIGN KEY ("observer_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_visits" ADD CONSTRAINT "team_visits_observed_id_people_id_fk" FOREIGN KEY ("observed_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_visits" ADD CONSTRAINT "team_visits_form_id_team_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."team_forms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_visits" ADD CONSTRAINT "team_visits_team_goal_id_team_goals_id_fk" FOREIGN KEY ("team_goal_id") REFERENCES "public"."team_goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_visits" ADD CONSTRAINT "team_visits_development_goal_id_development_goals_id_fk" FOREIGN KEY ("development_goal_id") REFERENCES "public"."development_goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_visits" ADD CONSTRAINT "team_visits_feedback_by_people_id_fk" FOREIGN KEY ("feedback_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_visits" ADD CONSTRAINT "team_visits_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_library_items" ADD CONSTRAINT "team_library_items_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_library_items" ADD CONSTRAINT "team_library_items_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_library_items" ADD CONSTRAINT "team_library_items_team_goal_id_team_goals_id_fk" FOREIGN KEY ("team_goal_id") REFERENCES "public"."team_goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_library_items" ADD CONSTRAINT "team_library_items_preparation_id_team_preparations_id_fk" FOREIGN KEY ("preparation_id") REFERENCES "public"."team_preparations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_library_items" ADD CONSTRAINT "team_library_items_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_library_versions" ADD CONSTRAINT "team_library_versions_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_library_versions" ADD CONSTRAINT "team_library_versions_item_id_team_library_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."team_library_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_library_versions" ADD CONSTRAINT "team_library_versions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_preparation_members" ADD CONSTRAINT "team_preparation_members_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_preparation_members" ADD CONSTRAINT "team_preparation_members_preparation_id_team_preparations_id_fk" FOREIGN KEY ("preparation_id") REFERENCES "public"."team_preparations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_preparation_members" ADD CONSTRAINT "team_preparation_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_preparations" ADD CONSTRAINT "team_preparations_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_preparations" ADD CONSTRAINT "team_preparations_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_preparations" ADD CONSTRAINT "team_preparations_form_id_team_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."team_forms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_preparations" ADD CONSTRAINT "team_preparations_team_goal_id_team_goals_id_fk" FOREIGN KEY ("team_goal_id") REFERENCES "public"."team_goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_preparations" ADD CONSTRAINT "team_preparations_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_programme_weeks" ADD CONSTRAINT "team_programme_weeks_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_programme_weeks" ADD CONSTRAINT "team_programme_weeks_programme_id_team_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."team_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_programme_weeks" ADD CONSTRAINT "team_programme_weeks_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_programmes" ADD CONSTRAINT "team_programmes_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_programmes" ADD CONSTRAINT "team_programmes_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_programmes" ADD CONSTRAINT "team_programmes_next_team_id_teams_id_fk" FOREIGN KEY ("next_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_programmes" ADD CONSTRAINT "team_programmes_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_progress_scores" ADD CONSTRAINT "team_progress_scores_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_progress_scores" ADD CONSTRAINT "team_progress_scores_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_progress_scores" ADD CONSTRAINT "team_progress_scores_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "year_plan_events" ADD CONSTRAINT "year_plan_events_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "year_plan_events" ADD CONSTRAINT "year_plan_events_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "year_plan_events" ADD CONSTRAINT "year_plan_events_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "year_plan_events" ADD CONSTRAINT "year_plan_events_other_team_id_teams_id_fk" FOREIGN KEY ("other_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "year_plan_events" ADD CONSTRAINT "year_plan_events_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "year_plan_registrations" ADD CONSTRAINT "year_plan_registrations_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "year_plan_registrations" ADD CONSTRAINT "year_plan_registrations_event_id_year_plan_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."year_plan_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "year_plan_registrations" ADD CONSTRAINT "year_plan_registrations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_forms_team" ON "team_forms" USING btree ("team_id","purpose");--> statement-breakpoint
CREATE INDEX "team_visits_team" ON "team_visits" USING btree ("team_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "team_visits_observer" ON "team_visits" USING btree ("observer_id");--> statement-breakpoint
CREATE INDEX "team_visits_observed" ON "team_visits" USING btree ("observed_id");--> statement-breakpoint
CREATE INDEX "team_library_items_team" ON "team_library_items" USING btree ("team_id","archived_at");--> statement-breakpoint
CREATE INDEX "team_preparation_members_person" ON "team_preparation_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "team_preparations_team" ON "team_preparations" USING btree ("team_id","planned_at");--> statement-breakpoint
CREATE INDEX "team_programmes_team" ON "team_programmes" USING btree ("team_id","starts_on");--> statement-breakpoint
CREATE INDEX "team_progress_scores_team" ON "team_progress_scores" USING btree ("team_id","intervention","scored_on");--> statement-breakpoint
CREATE INDEX "year_plan_events_board" ON "year_plan_events" USING btree ("board_id","starts_at");