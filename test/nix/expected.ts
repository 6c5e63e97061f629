// Expected Nix text written one line per argument, so exact layouts read as they print.

/** The lines joined by newlines, ending in the one newline `printNix` always writes. */
export function lines(...text: string[]): string {
  return text.join("\n") + "\n";
}
