import { describe, expect, it } from "vitest";
import { detectDelimiter } from "./detect-delimiter";

describe("detectDelimiter", () => {
  it("comma, semicolon and tab files", () => {
    expect(detectDelimiter("date,open,close\n2024-01-02,1,2\n")).toBe(",");
    expect(detectDelimiter("date;open;close\r\n2024-01-02;1;2\r\n")).toBe(";");
    expect(detectDelimiter("date\topen\tclose\n2024-01-02\t1\t2\n")).toBe("\t");
  });

  it("decimal commas in a semicolon file do not make it a comma file", () => {
    expect(detectDelimiter("Datum;Eröffnung;Schluss\n02.01.2024;1,5;2,5\n03.01.2024;1,25;2,75\n")).toBe(";");
  });

  it("delimiters inside quotes do not count", () => {
    expect(detectDelimiter('date\tname\tclose\n2024-01-02\t"A, B; C"\t"1,234.5"\n')).toBe("\t");
    expect(detectDelimiter('symbol,name,close\nX,"Foo; Bar\tInc",10\nY,"Baz",11\n')).toBe(",");
  });

  it("picks the delimiter that keeps the same count on most lines", () => {
    expect(detectDelimiter("a,b;c\n1,2;3\n4,5;6;7\n8,9;1;1\n")).toBe(",");
  });

  it("a single column falls back to comma", () => {
    expect(detectDelimiter("date\n2024-01-02\n")).toBe(",");
  });
});
