-- Values past int4 (stock released onto a book already at 2^31-1, a 5 GiB file limit) are
-- clamped so the rollback cannot fail; the API never accepted them into the old columns anyway.
ALTER TABLE "books" ALTER COLUMN "stock" SET DATA TYPE integer USING least("stock", 2147483647)::integer;--> statement-breakpoint
ALTER TABLE "tenants" ALTER COLUMN "max_file_bytes" SET DATA TYPE integer USING least("max_file_bytes", 2147483647)::integer;
