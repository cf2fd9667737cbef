CREATE TABLE "development_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "development_evidence" ADD COLUMN "file_id" uuid;--> statement-breakpoint
ALTER TABLE "development_files" ADD CONSTRAINT "development_files_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_files" ADD CONSTRAINT "development_files_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_files" ADD CONSTRAINT "development_files_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "development_files_person" ON "development_files" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "development_evidence" ADD CONSTRAINT "development_evidence_file_id_development_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."development_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "development_evidence_file" ON "development_evidence" USING btree ("file_id");--> statement-breakpoint
-- A file lives as long as its evidence, whichever module deletes the evidence row.
CREATE OR REPLACE FUNCTION development_evidence_drop_file() RETURNS trigger AS $$
BEGIN
  IF OLD.file_id IS NOT NULL THEN
    DELETE FROM development_files WHERE id = OLD.file_id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER development_evidence_file_cleanup AFTER DELETE ON development_evidence
  FOR EACH ROW EXECUTE FUNCTION development_evidence_drop_file();
