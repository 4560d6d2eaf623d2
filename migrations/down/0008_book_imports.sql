DROP TABLE "book_import_errors";--> statement-breakpoint
DROP TABLE "book_imports";
