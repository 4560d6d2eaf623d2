import type { Resolver } from "./url-policy";

const DOH_URL = "https://cloudflare-dns.com/dns-query";
const DOH_TIMEOUT_MS = 3_000;
const CACHE_MS = 30_000;
const LOCAL_ENVIRONMENTS = new Set(["development", "test"]);

interface DohAnswer {
  type: number;
  data: string;
}

async function dohQuery(name: string, type: "A" | "AAAA"): Promise<string[]> {
  const url = `${DOH_URL}?name=${encodeURIComponent(name)}&type=${type}`;
  const response = await fetch(url, {
    headers: { accept: "application/dns-json" },
    signal: AbortSignal.timeout(DOH_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`DoH answered ${response.status}`);
  const body = (await response.json()) as { Status: number; Answer?: DohAnswer[] };
  if (body.Status !== 0 && body.Status !== 3) throw new Error(`DoH status ${body.Status}`);
  // CNAME chains are followed by the resolver; only the final A (1) / AAAA (28) records matter.
  return (body.Answer ?? []).filter((a) => a.type === 1 || a.type === 28).map((a) => a.data);
}

/** Resolves A and AAAA records with Cloudflare's DNS-over-HTTPS JSON API. */
export const dohResolver: Resolver = async (hostname) => {
  const [v4, v6] = await Promise.all([dohQuery(hostname, "A"), dohQuery(hostname, "AAAA")]);
  return [...v4, ...v6];
};

/** A resolver answering from a fixed table (tests and local development). */
export function tableResolver(table: Record<string, string[]>): Resolver {
  return async (hostname) => table[hostname.toLowerCase()] ?? [];
}

/** Caches a resolver's answers for 30 s per isolate (deliveries re-check every time they run). */
function cached(resolve: Resolver): Resolver {
  const entries = new Map<string, { at: number; addresses: Promise<string[]> }>();
  return (hostname) => {
    const hit = entries.get(hostname);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.addresses;
    const addresses = resolve(hostname);
    entries.set(hostname, { at: Date.now(), addresses });
    addresses.catch(() => entries.delete(hostname));
    if (entries.size > 10_000) entries.clear();
    return addresses;
  };
}

const cachedDoh = cached(dohResolver);

/**
 * The resolver the Worker uses: DNS-over-HTTPS in production. In development and tests only, a
 * JSON table in `WEBHOOK_DNS_TABLE` (`{"host": ["addr", …]}`) replaces it: there is no internet.
 */
export function resolverFor(env: { ENVIRONMENT: string; WEBHOOK_DNS_TABLE?: string }): Resolver {
  if (env.WEBHOOK_DNS_TABLE && LOCAL_ENVIRONMENTS.has(env.ENVIRONMENT)) {
    return tableResolver(JSON.parse(env.WEBHOOK_DNS_TABLE) as Record<string, string[]>);
  }
  return cachedDoh;
}
