import { describe, expect, it } from "vitest";
import { inlineParameters } from "../../src/platform/db/driver/inline";

describe("client-side parameter interpolation", () => {
  it("writes strings and numbers as untyped escape-string constants, in parentheses", () => {
    expect(inlineParameters("select * from t where a = $1 and b > $2 limit $3", ["x", 5, 20])).toBe(
      "select * from t where a = (E'x') and b > (E'5') limit (E'20')",
    );
  });

  it("doubles quotes and backslashes, so a value can never end its literal", () => {
    const hostile = "'); drop table t; --\\";
    const inlined = inlineParameters("select $1", [hostile]);
    expect(inlined).toBe("select (E'''); drop table t; --\\\\')");
  });

  it("keeps the types postgres.js gives booleans, bigints, dates and bytes", () => {
    const at = new Date("2026-11-29T10:00:00.000Z");
    expect(
      inlineParameters("values ($1, $2, $3, $4, $5)", [
        true,
        12n,
        at,
        new Uint8Array([1, 255]),
        null,
      ]),
    ).toBe(
      "values ((true), (E'12'::int8), (E'2026-11-29T10:00:00.000Z'::timestamptz), ('\\x01ff'::bytea), (NULL))",
    );
  });

  it("replaces $10 as one placeholder, not $1 followed by 0", () => {
    const params = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(inlineParameters("select $1, $10", params)).toBe("select (E'1'), (E'10')");
  });

  it("leaves dollar signs alone inside strings, identifiers, dollar quotes and comments", () => {
    const text =
      "select '$1', E'\\'$1', \"col$1\", $$ $1 $$, $tag$ $1 $tag$, a$1 -- $1\n /* $1 */ from t where x = $1";
    expect(inlineParameters(text, ["v"])).toBe(
      "select '$1', E'\\'$1', \"col$1\", $$ $1 $$, $tag$ $1 $tag$, a$1 -- $1\n /* $1 */ from t where x = (E'v')",
    );
  });

  it("gives up (the driver binds the values) on NUL, arrays, objects and missing values", () => {
    expect(inlineParameters("select $1", ["a\0b"])).toBeNull();
    expect(inlineParameters("select $1", [["a"]])).toBeNull();
    expect(inlineParameters("select $1", [{ a: 1 }])).toBeNull();
    expect(inlineParameters("select $2", ["a"])).toBeNull();
  });

  it("returns statements without parameters unchanged", () => {
    expect(inlineParameters("commit", [])).toBe("commit");
  });
});
