/**
 * The SSRF policy for URLs the Worker calls on a tenant's behalf (webhook endpoints): pure
 * functions, table-tested. A destination is acceptable only when it is https and every address it
 * is or resolves to is a public unicast address. Numeric host forms are decoded the way URL
 * parsers and resolvers decode them (decimal `2130706433`, hex `0x7f.1`, octal `0177.0.0.1`,
 * short `127.1`, IPv4-mapped and NAT64 IPv6) before the ranges are checked.
 */

/** Options of the policy. */
export interface UrlPolicyOptions {
  /** Development only: plain http (and https) to a loopback host is allowed. */
  allowLoopbackHttp: boolean;
}

/** A refused destination, with a reason that is safe to show the tenant. */
export interface Refusal {
  ok: false;
  reason: string;
}

/** What the syntactic check yields: the URL and either a literal address or a name to resolve. */
export type UrlAssessment =
  | Refusal
  | { ok: true; url: Readonly<URL>; address: string; hostname?: undefined }
  | { ok: true; url: Readonly<URL>; address?: undefined; hostname: string };

/** Resolves a host name to its A and AAAA addresses (empty when it does not resolve). */
export type Resolver = (hostname: string) => Promise<string[]>;

type V4Range = [base: number, bits: number, name: string];

// IANA IPv4 Special-Purpose Address Registry, plus multicast and the reserved 240/4.
const V4_SPECIAL: V4Range[] = [
  [ip4("0.0.0.0"), 8, "this network"],
  [ip4("10.0.0.0"), 8, "private"],
  [ip4("100.64.0.0"), 10, "shared address space (CGNAT)"],
  [ip4("127.0.0.0"), 8, "loopback"],
  [ip4("169.254.0.0"), 16, "link-local"],
  [ip4("172.16.0.0"), 12, "private"],
  [ip4("192.0.0.0"), 24, "IETF protocol assignments"],
  [ip4("192.0.2.0"), 24, "documentation"],
  [ip4("192.31.196.0"), 24, "AS112"],
  [ip4("192.52.193.0"), 24, "AMT"],
  [ip4("192.88.99.0"), 24, "6to4 relay anycast"],
  [ip4("192.168.0.0"), 16, "private"],
  [ip4("192.175.48.0"), 24, "AS112 direct delegation"],
  [ip4("198.18.0.0"), 15, "benchmarking"],
  [ip4("198.51.100.0"), 24, "documentation"],
  [ip4("203.0.113.0"), 24, "documentation"],
  [ip4("224.0.0.0"), 4, "multicast"],
  [ip4("240.0.0.0"), 4, "reserved"],
];

function ip4(dotted: string): number {
  return dotted.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

/**
 * Parses an IPv4 host the way the WHATWG URL parser does: 1 to 4 dot-separated parts, each
 * decimal, `0x` hex or `0`-prefixed octal; the last part fills the remaining bytes. Returns the
 * 32-bit value, or undefined when the host is not numeric (or overflows).
 */
export function parseIPv4(host: string): number | undefined {
  const parts = host.endsWith(".") ? host.slice(0, -1).split(".") : host.split(".");
  if (parts.length === 0 || parts.length > 4) return undefined;
  const values: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : Number.parseInt(part, 16);
    else if (/^0[0-7]+$/.test(part)) value = Number.parseInt(part, 8);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) value = Number(part);
    else return undefined;
    if (!Number.isSafeInteger(value)) return undefined;
    values.push(value);
  }
  const last = values.pop() as number;
  if (values.some((v) => v > 255)) return undefined;
  if (last >= 256 ** (4 - values.length)) return undefined;
  return values.reduce((acc, v, i) => acc + v * 256 ** (3 - i), 0) + last;
}

/** Formats a 32-bit IPv4 value as dotted decimal. */
export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/** Parses an IPv6 address (no brackets, no zone) into eight 16-bit groups. */
export function parseIPv6(input: string): number[] | undefined {
  let text = input.toLowerCase();
  if (!/^[0-9a-f:.]+$/.test(text)) return undefined;
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(":");
  if (text.includes(".", lastColon)) {
    // An embedded dotted quad (::ffff:1.2.3.4) is strict: four decimal parts, no leading zeros.
    const v4 = text.slice(lastColon + 1);
    if (!/^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/.test(v4)) return undefined;
    const value = parseIPv4(v4);
    if (value === undefined) return undefined;
    tail = [Math.floor(value / 65536), value % 65536];
    text = text.slice(0, lastColon + 1);
    if (!text.endsWith("::")) text = text.slice(0, -1);
  }
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const parse = (s: string) => (s === "" ? [] : s.split(":"));
  const head = parse(halves[0] ?? "");
  const rest = halves.length === 2 ? parse(halves[1] ?? "") : [];
  const groups = [...head, ...rest];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return undefined;
  const total = groups.length + tail.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return undefined;
  const fill = new Array<number>(8 - total).fill(0);
  const headValues = head.map((g) => Number.parseInt(g, 16));
  const restValues = rest.map((g) => Number.parseInt(g, 16));
  return halves.length === 2
    ? [...headValues, ...fill, ...restValues, ...tail]
    : [...headValues, ...tail];
}

function v4Special(value: number): string | undefined {
  for (const [base, bits, name] of V4_SPECIAL) {
    const size = 2 ** (32 - bits);
    if (value >= base && value < base + size) return name;
  }
  return undefined;
}

