// Small helpers the benchmark scenarios share for their setup data.

/** The ISBN-13 of a 12-digit body: the body and its check digit. */
export function withCheckDigit(body) {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** A random ISBN-13 with a valid check digit. */
export function isbn13() {
  return withCheckDigit(`978${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`);
}

/** The JSON body of a successful setup call; anything else stops the scenario, saying `what`. */
export async function json(response, what) {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** A new enterprise tenant whose hourly limit never shapes a benchmark: `{ tenantId, apiKey }`. */
export async function unlimitedTenant(ctx, name) {
  const tenant = await ctx.provisionTenant({ name, plan: "enterprise" });
  await json(
    await ctx.api(`/admin/tenants/${tenant.tenantId}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${ctx.operatorToken}` },
      json: { limits: { requests_per_hour: 10_000_000 } },
    }),
    "raising the tenant's limit",
  );
  return tenant;
}
