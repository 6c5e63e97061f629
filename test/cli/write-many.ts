// Writes many large files with writeAll, for the test that kills it part-way through:
// `tsx write-many.ts ROOT VERSION COUNT`. It says "writing" on stdout just before it starts.
import { writeAll } from "../../src/cli/write-files.js";
import { fileText } from "./write-many-text.js";

const [root, version, count] = process.argv.slice(2);
const files = Array.from({ length: Number(count) }, (_, index) => ({
  path: `part-${index % 4}/file-${index}.txt`,
  text: fileText(version!, index),
}));

process.stdout.write("writing\n");
writeAll(root!, files);
process.stdout.write("done\n");
