// String traps in both kinds: Nix-looking text prints escaped and comes back unchanged.
import { describe, expect, it } from "vitest";
import { indentedString, printNix, ref, string } from "../../src/nix/index.js";
import { evalPrinted } from "./evaluate.js";
import { lines } from "./expected.js";

/** Variables the interpolations below refer to. */
const scope = { price: '"5"', x: '"X"' };

describe("double-quoted strings", () => {
  it("escapes ${ so it stays text", () => {
    const printed = printNix(string("a ${b}"));
    expect(printed).toBe('"a \\${b}"\n');
    expect(evalPrinted(printed)).toBe("a ${b}");
  });

  it("escapes the ${ of $${ and keeps the first $", () => {
    const printed = printNix(string("$${x}"));
    expect(printed).toBe('"$\\${x}"\n');
    expect(evalPrinted(printed)).toBe("$${x}");
  });

  it("escapes a $ right before an interpolation", () => {
    const printed = printNix(string("cost: $", ref("price")));
    expect(printed).toBe('"cost: \\$${price}"\n');
    expect(evalPrinted(printed, scope)).toBe("cost: $5");
  });

  it("escapes a $ before an interpolation even after a backslash", () => {
    const printed = printNix(string("\\$", ref("x")));
    expect(printed).toBe('"\\\\\\$${x}"\n');
    expect(evalPrinted(printed, scope)).toBe("\\$X");
  });

  it("leaves a $ at the end of the string alone", () => {
    const printed = printNix(string("price$"));
    expect(printed).toBe('"price$"\n');
    expect(evalPrinted(printed)).toBe("price$");
  });

  it("escapes double quotes and backslashes", () => {
    const printed = printNix(string('say "hi" to C:\\dir'));
    expect(printed).toBe('"say \\"hi\\" to C:\\\\dir"\n');
    expect(evalPrinted(printed)).toBe('say "hi" to C:\\dir');
  });

  it("writes newline, carriage return and tab as \\n, \\r and \\t", () => {
    const printed = printNix(string("a\nb\rc\td"));
    expect(printed).toBe('"a\\nb\\rc\\td"\n');
    expect(evalPrinted(printed)).toBe("a\nb\rc\td");
  });

  it("keeps other control characters as they are", () => {
    const printed = printNix(string("bell\x07 escape\x1b del\x7f"));
    expect(printed).toBe('"bell\x07 escape\x1b del\x7f"\n');
    expect(evalPrinted(printed)).toBe("bell\x07 escape\x1b del\x7f");
  });
});

describe("indented strings", () => {
  it("escapes ${ as ''${", () => {
    const printed = printNix(indentedString("a ${b}\n"));
    expect(printed).toBe(lines("''", "  a ''${b}", "''"));
    expect(evalPrinted(printed)).toBe("a ${b}\n");
  });

  it("escapes the ${ of $${ and keeps the first $", () => {
    const printed = printNix(indentedString("$${x}\n"));
    expect(printed).toBe(lines("''", "  $''${x}", "''"));
    expect(evalPrinted(printed)).toBe("$${x}\n");
  });

  it("escapes a $ right before an interpolation as ''$", () => {
    const printed = printNix(indentedString("cost: $", ref("price"), "\n"));
    expect(printed).toBe(lines("''", "  cost: ''$${price}", "''"));
    expect(evalPrinted(printed, scope)).toBe("cost: $5\n");
  });

  it("keeps double quotes, backslashes and \\n as plain text", () => {
    const printed = printNix(indentedString('say "hi" \\n C:\\dir\n'));
    expect(printed).toBe(lines("''", '  say "hi" \\n C:\\dir', "''"));
    expect(evalPrinted(printed)).toBe('say "hi" \\n C:\\dir\n');
  });

  it("writes a carriage return as ''\\r", () => {
    const printed = printNix(indentedString("a\rb\n"));
    expect(printed).toBe(lines("''", "  a''\\rb", "''"));
    expect(evalPrinted(printed)).toBe("a\rb\n");
  });

  it("keeps tabs and other control characters as they are", () => {
    const printed = printNix(indentedString("\tone\x07\n\ttwo\n"));
    expect(printed).toBe(lines("''", "  \tone\x07", "  \ttwo", "''"));
    expect(evalPrinted(printed)).toBe("\tone\x07\n\ttwo\n");
  });

  it("escapes '' as '''", () => {
    const printed = printNix(indentedString("two '' quotes\n"));
    expect(printed).toBe(lines("''", "  two ''' quotes", "''"));
    expect(evalPrinted(printed)).toBe("two '' quotes\n");
  });

  it("escapes ''$ so neither the quotes nor the $ turn into an escape", () => {
    const printed = printNix(indentedString("a ''$ b ''${c}\n"));
    expect(printed).toBe(lines("''", "  a '''$ b '''''${c}", "''"));
    expect(evalPrinted(printed)).toBe("a ''$ b ''${c}\n");
  });

  it("escapes a ' just before the closing delimiter", () => {
    const printed = printNix(indentedString("one\nit's'"));
    expect(printed).toBe(lines("''", "  one", "  it's''\\'''"));
    expect(evalPrinted(printed)).toBe("one\nit's'");
  });

  it("keeps leading spaces when every line starts with spaces", () => {
    const printed = printNix(indentedString("  indented\n    more\n"));
    expect(printed).toBe(lines("''", "  ''\\  indented", "      more", "''"));
    expect(evalPrinted(printed)).toBe("  indented\n    more\n");
  });

  it("keeps leading spaces relative to a line that has none", () => {
    const printed = printNix(indentedString("a\n  b\n"));
    expect(printed).toBe(lines("''", "  a", "    b", "''"));
    expect(evalPrinted(printed)).toBe("a\n  b\n");
  });

  it("keeps a last line made only of spaces", () => {
    const printed = printNix(indentedString("text\n   "));
    expect(printed).toBe(lines("''", "  text", "  ''\\   ''"));
    expect(evalPrinted(printed)).toBe("text\n   ");
  });

  it("keeps a line made only of spaces between other lines", () => {
    const printed = printNix(indentedString("a\n   \nb\n"));
    expect(printed).toBe(lines("''", "  a", "     ", "  b", "''"));
    expect(evalPrinted(printed)).toBe("a\n   \nb\n");
  });

  it("keeps an empty first line", () => {
    const printed = printNix(indentedString("\nsecond\n"));
    expect(printed).toBe(lines("''", "", "  second", "''"));
    expect(evalPrinted(printed)).toBe("\nsecond\n");
  });
});
