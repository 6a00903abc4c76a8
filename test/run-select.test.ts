// Selecting a source's documents: versions from a path segment, numeric-aware version order, no
// path out of the root, folders and git refs read alike.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { parseManifest } from "../src/model/manifest.js";
import { selectSource, SourceUnreadableError } from "../src/run/select.js";
import { compareVersions, versionReader } from "../src/run/versions.js";

describe("versions", () => {
  test.each<[string, string, { version: string; id: string } | null]>([
    ["docs/sentinel/{version}/**", "docs/sentinel/4.2/install/ports.md", { version: "4.2", id: "docs/sentinel/install/ports.md" }],
    ["docs/sentinel/{version}/**", "docs/sentinel/4.2", null],
    ["docs/sentinel/{version}/**", "docs/other/4.2/ports.md", null],
    ["docs/sentinel/{version}/**/*.md", "docs/sentinel/4.2/kb/a.txt", null],
    ["{version}/**", "10.8/a.md", { version: "10.8", id: "a.md" }],
    ["2024.1", "docs/a.md", { version: "2024.1", id: "docs/a.md" }],
  ])("%s reads %s", (spec, path, expected) => {
    expect(versionReader(spec)(path)).toEqual(expected);
  });

  test("version order is numeric-aware", () => {
    expect(["9.10", "10.0", "9.9", "4.2.1", "4.2", "4.10", "4.1"].sort(compareVersions)).toEqual(["4.1", "4.2", "4.2.1", "4.10", "9.9", "9.10", "10.0"]);
  });
});

describe("selectSource", () => {
  let dir: string;
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "portflow-select-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const manifest = (extra: object = {}) =>
    parseManifest("x.json", { name: "s", product: "P", root: "root", version: "docs/{version}/**", ...extra });

  test("groups by version in version order, applies include/exclude and format hints", async () => {
    write("root/docs/4.10/a.md", "# A\n");
    write("root/docs/4.9/a.md", "# A\n");
    write("root/docs/4.9/kb/b.txt", "B\n");
    write("root/docs/4.9/drafts/c.md", "# C\n");
    write("root/docs/4.9/image.png", "png");
    write("root/other/d.md", "# D\n");
    const versions = await selectSource(manifest({ exclude: ["**/drafts/**"], formats: { "docs/*/kb/**": "markdown" } }), dir);
    expect(versions.map((v) => [v.version, v.documents.map((d) => [d.id, d.path])])).toEqual([
      ["4.9", [["docs/a.md", "docs/4.9/a.md"], ["docs/kb/b.txt", "docs/4.9/kb/b.txt"]]],
      ["4.10", [["docs/a.md", "docs/4.10/a.md"]]],
    ]);
    expect([...versions[0]!.formats]).toEqual([["docs/kb/b.txt", "markdown"]]);
  });

  test("a symbolic link never leads out of the root: files and folders behind links are not read", async () => {
    write("outside/secret.md", "# Secret\n\n| Port |\n| --- |\n| 22 |\n");
    write("root/docs/1.0/a.md", "# A\n");
    symlinkSync(join(dir, "outside/secret.md"), join(dir, "root/docs/1.0/secret.md"));
    symlinkSync(join(dir, "outside"), join(dir, "root/docs/1.0/linked"));
    symlinkSync(dir, join(dir, "root/docs/1.0/loop"));
    const versions = await selectSource(manifest(), dir);
    expect(versions.flatMap((v) => v.documents.map((d) => d.path))).toEqual(["docs/1.0/a.md"]);
  });

  test("a glob with '..' is refused before anything is read", () => {
    expect(() => manifest({ include: ["../outside/**"] })).toThrow(/include\[0\]: expected a glob relative to the root, without '\.\.'/);
  });

  test("a missing root is a SourceUnreadableError naming the root as written", async () => {
    await expect(selectSource(manifest({ root: "nowhere" }), dir)).rejects.toThrow(new SourceUnreadableError('root "nowhere" is not a folder (resolved from the manifest\'s folder)'));
  });

  describe("git", () => {
    const git = (...args: string[]) => execFileSync("git", ["-C", join(dir, "repo"), ...args], { stdio: "pipe", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" } });
    beforeEach(() => {
      write("repo/docs/1.0/a.md", "# A one\n");
      write("repo/docs/2.0/a.md", "# A two\n");
      symlinkSync("/etc/passwd", join(dir, "repo/docs/2.0/passwd.md"));
      git("init", "-q");
      git("add", ".");
      git("commit", "-q", "-m", "docs");
      git("tag", "v1");
      write("repo/docs/2.0/a.md", "# A changed in the work tree only\n");
    });

    test("reads a ref from git objects, not the work tree; symbolic links are reported, not read", async () => {
      const versions = await selectSource(manifest({ root: { git: "repo", ref: "v1" } }), dir);
      expect(versions.map((v) => v.version)).toEqual(["1.0", "2.0"]);
      expect(new TextDecoder().decode(versions[1]!.documents[0]!.bytes)).toBe("# A two\n");
      expect(versions[1]!.failures).toEqual([{ id: "docs/passwd.md", path: "docs/2.0/passwd.md", message: "is a symbolic link in the git tree; not followed" }]);
    });

    test("a missing ref is a SourceUnreadableError", async () => {
      await expect(selectSource(manifest({ root: { git: "repo", ref: "v9" } }), dir)).rejects.toThrow('git ref "v9" not found in repository "repo"');
    });
  });
});
