/** The order's entity tag, in the books' scheme: id and a version (here its last change). */
export function orderEtag(order: { id: string; updated_at: string }): string {
  return `"${order.id}.t${Date.parse(order.updated_at)}"`;
}
