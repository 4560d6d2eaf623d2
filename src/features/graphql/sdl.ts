/**
 * The GraphQL schema of POST /v2/graphql, written SDL first: this text is the source, the
 * resolvers (resolvers.ts) attach to it by type and field name. The printed schema is served at
 * GET /v2/graphql/schema.graphql and committed as docs/schema.graphql (a test holds them equal).
 * Field names are camelCase; values and rules are REST's (the same verbs and zod schemas).
 */
export const SDL = /* GraphQL */ `
"""
An ISO 8601 date-time in UTC, e.g. 2026-11-17T09:30:00.000Z.
"""
scalar DateTime

"""
An amount in integer minor units of an ISO 4217 currency (1250 EUR is 12.50 EUR).
"""
type Money {
  amount: Int!
  currency: String!
}

input MoneyInput {
  amount: Int!
  currency: String!
}

enum BookStatus {
  active
  archived
}

enum OrderStatus {
  pending
  confirmed
  shipped
  cancelled
  expired
}

type Book {
  id: ID!
  "ISBN-13, normalised (no hyphens or spaces)"
  isbn: String!
  title: String!
  authors: [String!]!
  price: Money!
  "Units available (not reserved by pending or confirmed orders)"
  stock: Int!
  status: BookStatus!
  "Incremented on every change"
  version: Int!
  createdAt: DateTime!
  updatedAt: DateTime!
}

type OrderLine {
  id: ID!
  bookId: ID!
  "The book as it is now; null once it was deleted (isbn, title and price are the order's snapshots)"
  book: Book
  "Snapshot at order time"
  isbn: String!
  "Snapshot at order time"
  title: String!
  quantity: Int!
  unitPrice: Money!
  lineTotal: Money!
}

type Order {
  id: ID!
  status: OrderStatus!
  total: Money!
  lines: [OrderLine!]!
  createdAt: DateTime!
  updatedAt: DateTime!
  confirmedAt: DateTime
  shippedAt: DateTime
  cancelledAt: DateTime
  "While pending: when the order stops holding its stock and becomes expired"
  expiresAt: DateTime
  expiredAt: DateTime
}

type TenantLimits {
  requestsPerHour: Int!
  requestsPerMinutePerCredential: Int!
  maxFileBytes: Float!
  webhookRatePerSecond: Int!
}

type TenantUsage {
  books: Int!
  orders: Int!
  files: Int!
  activeApiKeys: Int!
}

type Tenant {
  id: ID!
  name: String!
  plan: String!
  status: String!
  limits: TenantLimits!
  usage: TenantUsage!
  createdAt: DateTime!
  updatedAt: DateTime!
}

"Relay page information: pass endCursor as the next page's after"
type PageInfo {
  hasNextPage: Boolean!
  endCursor: String
}

type BookEdge {
  cursor: String!
  node: Book!
}

type BookConnection {
  edges: [BookEdge!]!
  pageInfo: PageInfo!
}

type OrderEdge {
  cursor: String!
  node: Order!
}

type OrderConnection {
  edges: [OrderEdge!]!
  pageInfo: PageInfo!
}

type Query {
  "A book of the caller's tenant (viewer); not_found for an unknown, deleted or another tenant's id"
  book(id: ID!): Book
  "Books of the tenant, newest first (viewer); first: 1..100, q matches title, authors or ISBN"
  books(first: Int = 20, after: String, q: String, status: BookStatus): BookConnection
  "An order with its lines (viewer)"
  order(id: ID!): Order
  "Orders of the tenant, newest first, with their lines (viewer); first: 1..100"
  orders(first: Int = 20, after: String, status: OrderStatus): OrderConnection
  "The caller's tenant: plan, effective limits and usage (viewer)"
  tenant: Tenant
}

input CreateBookInput {
  isbn: String!
  title: String!
  authors: [String!]!
  price: MoneyInput!
  stock: Int = 0
  status: BookStatus = active
}

"At least one field"
input UpdateBookInput {
  isbn: String
  title: String
  authors: [String!]
  price: MoneyInput
  stock: Int
  status: BookStatus
}

input OrderLineInput {
  bookId: ID!
  quantity: Int!
}

input CreateOrderInput {
  lines: [OrderLineInput!]!
}

type Mutation {
  "Creates a book (editor)"
  createBook(input: CreateBookInput!): Book
  "Changes some fields of a book (editor); with ifMatch (a book ETag), only if the book is unchanged"
  updateBook(id: ID!, input: UpdateBookInput!, ifMatch: String): Book
  "Creates a pending order, reserving its stock: all lines or none (editor)"
  createOrder(input: CreateOrderInput!): Order
  "Cancels a pending or confirmed order, releasing its stock (editor)"
  cancelOrder(id: ID!): Order
  "Confirms a pending order (editor)"
  confirmOrder(id: ID!): Order
  "Ships a confirmed order (editor)"
  shipOrder(id: ID!): Order
}
`;
