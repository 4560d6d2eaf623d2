import { describe, expect, it } from "vitest";
import { tableResolver } from "../../../src/platform/net/resolver";
import {
  assessAddresses,
  assessUrl,
  checkDestination,
  parseIPv4,
  specialRange,
} from "../../../src/platform/net/url-policy";

const strict = { allowLoopbackHttp: false };

// Every special-purpose range, in the encodings an attacker would try.
const REFUSED_URLS = [
  // loopback, every numeric form
  "https://127.0.0.1/",
  "https://127.1/",
  "https://2130706433/",
  "https://0x7f000001/",
  "https://0x7f.1/",
  "https://0177.0.0.1/",
  "https://0177.0.0.01/",
  "https://017700000001/",
  "https://127.000.000.001/",
  "https://[::1]/",
  "https://[0:0:0:0:0:0:0:1]/",
  "https://[::ffff:127.0.0.1]/",
  "https://[::ffff:7f00:1]/",
  "https://localhost/",
  "https://api.localhost/",
  // this network / unspecified
  "https://0.0.0.0/",
  "https://0/",
  "https://[::]/",
  // private
  "https://10.0.0.1/",
  "https://10.255.255.255/",
  "https://172.16.0.1/",
  "https://172.31.255.254/",
  "https://192.168.1.1/",
  "https://0xc0a80101/",
  "https://3232235777/",
  "https://[::ffff:10.0.0.1]/",
  "https://[::ffff:c0a8:101]/",
  // CGNAT
  "https://100.64.0.1/",
  "https://100.127.255.254/",
  // link-local (cloud metadata)
  "https://169.254.169.254/",
  "https://0xa9fea9fe/",
  "https://2852039166/",
  "https://[fe80::1]/",
  "https://[::ffff:169.254.169.254]/",
  "https://[64:ff9b::a9fe:a9fe]/",
  // IETF, documentation, benchmarking, AS112, 6to4 relay
  "https://192.0.0.8/",
  "https://192.0.2.10/",
  "https://198.51.100.7/",
  "https://203.0.113.9/",
  "https://198.18.0.1/",
  "https://198.19.255.1/",
  "https://192.88.99.1/",
  "https://192.31.196.1/",
  "https://192.52.193.1/",
  "https://192.175.48.1/",
  "https://[2001:db8::1]/",
  "https://[3fff::1]/",
  // multicast, reserved, broadcast
  "https://224.0.0.1/",
  "https://239.255.255.250/",
  "https://240.0.0.1/",
  "https://255.255.255.255/",
  "https://[ff02::1]/",
  // IPv6 special ranges
  "https://[fc00::1]/",
  "https://[fd12:3456::1]/",
  "https://[fec0::1]/",
  "https://[100::1]/",
  "https://[2001::1]/",
  "https://[2002:7f00:1::1]/",
  "https://[64:ff9b:1::1]/",
  "https://[::7f00:1]/",
  "https://[5f00::1]/",
  // not https, credentials, local names
  "http://93.184.215.14/",
  "ftp://93.184.215.14/",
  "https://user:pass@93.184.215.14/",
  "https://printer.local/",
  "https://db.internal/",
  "https://intranet/",
  "not a url",
];

const ACCEPTED_URLS = [
  "https://93.184.215.14/hook",
  "https://8.8.8.8/",
  "https://1.1.1.1:8443/x?y=1",
  "https://[2606:4700:4700::1111]/",
  "https://[::ffff:8.8.8.8]/",
  "https://[64:ff9b::808:808]/",
  "https://172.32.0.1/",
  "https://100.128.0.1/",
  "https://192.169.0.1/",
  "https://hooks.example.com/shelfwise",
];

describe("SSRF policy (table)", () => {
  it.each(REFUSED_URLS)("refuses %s", (url) => {
    expect(assessUrl(url, strict).ok).toBe(false);
  });

  it.each(ACCEPTED_URLS)("accepts %s", (url) => {
    expect(assessUrl(url, strict).ok).toBe(true);
  });

  it("decodes every numeric IPv4 form like a URL parser", () => {
    const loopback = 0x7f000001;
    for (const form of [
      "127.0.0.1",
      "127.1",
      "127.0.1",
      "2130706433",
      "0x7f.1",
      "0177.0.0.1",
      "0x7f000001",
    ]) {
      expect(parseIPv4(form)).toBe(loopback);
    }
    expect(parseIPv4("256.0.0.1")).toBeUndefined();
    expect(parseIPv4("1.2.3.4.5")).toBeUndefined();
    expect(parseIPv4("example.com")).toBeUndefined();
  });

  it("refuses a host name when any resolved address is special", () => {
    expect(assessAddresses(["93.184.215.14"]).ok).toBe(true);
    expect(assessAddresses(["93.184.215.14", "10.0.0.1"]).ok).toBe(false);
    expect(assessAddresses(["::ffff:127.0.0.1"]).ok).toBe(false);
    expect(assessAddresses(["fe80::1%eth0"]).ok).toBe(false);
    expect(assessAddresses([]).ok).toBe(false);
    expect(specialRange("2606:4700:4700::1111")).toBeUndefined();
  });

  it("resolves host names through the injected resolver", async () => {
    const resolve = tableResolver({
      "hooks.example.com": ["93.184.215.14"],
      "rebind.example.com": ["93.184.215.14", "169.254.169.254"],
    });
    expect((await checkDestination("https://hooks.example.com/", strict, resolve)).ok).toBe(true);
    const rebind = await checkDestination("https://rebind.example.com/", strict, resolve);
    expect(rebind).toMatchObject({ ok: false, reason: expect.stringContaining("link-local") });
    const missing = await checkDestination("https://nowhere.example.com/", strict, resolve);
    expect(missing.ok).toBe(false);
    const failing = await checkDestination("https://x.example.com/", strict, async () => {
      throw new Error("DoH unreachable");
    });
    expect(failing.ok).toBe(false);
  });

  it("checks a URL seen before under each policy anew, and resolves its host every time", async () => {
    const dev = { allowLoopbackHttp: true };
    const none = async () => [];
    const loopback = "http://127.0.0.1:8787/seen-twice";
    expect((await checkDestination(loopback, dev, none)).ok).toBe(true);
    expect(await checkDestination(loopback, strict, none)).toMatchObject({
      ok: false,
      reason: "must be an https URL",
    });
    expect((await checkDestination(loopback, dev, none)).ok).toBe(true);
    // The host's addresses changed between two deliveries (DNS rebinding): the second is refused.
    const answers = [["93.184.215.14"], ["10.0.0.7"]];
    const rebinding = async () => answers.shift() ?? [];
    expect((await checkDestination("https://moving.example.com/", strict, rebinding)).ok).toBe(
      true,
    );
    expect(await checkDestination("https://moving.example.com/", strict, rebinding)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("private"),
    });
  });

  it("allows plain http to loopback only with the development setting", () => {
    const dev = { allowLoopbackHttp: true };
    expect(assessUrl("http://127.0.0.1:8787/hook", dev).ok).toBe(true);
    expect(assessUrl("http://localhost:8787/hook", dev).ok).toBe(true);
    expect(assessUrl("http://[::1]:8787/hook", dev).ok).toBe(true);
    expect(assessUrl("http://127.0.0.1:8787/hook", strict).ok).toBe(false);
    // Only loopback: private addresses stay refused even in development.
    expect(assessUrl("http://10.0.0.1/hook", dev).ok).toBe(false);
    expect(assessUrl("https://192.168.0.1/hook", dev).ok).toBe(false);
    expect(assessUrl("http://93.184.215.14/hook", dev).ok).toBe(false);
  });
});
