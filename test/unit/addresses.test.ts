import { DEFAULT_INTERNET_OPTIONS, judgeCidr, parseCidr, unionCoversFamily, Cidr, judgeAddressSet } from "../../policypack/model/addresses";
import { subtract, normalize, toBlocks } from "../../policypack/model/addressSet";

function cidr(text: string): Cidr {
    const parsed = parseCidr(text);
    if (typeof parsed === "string") throw new Error(parsed);
    return parsed;
}
const internet = (text: string, options = DEFAULT_INTERNET_OPTIONS) => judgeCidr(cidr(text), options).internet;

describe("parseCidr", () => {
    it.each(["0.0.0.0/0", "10.0.0.0/8", "203.0.113.10/32", "::/0", "2001:db8::/32", "::ffff:10.0.0.0/104", "1.2.3.4/0"])("accepts %s", (text) => {
        expect(typeof parseCidr(text)).toBe("object");
    });
    it.each([
        ["010.0.0.0/8", "dotted-decimal"],
        ["0x0a.0.0.0/8", "dotted-decimal"],
        ["10.0.0.0", "no prefix"],
        ["10.0.0.0/33", "longer than /32"],
        ["::/129", "longer than /128"],
        ["10.0.0/8", "dotted-decimal"],
        ["10.0.0.0/08", "not a decimal"],
        ["fe80::1%eth0/64", "not an IPv6"],
        ["", "no prefix"],
        ["256.0.0.0/8", "dotted-decimal"],
    ])("rejects %s (%s)", (text, reason) => {
        const parsed = parseCidr(text);
        expect(typeof parsed).toBe("string");
        expect(parsed).toContain(reason);
    });
    it("clears host bits but keeps the text", () => {
        const c = cidr("10.1.2.3/8");
        expect(c.text).toBe("10.1.2.3/8");
        expect(c.first).toBe(10n << 24n);
    });
});

describe("the internet", () => {
    it.each(["0.0.0.0/0", "::/0", "1.2.3.4/0", "0.0.0.0/1", "128.0.0.0/1", "8.0.0.0/8", "192.0.0.0/8", "52.0.0.0/15", "2000::/3", "2600::/16", "2001::/16"])(
        "%s is the internet",
        (text) => expect(internet(text)).toBe(true),
    );
    it.each([
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "224.0.0.0/3",
        "8.8.8.8/32",
        "52.0.0.0/16",
        "203.0.113.0/24",
        "fc00::/7",
        "fe80::/10",
        "2001:db8::/32",
        "2600::/32",
        "2600:1f18::/48",
        "::1/128",
    ])("%s is not the internet", (text) => expect(internet(text)).toBe(false));

    it("judges IPv6 ranges that embed IPv4 by the IPv4 space they cover", () => {
        expect(internet("::ffff:0:0/96")).toBe(true); // all of IPv4
        expect(internet("::ffff:0.0.0.0/97")).toBe(true); // 0.0.0.0/1
        expect(internet("::ffff:10.0.0.0/104")).toBe(false); // 10.0.0.0/8
        expect(internet("::ffff:8.0.0.0/104")).toBe(true); // 8.0.0.0/8
        expect(internet("64:ff9b::/96")).toBe(true); // NAT64 of all IPv4
        expect(internet("64:ff9b::a00:0/104")).toBe(false); // NAT64 of 10/8
        expect(internet("2002::/16")).toBe(true); // 6to4 of all IPv4
        expect(internet("2002:a00::/24")).toBe(false); // 6to4 of 10/8
        expect(internet("2002:800::/24")).toBe(true); // 6to4 of 8/8
        expect(internet("::/8")).toBe(true); // contains the IPv4-mapped range
    });

    it("honours the configured prefixes", () => {
        const strict = { internetPrefixV4: 24, internetPrefixV6: 48 };
        expect(internet("52.0.0.0/16", strict)).toBe(true);
        expect(internet("2600::/32", strict)).toBe(true);
        const loose = { internetPrefixV4: 0, internetPrefixV6: 0 };
        expect(internet("0.0.0.0/1", loose)).toBe(false);
        expect(internet("0.0.0.0/0", loose)).toBe(true);
    });

    it("sees a union of CIDRs that covers a whole family", () => {
        expect(unionCoversFamily([cidr("0.0.0.0/1"), cidr("128.0.0.0/1")], 4)).toBe(true);
        expect(unionCoversFamily([cidr("0.0.0.0/2"), cidr("64.0.0.0/2"), cidr("128.0.0.0/1")], 4)).toBe(true);
        expect(unionCoversFamily([cidr("0.0.0.0/1"), cidr("128.0.0.0/2")], 4)).toBe(false);
        expect(unionCoversFamily([cidr("::/1"), cidr("8000::/1")], 6)).toBe(true);
        expect(unionCoversFamily([cidr("0.0.0.0/1"), cidr("8000::/1")], 4)).toBe(false);
    });
});

describe("address sets", () => {
    it("subtracts and splits into CIDR blocks", () => {
        const all = [{ first: 0n, last: (1n << 32n) - 1n }];
        const rest = subtract(all, normalize([{ first: cidr("0.0.0.0/1").first, last: cidr("0.0.0.0/1").last }]));
        expect(toBlocks(rest, 4)).toEqual([{ first: 1n << 31n, prefix: 1 }]);
        expect(judgeAddressSet(rest, 4).internet).toBe(true);
        const privateOnly = normalize([{ first: cidr("10.0.0.0/8").first, last: cidr("10.0.0.0/8").last }]);
        expect(judgeAddressSet(privateOnly, 4).internet).toBe(false);
    });
});
