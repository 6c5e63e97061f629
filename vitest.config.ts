// Vitest settings for the whole repository: one place for test discovery and worker limits.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real nix-instantiate and perl runs are slow on a cold cache.
    testTimeout: 60000,
    // Forks, not threads: each test shells out to Nix and Perl, and forks isolate that best.
    pool: "forks",
    // CI machines have two cores; more workers only contend for them.
    maxWorkers: 2,
    reporters: ["default"],
  },
});
