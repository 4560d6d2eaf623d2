import { createRoute, type z } from "@hono/zod-openapi";
import { requireRole } from "../../platform/auth/roles";
import { serviceContext } from "../../platform/context";
import { idempotent } from "../../platform/idempotency/middleware";
import {
  createRouter,
  errorResponses,
  idempotencyKeyParameter,
  jsonResponse,
  problemFor,
  tenantSecurity,
} from "../../platform/openapi";
import { ListQuerySchema } from "../../platform/pagination";
import { listWebhookAttempts, listWebhookDeliveries, recoverWebhookEndpoint } from "./deliveries";
import {
  CreateWebhookEndpointSchema,
  DeletedWebhookEndpointSchema,
  DeliveryListQuerySchema,
  RecoverSchema,
  RedeliveryResultSchema,
  UpdateWebhookEndpointSchema,
  WebhookAttemptListSchema,
  WebhookDeliveryListSchema,
  WebhookEndpointIdParamSchema,
  WebhookEndpointListSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
} from "./schemas";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from "./service";

const tags = ["webhooks"];
const security = tenantSecurity;
const keyed = { keyed: true } as const;
const json = <T extends z.ZodType>(description: string, schema: T, options = {}) =>
  jsonResponse("v2", description, schema, options);
const notFound = {
  404: problemFor("v2", "No such webhook endpoint in this tenant (not_found)"),
} as const;
const keyedNotFound = {
  404: problemFor("v2", "No such webhook endpoint in this tenant (not_found)", keyed),
} as const;
const readErrors = errorResponses("v2");
const params = WebhookEndpointIdParamSchema;

const list = createRoute({
  method: "get",
  path: "/",
  tags,
  security,
  middleware: [requireRole("admin")] as const,
  operationId: "listWebhookEndpoints",
  description:
    "The tenant's webhook endpoints with their subscribed event types and delivery state.",
  summary: "List webhook endpoints (admin)",
  request: { query: ListQuerySchema },
  responses: { 200: json("A page of endpoints", WebhookEndpointListSchema), ...readErrors },
});

const create = createRoute({
  method: "post",
  path: "/",
  tags,
  security,
  middleware: [requireRole("admin"), idempotent()] as const,
  operationId: "createWebhookEndpoint",
  description:
    "Registers an HTTPS URL and the event types it receives; the signing secret is shown only in this response.",
  parameters: idempotencyKeyParameter,
  summary: "Create a webhook endpoint (admin); the signing secret is shown once",
  request: {
    body: {
      required: true,
      content: { "application/json": { schema: CreateWebhookEndpointSchema } },
    },
  },
  responses: {
    201: json("Created", WebhookEndpointWithSecretSchema, keyed),
    ...errorResponses("v2", { ...keyed, body: "json" }),
  },
});

const get = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security,
  middleware: [requireRole("admin")] as const,
  operationId: "getWebhookEndpoint",
  description: "An endpoint with its event types, state and consecutive failures.",
  summary: "Get a webhook endpoint (admin)",
  request: { params },
  responses: {
    200: json("The endpoint", WebhookEndpointSchema),
    ...notFound,
    ...readErrors,
  },
});

const update = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  security,
  middleware: [requireRole("admin"), idempotent()] as const,
  operationId: "updateWebhookEndpoint",
  description:
    "Changes the URL, event types or description; `enabled: true` also releases deliveries held while the endpoint was disabled.",
  parameters: idempotencyKeyParameter,
  summary: "Update a webhook endpoint (admin); enabled: true releases held deliveries",
  request: {
    params,
    body: {
      required: true,
      content: { "application/json": { schema: UpdateWebhookEndpointSchema } },
    },
  },
  responses: {
    200: json("Updated", WebhookEndpointSchema, keyed),
    ...keyedNotFound,
    ...errorResponses("v2", { ...keyed, body: "json" }),
  },
});

const remove = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security,
  middleware: [requireRole("admin"), idempotent()] as const,
  operationId: "deleteWebhookEndpoint",
  description:
    "Deletes the endpoint and its delivery history; pending deliveries to it are dropped.",
  parameters: idempotencyKeyParameter,
  summary: "Delete a webhook endpoint with its delivery history (admin)",
  request: { params },
  responses: {
    200: json("Deleted", DeletedWebhookEndpointSchema, keyed),
    ...keyedNotFound,
    ...errorResponses("v2", keyed),
  },
});

