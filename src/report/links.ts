// file:line as a URL on the code host: `<prefix><path in repository>#L<line>`. The prefix is a blob
// URL of one revision (https://github.com/o/r/blob/<sha>/); paths in a changelog are relative to the
// working directory, so `repoPath` (that directory inside the repository) makes them repository
// paths. A path that leaves the repository gets no link rather than a wrong one.
import { posix } from "node:path";

/** Markdown is rendered by code hosts; `?plain=1` shows its source, where line anchors work. */
const RENDERED = /\.(md|mdx|markdown)$/i;

export function repositoryPath(file: string, repoPath = ""): string | null {
  const joined = posix.normalize(posix.join(repoPath || ".", file));
  if (joined === "." || joined.startsWith("../") || joined === ".." || posix.isAbsolute(joined)) return null;
  return joined;
}

export function fileUrl(prefix: string, file: string, line: number | null, repoPath = ""): string | null {
  const path = repositoryPath(file, repoPath);
  if (path === null) return null;
  const base = prefix.endsWith("/") ? prefix : `${prefix}/`;
  // parentheses too, so the URL can stand in a Markdown link as is
  const encoded = path.split("/").map((seg) => encodeURIComponent(seg).replace(/[()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)).join("/");
  if (line === null) return base + encoded;
  return `${base}${encoded}${RENDERED.test(path) ? "?plain=1" : ""}#L${line}`;
}

/** The blob URL of a GitHub Actions run's repository at `sha` (default: the run's commit); null outside Actions. */
export function githubLinkBase(env: Record<string, string | undefined>, sha?: string | null): string | null {
  const { GITHUB_ACTIONS, GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA } = env;
  const rev = sha || GITHUB_SHA;
  if (GITHUB_ACTIONS !== "true" || !GITHUB_SERVER_URL || !GITHUB_REPOSITORY || !rev) return null;
  return `${GITHUB_SERVER_URL.replace(/\/+$/, "")}/${GITHUB_REPOSITORY}/blob/${rev}/`;
}

/** The same blob URL at another revision (`…/blob/<rev>/`, GitLab `…/-/blob/<rev>/`, Bitbucket `…/src/<rev>/`); null when the URL has no revision segment. */
export function atRevision(linkBase: string, rev: string): string | null {
  const m = /^(.*\/(?:blob|src)\/)[^/]+\/?$/.exec(linkBase);
  return m ? `${m[1]}${rev}/` : null;
}
