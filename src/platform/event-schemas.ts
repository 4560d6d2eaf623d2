import { z } from "@hono/zod-openapi";

/**
 * The event catalog: one zod schema per event type for its `data`, the single source of the
 * producer's types (`recordEvent` in outbox.ts), of `GET /v2/event-types` (JSON Schema) and of the
 * OpenAPI document's `webhooks`. Schemas are strict: a producer that adds a member without adding
 * it here fails the conformance test (test/features/events/conformance.test.ts).
 *
 * They live in platform, not in the features, because the outbox (platform) types its input with
 * them; each mirrors its feature's v2 representation (the `data` of a resource event is the
 * resource as the API shows it after the change).
 */

const at = () => z.iso.datetime();
const count = () => z.number().int().min(0);
const money = () => z.strictObject({ amount: count(), currency: z.string().length(3) });

const BookData = z.strictObject({
  id: z.string(),
  isbn: z.string(),
  title: z.string(),
  authors: z.array(z.string()),
  price: money(),
  stock: z.number().int(),
  status: z.enum(["active", "archived"]),
  version: z.number().int(),
  created_at: at(),
  updated_at: at(),
  deleted_at: at().nullable(),
});

const OrderData = z.strictObject({
  id: z.string(),
  status: z.enum(["pending", "confirmed", "shipped", "cancelled", "expired"]),
  total: money(),
  lines: z.array(
    z.strictObject({
      id: z.string(),
      book_id: z.string(),
      isbn: z.string(),
      title: z.string(),
      quantity: z.number().int().min(1),
      unit_price: money(),
      line_total: money(),
    }),
  ),
  created_at: at(),
  updated_at: at(),
  confirmed_at: at().nullable(),
  shipped_at: at().nullable(),
  cancelled_at: at().nullable(),
  expires_at: at().nullable(),
  expired_at: at().nullable(),
});

const FileData = z.strictObject({
  id: z.string(),
  filename: z.string(),
  content_type: z.string(),
  size_bytes: z.number().int().min(0).nullable(),
  sha256: z.string().nullable(),
  status: z.enum(["uploading", "ready"]),
  created_at: at(),
  updated_at: at(),
});

const ImportBatchData = z.strictObject({
  import_id: z.string(),
  from_line: z.number().int().min(1),
  to_line: z.number().int().min(0),
  created: count(),
  updated: count(),
  failed: count(),
  created_ids: z.array(z.string()),
  updated_ids: z.array(z.string()),
});

const ImportCompletedData = z.strictObject({
  import_id: z.string(),
  lines: count(),
  created: count(),
  updated: count(),
  failed: count(),
});

const ExportCompletedData = z.strictObject({
  export_id: z.string(),
  reason: z.enum(["offboarding", "requested"]),
  files: z.array(z.strictObject({ name: z.string(), rows: count(), sha256: z.string() })),
});

const EndpointSuspendedData = z.strictObject({
  endpoint_id: z.string(),
  url: z.string(),
  reason: z.string(),
});

const EXAMPLE_TIME = "2026-11-29T10:15:30.000Z";
const eur = (amount: number) => ({ amount, currency: "EUR" });
const exampleBook = {
  id: "book_01jd3xk2v8f4r6t8w0y2a4c6e8",
  isbn: "9780306406157",
  title: "The Left Hand of Darkness",
  authors: ["Ursula K. Le Guin"],
  price: eur(1250),
  stock: 12,
  status: "active" as const,
  version: 1,
  created_at: EXAMPLE_TIME,
  updated_at: EXAMPLE_TIME,
  deleted_at: null,
};
const exampleOrder = (
  status: z.infer<typeof OrderData>["status"],
  stamps: Partial<z.infer<typeof OrderData>> = {},
) => ({
  id: "ord_01jd3xk2v8f4r6t8w0y2a4c6e8",
  status,
  total: eur(2500),
  lines: [
    {
      id: "ordl_01jd3xk2v8f4r6t8w0y2a4c6e9",
      book_id: exampleBook.id,
      isbn: exampleBook.isbn,
      title: exampleBook.title,
      quantity: 2,
      unit_price: eur(1250),
      line_total: eur(2500),
    },
  ],
  created_at: EXAMPLE_TIME,
  updated_at: EXAMPLE_TIME,
  confirmed_at: null,
  shipped_at: null,
  cancelled_at: null,
  expires_at: null,
  expired_at: null,
  ...stamps,
});

/** One catalog entry: what the event means, its data schema and an example of its data. */
interface EventDefinition<S extends z.ZodType> {
  description: string;
  data: S;
  example: z.input<S>;
}
const define = <S extends z.ZodType>(definition: EventDefinition<S>) => definition;

