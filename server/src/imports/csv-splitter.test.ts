import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { CsvSplitter, CsvSyntaxError } from "./csv-splitter.js";

/** Feeds `text` in pieces of `size` characters and collects the records. */
function split(text: string, size: number, delimiter = ","): string[][] {
  const s = new CsvSplitter(delimiter);
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += size) out.push(...s.push(text.slice(i, i + size)));
  out.push(...s.push("", true));
  return out;
}

describe("CsvSplitter", () => {
  it.each([
    ["plain", "a,b,c\n1,2,3\n", [["a", "b", "c"], ["1", "2", "3"]]],
    ["CRLF and no final newline", "a,b\r\n1,2", [["a", "b"], ["1", "2"]]],
    ["quoted with delimiter, quote and line break", 'x,"a, ""b""\nc",y\n', [["x", 'a, "b"\nc', "y"]]],
    ["empty fields and a trailing delimiter", ",,\n1,\n", [["", "", ""], ["1", ""]]],
    ["empty quoted field", '"",a\n', [["", "a"]]],
    ["blank line", "a\n\nb\n", [["a"], [""], ["b"]]],
    ["quote inside an unquoted field is literal", 'a"b,c\n', [['a"b', "c"]]],
    ["text after a closing quote is kept", '"ab"cd,e\n', [["abcd", "e"]]],
    ["Vietnamese text", "Mã,Tên\nXA_1,Xã Hòa Bình\n", [["Mã", "Tên"], ["XA_1", "Xã Hòa Bình"]]],
  ])("%s, whatever the chunk size", (_name, text, expected) => {
    for (const size of [1, 2, 3, 5, 1000]) expect(split(text, size)).toEqual(expected);
  });

  it("splits on another delimiter", () => {
    expect(split("a;b,c;d\n", 2, ";")).toEqual([["a", "b,c", "d"]]);
  });

  it("agrees with csv-parse on random well-formed CSV", () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const alphabet = ["a", "b", "Đ", "ệ", " ", ",", '"', "\n", "\r\n", "1"];
    for (let round = 0; round < 200; round++) {
      const rows = Array.from({ length: 1 + rand(5) }, () =>
        Array.from({ length: 3 }, () => Array.from({ length: rand(6) }, () => alphabet[rand(alphabet.length)]).join("")),
      );
      const text = rows.map((r) => r.map((f) => (/[",\r\n]/.test(f) || f === "" ? `"${f.replaceAll('"', '""')}"` : f)).join(",")).join("\n") + "\n";
      const expected = parse(text, { relax_column_count: true, record_delimiter: "\n" }) as string[][];
      expect(split(text, 1 + rand(7))).toEqual(expected);
    }
  });

  it("reports a quote that is never closed, with its record number", () => {
    const s = new CsvSplitter(",");
    expect(s.push('a,b\n"open,c\n')).toEqual([["a", "b"]]);
    expect(() => s.push("", true)).toThrow(CsvSyntaxError);
    try {
      new CsvSplitter(",").push('x\n"y', true);
    } catch (e) {
      expect((e as CsvSyntaxError).record).toBe(2);
    }
  });
});
