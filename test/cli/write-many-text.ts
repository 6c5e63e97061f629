// The text write-many.ts gives each file: large enough that writing them all takes a while,
// and marked with its version and index, so a half-written file cannot pass for a whole one.

/** The full text of file `index` in `version`. */
export function fileText(version: string, index: number): string {
  return `${version} file ${index}\n`.repeat(2000) + `end of ${version} ${index}\n`;
}