const rotate = createRoute({
  method: "post",
  path: "/{id}/rotate-secret",
  tags,
  security,
  middleware: [requireRole("admin"), idempotent()] as const,
  operationId: "rotateWebhookSecret",
  description:
    "Issues a new signing secret (shown only in this response); for 24 hours deliveries carry signatures with both secrets.",
  parameters: idempotencyKeyParameter,
  summary: "Rotate the signing secret (admin); the old one also signs for 24 h",
  request: { params },
  responses: {
    200: json("The endpoint with its new secret", WebhookEndpointWithSecretSchema, keyed),
    ...keyedNotFound,
    ...errorResponses("v2", keyed),
  },
});

const recover = createRoute({
  method: "post",
  path: "/{id}/recover",
  tags,
  security,
  middleware: [requireRole("admin"), idempotent()] as const,
  operationId: "recoverWebhookEndpoint",
  description:
    "Re-delivers what failed since the given time and releases held deliveries, throttled; the endpoint must be enabled.",
  parameters: idempotencyKeyParameter,
  summary: "Re-deliver what failed since a time and release held deliveries (admin)",
  request: {
    params,
    body: { required: true, content: { "application/json": { schema: RecoverSchema } } },
  },
  responses: {
    202: json("Queued for re-delivery (throttled)", RedeliveryResultSchema, keyed),
    ...keyedNotFound,
    ...errorResponses("v2", { ...keyed, body: "json" }),
    409: problemFor(
      "v2",
      "The endpoint is disabled (conflict), or a request with this Idempotency-Key is in progress (idempotency_key_in_use)",
      { ...keyed, retryAfter: true },
    ),
  },
});

const attempts = createRoute({
  method: "get",
  path: "/{id}/attempts",
  tags,
  security,
  middleware: [requireRole("admin")] as const,
  operationId: "listWebhookAttempts",
  description:
    "Each delivery attempt to the endpoint, newest first: event, status code, error class and duration.",
  summary: "List the endpoint's delivery attempts, newest first (admin)",
  request: { params, query: ListQuerySchema },
  responses: {
    200: json("A page of attempts", WebhookAttemptListSchema),
    ...notFound,
    ...readErrors,
  },
});

const deliveries = createRoute({
  method: "get",
  path: "/{id}/deliveries",
  tags,
  security,
  middleware: [requireRole("admin")] as const,
  operationId: "listWebhookDeliveries",
  description:
    "Each delivery to the endpoint, newest first, including those never attempted: held while the tenant's webhooks are paused, or waiting (ordered endpoints) for an earlier delivery of the same resource, named in `waiting_for`.",
  summary: "List the endpoint's deliveries with what waits and why, newest first (admin)",
  request: { params, query: DeliveryListQuerySchema },
  responses: {
    200: json("A page of deliveries", WebhookDeliveryListSchema),
    ...notFound,
    ...readErrors,
  },
});

/** /v2/webhook-endpoints */
export const webhookEndpointRoutes = createRouter()
  .openapi(list, async (c) =>
    c.json(
      await listWebhookEndpoints({ ctx: serviceContext(c), query: c.req.valid("query") }),
      200,
    ),
  )
  .openapi(create, async (c) =>
    c.json(
      await createWebhookEndpoint({
        ctx: serviceContext(c),
        env: c.env,
        input: c.req.valid("json"),
      }),
      201,
    ),
  )
  .openapi(get, async (c) =>
    c.json(await getWebhookEndpoint({ ctx: serviceContext(c), id: c.req.valid("param").id }), 200),
  )
  .openapi(update, async (c) =>
    c.json(
      await updateWebhookEndpoint({
        ctx: serviceContext(c),
        env: c.env,
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
      }),
      200,
    ),
  )
  .openapi(remove, async (c) =>
    c.json(
      await deleteWebhookEndpoint({ ctx: serviceContext(c), id: c.req.valid("param").id }),
      200,
    ),
  )
  .openapi(rotate, async (c) =>
    c.json(
      await rotateWebhookSecret({
        ctx: serviceContext(c),
        env: c.env,
        id: c.req.valid("param").id,
      }),
      200,
    ),
  )
  .openapi(recover, async (c) =>
    c.json(
      await recoverWebhookEndpoint({
        ctx: serviceContext(c),
        env: c.env,
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
      }),
      202,
    ),
  )
  .openapi(attempts, async (c) =>
    c.json(
      await listWebhookAttempts({
        ctx: serviceContext(c),
        id: c.req.valid("param").id,
        query: c.req.valid("query"),
      }),
      200,
    ),
  )
  .openapi(deliveries, async (c) =>
    c.json(
      await listWebhookDeliveries({
        ctx: serviceContext(c),
        id: c.req.valid("param").id,
        query: c.req.valid("query"),
      }),
      200,
    ),
  );
