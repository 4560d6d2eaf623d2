-- Back to one record per tenant and key: records of several credentials may share a key, so they
-- are deleted first (as on the way up; they expire within 24 h).
DELETE FROM "idempotency_records";--> statement-breakpoint
ALTER TABLE "idempotency_records" DROP CONSTRAINT "idempotency_records_tenant_id_credential_id_key_pk";--> statement-breakpoint
ALTER TABLE "idempotency_records" ADD CONSTRAINT "idempotency_records_tenant_id_key_pk" PRIMARY KEY("tenant_id","key");--> statement-breakpoint
ALTER TABLE "idempotency_records" DROP COLUMN "credential_id";