function v6Special(g: number[]): string | undefined {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embedded = g6 * 65536 + g7;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0) {
    if (g5 === 0xffff) return v4Special(embedded); // IPv4-mapped: the IPv4 decides
    if (g5 === 0) {
      if (g6 === 0 && g7 === 0) return "unspecified";
      if (g6 === 0 && g7 === 1) return "loopback";
      return "IPv4-compatible (deprecated)";
    }
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return v4Special(embedded); // NAT64 well-known prefix: the embedded IPv4 decides
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return "local-use NAT64";
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0) return "discard-only";
  if (g0 === 0x2001 && g1 < 0x200) return "IETF protocol assignments (incl. Teredo)";
  if (g0 === 0x2001 && g1 === 0xdb8) return "documentation";
  if (g0 === 0x2002) return "6to4";
  if (g0 === 0x3fff && g1 < 0x1000) return "documentation";
  if (g0 === 0x5f00) return "SRv6 SIDs";
  if ((g0 & 0xfe00) === 0xfc00) return "unique local";
  if ((g0 & 0xffc0) === 0xfe80) return "link-local";
  if ((g0 & 0xffc0) === 0xfec0) return "site-local (deprecated)";
  if ((g0 & 0xff00) === 0xff00) return "multicast";
  // Only global unicast (2000::/3) is routable on the internet.
  if ((g0 & 0xe000) !== 0x2000) return "not global unicast";
  return undefined;
}

/**
 * Names the special-purpose range an address (IPv4 in any numeric form, or IPv6 with or without
 * brackets) falls in; undefined for a public unicast address. Unparseable input is "invalid".
 */
export function specialRange(address: string): string | undefined {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  if (bare.includes(":")) {
    if (bare.includes("%")) return "scoped address";
    const groups = parseIPv6(bare);
    return groups ? v6Special(groups) : "invalid";
  }
  const v4 = parseIPv4(bare);
  return v4 === undefined ? "invalid" : v4Special(v4);
}

/** True for loopback addresses (127/8, ::1, ::ffff:127/104). */
export function isLoopback(address: string): boolean {
  return specialRange(address) === "loopback";
}

const refuse = (reason: string): Refusal => ({ ok: false, reason });
const LOCAL_NAMES =
  /(^|\.)(localhost|localdomain|local|internal|home\.arpa|in-addr\.arpa|ip6\.arpa)$/;

/**
 * The syntactic half of the policy: scheme, credentials, and a literal address checked against
 * the special ranges. A host name is returned for resolution (its addresses are checked with
 * `assessAddresses`).
 */
export function assessUrl(raw: string, options: UrlPolicyOptions): UrlAssessment {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse("must be an absolute URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return refuse("must be an https URL");
  if (url.username || url.password) return refuse("must not carry credentials");
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (host === "") return refuse("must have a host");
  // The URL parser already canonicalises numeric IPv4 forms; parseIPv4 decodes them again in
  // case it did not (defence in depth), so `0x7f.1` and `2130706433` are both 127.0.0.1 here.
  const literal = host.startsWith("[") || parseIPv4(host) !== undefined ? host : undefined;
  const loopbackName = host === "localhost" || host.endsWith(".localhost");
  const devLoopback =
    options.allowLoopbackHttp && (loopbackName || (literal !== undefined && isLoopback(literal)));
  if (url.protocol !== "https:" && !devLoopback) return refuse("must be an https URL");
  if (devLoopback) {
    return loopbackName
      ? { ok: true, url, address: "127.0.0.1" }
      : { ok: true, url, address: literal as string };
  }
  if (literal !== undefined) {
    const range = specialRange(literal);
    if (range) return refuse(`must not point to a ${range} address`);
    const v4 = parseIPv4(literal);
    return { ok: true, url, address: v4 === undefined ? literal : formatIPv4(v4) };
  }
  if (!host.includes(".") || LOCAL_NAMES.test(host)) {
    return refuse("must use a public host name");
  }
  return { ok: true, url, hostname: host };
}

/** The resolution half: every address must be public (one private answer refuses the host). */
export function assessAddresses(addresses: readonly string[]): Refusal | { ok: true } {
  if (addresses.length === 0) return refuse("host name does not resolve");
  for (const address of addresses) {
    const range = specialRange(address);
    if (range) return refuse(`host resolves to a ${range} address`);
  }
  return { ok: true };
}

/**
 * assessUrl's verdicts by policy and URL. The syntactic half is pure, so each delivery to an
 * endpoint re-checks its URL without parsing it and its address again (about 7 % of the Worker's CPU
 * samples in the webhook benchmark's drain profile); the resolution half still runs every time.
 * Bounded like the signing keys' cache: cleared when full.
 */
const assessments = new Map<string, UrlAssessment>();

function assessUrlOnce(raw: string, options: UrlPolicyOptions): UrlAssessment {
  const key = `${options.allowLoopbackHttp ? "dev" : "prod"} ${raw}`;
  let assessed = assessments.get(key);
  if (!assessed) {
    assessed = assessUrl(raw, options);
    if (assessments.size >= 1000) assessments.clear();
    assessments.set(key, assessed);
  }
  return assessed;
}

/** Both halves: the URL is acceptable now, with the resolver given (DNS-over-HTTPS in production). */
export async function checkDestination(
  raw: string,
  options: UrlPolicyOptions,
  resolve: Resolver,
): Promise<Refusal | { ok: true; url: Readonly<URL> }> {
  const assessed = assessUrlOnce(raw, options);
  if (!assessed.ok) return assessed;
  if (assessed.address !== undefined) return { ok: true, url: assessed.url };
  let addresses: string[];
  try {
    addresses = await resolve(assessed.hostname);
  } catch {
    return refuse("host name could not be resolved");
  }
  const verdict = assessAddresses(addresses);
  return verdict.ok ? { ok: true, url: assessed.url } : verdict;
}
