DROP INDEX "order_lines_book_idx";
