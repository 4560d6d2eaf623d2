-- Keys become per credential. Records written before this migration name no credential and cannot
-- be attributed to one (the table never kept the actor); replaying them to any credential is the
-- defect this fixes, and they expire within 24 h anyway, so they are deleted rather than kept under
-- a placeholder credential nobody could ever match.
DELETE FROM "idempotency_records";--> statement-breakpoint
ALTER TABLE "idempotency_records" ADD COLUMN "credential_id" text NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_records" DROP CONSTRAINT "idempotency_records_tenant_id_key_pk";--> statement-breakpoint
ALTER TABLE "idempotency_records" ADD CONSTRAINT "idempotency_records_tenant_id_credential_id_key_pk" PRIMARY KEY("tenant_id","credential_id","key");
