ALTER TABLE "books" ALTER COLUMN "stock" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "tenants" ALTER COLUMN "max_file_bytes" SET DATA TYPE bigint;