/** Every event type, in the order the catalog lists them. */
export const EVENT_CATALOG = {
  "book.created": define({
    description: "A book was created. `data` is the book.",
    data: BookData,
    example: exampleBook,
  }),
  "book.updated": define({
    description: "A book was changed (including its stock). `data` is the book after the change.",
    data: BookData,
    example: { ...exampleBook, stock: 10, version: 2 },
  }),
  "book.deleted": define({
    description: "A book was deleted (soft). `data` is the book with `deleted_at` set.",
    data: BookData,
    example: { ...exampleBook, version: 2, deleted_at: EXAMPLE_TIME },
  }),
  "book.import.batch": define({
    description:
      "A batch of an import's lines was applied: the lines, counts and the ids of the books created and updated.",
    data: ImportBatchData,
    example: {
      import_id: "bimp_01jd3xk2v8f4r6t8w0y2a4c6e8",
      from_line: 1,
      to_line: 500,
      created: 498,
      updated: 1,
      failed: 1,
      created_ids: [exampleBook.id],
      updated_ids: ["book_01jd3xk2v8f4r6t8w0y2a4c6f0"],
    },
  }),
  "book.import.completed": define({
    description: "An import finished: its line count and totals.",
    data: ImportCompletedData,
    example: {
      import_id: "bimp_01jd3xk2v8f4r6t8w0y2a4c6e8",
      lines: 500,
      created: 498,
      updated: 1,
      failed: 1,
    },
  }),
  "order.created": define({
    description: "An order was placed and its stock reserved. `data` is the order (pending).",
    data: OrderData,
    example: exampleOrder("pending", { expires_at: "2026-11-29T10:30:30.000Z" }),
  }),
  "order.confirmed": define({
    description: "An order was confirmed. `data` is the order.",
    data: OrderData,
    example: exampleOrder("confirmed", { confirmed_at: EXAMPLE_TIME }),
  }),
  "order.shipped": define({
    description: "An order was shipped. `data` is the order.",
    data: OrderData,
    example: exampleOrder("shipped", { confirmed_at: EXAMPLE_TIME, shipped_at: EXAMPLE_TIME }),
  }),
  "order.cancelled": define({
    description: "An order was cancelled and its stock released. `data` is the order.",
    data: OrderData,
    example: exampleOrder("cancelled", { cancelled_at: EXAMPLE_TIME }),
  }),
  "order.expired": define({
    description:
      "A pending order's reservation hold passed: the order expired and its stock was released. `data` is the order.",
    data: OrderData,
    example: exampleOrder("expired", { expires_at: EXAMPLE_TIME, expired_at: EXAMPLE_TIME }),
  }),
  "file.uploaded": define({
    description: "A file upload completed. `data` is the file (ready).",
    data: FileData,
    example: {
      id: "file_01jd3xk2v8f4r6t8w0y2a4c6e8",
      filename: "cover.png",
      content_type: "image/png",
      size_bytes: 48213,
      sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      status: "ready",
      created_at: EXAMPLE_TIME,
      updated_at: EXAMPLE_TIME,
    },
  }),
  "tenant.export.completed": define({
    description: "A tenant data export is ready: its files with row counts and SHA-256.",
    data: ExportCompletedData,
    example: {
      export_id: "texp_01jd3xk2v8f4r6t8w0y2a4c6e8",
      reason: "requested",
      files: [
        {
          name: "books.ndjson",
          rows: 12,
          sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        },
      ],
    },
  }),
  "webhook.endpoint.suspended": define({
    description:
      "The circuit breaker suspended a webhook endpoint after consecutive failures; its deliveries are held until it is re-enabled or recovered.",
    data: EndpointSuspendedData,
    example: {
      endpoint_id: "whep_01jd3xk2v8f4r6t8w0y2a4c6e8",
      url: "https://hooks.example.com/shelfwise",
      reason: "10 consecutive failed attempts",
    },
  }),
} as const;

type Catalog = typeof EVENT_CATALOG;
export type EventType = keyof Catalog;

/** The event types as a tuple (for z.enum), in catalog order. */
export const EVENT_TYPES = Object.keys(EVENT_CATALOG) as [EventType, ...EventType[]];

/** What a producer passes as an event's `data`, by type (distributes over a union of types). */
export type EventData<T extends EventType> = T extends EventType
  ? z.input<Catalog[T]["data"]>
  : never;

/** The webhook body of one event type: `{type, timestamp, data}`, exactly as delivered. */
export function eventEnvelopeSchema<T extends EventType>(type: T) {
  return z.strictObject({
    type: z.literal(type),
    timestamp: at(),
    data: EVENT_CATALOG[type].data as Catalog[T]["data"],
  });
}

/** The catalog entry of every type as served by GET /v2/event-types (JSON Schema 2020-12). */
export function eventTypeCatalog() {
  return EVENT_TYPES.map((type) => {
    const entry = EVENT_CATALOG[type];
    return {
      type,
      description: entry.description,
      schema: z.toJSONSchema(eventEnvelopeSchema(type)) as Record<string, unknown>,
      example: { type, timestamp: EXAMPLE_TIME, data: entry.example },
    };
  });
}
