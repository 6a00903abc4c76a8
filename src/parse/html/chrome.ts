// Site chrome: navigation, headers and footers, breadcrumbs, search forms, skip links, account menus,
// sidebars and tables of contents. Judged by element, ARIA role, and the words of class and id
// ("article-sidebar", "MCBreadcrumbsBox_0", "toc-container"), never by text length or link density,
// so a link-dense port table is never mistaken for navigation.
import type { DomElement } from "./dom.js";

/** Never content: their text is code, styling, or widgets. */
export const REMOVED = new Set([
  "script", "style", "noscript", "template", "svg", "math", "button", "input", "select", "textarea", "option",
  "iframe", "object", "embed", "canvas", "head", "link", "meta", "dialog",
]);

const CHROME_TAGS = new Set(["nav", "aside", "form"]);
/** Site header and footer; inside the article container a <header> holds the topic title instead. */
const PAGE_FRAME_TAGS = new Set(["header", "footer"]);
const CHROME_ROLES = new Set(["navigation", "search", "menu", "menubar", "toolbar", "complementary", "tablist"]);
const PAGE_FRAME_ROLES = new Set(["banner", "contentinfo"]);

const CHROME_WORDS = new Set([
  "nav", "navbar", "navigation", "sidenav", "topnav", "navlinks", "breadcrumb", "breadcrumbs", "crumbs", "sidebar",
  "toc", "toolbar", "menu", "menubar", "submenu", "masthead", "search", "searchbar", "searchbox", "skip",
  "skiplink", "account", "login", "cookie", "cookies", "pagination", "pager", "share", "social", "feedback",
]);
const PAGE_FRAME_WORDS = new Set(["header", "footer", "banner"]);
/** Words that name a chrome element anywhere in a class ("skip-to-main", "MCBreadcrumbsBox"). */
const ALWAYS_CHROME_WORDS = new Set(["skip", "skiplink", "breadcrumb", "breadcrumbs"]);
/** Trailing words that say where or how, not what ("sidebar-left", "toc-container"). */
const GENERIC_WORDS = new Set([
  "box", "container", "wrapper", "wrap", "area", "region", "block", "section", "panel", "holder", "outer", "inner",
  "inside", "list", "links", "bar", "items", "left", "right", "top", "bottom", "primary", "secondary", "main",
  "mobile", "desktop", "mc", "js", "ui",
]);
/** "layout-with-sidebar" describes a layout, not a sidebar. */
const LAYOUT_PREPOSITIONS = new Set(["with", "has", "no", "without", "show", "hide"]);
/** Notes and warnings are sometimes <aside>: they are content. */
const ADMONITION = /\b(?:note|tip|warning|caution|important|admonition|callout|alert|info|danger)\b/i;

/**
 * Whether an element is site chrome. `inArticle`: walking inside the chosen article container, where
 * <header>/<footer> frame the topic (its title, its last-updated line) rather than the site.
 */
export function isChrome(el: DomElement, inArticle: boolean): boolean {
  const a = el.attribs;
  const classWords = `${a.class ?? ""} ${a.id ?? ""}`;
  if (el.name === "aside" && ADMONITION.test(classWords)) return false;
  if (CHROME_TAGS.has(el.name)) return true;
  if (!inArticle && PAGE_FRAME_TAGS.has(el.name)) return true;
  const role = a.role?.toLowerCase();
  if (role && (CHROME_ROLES.has(role) || (!inArticle && PAGE_FRAME_ROLES.has(role)))) return true;
  if (a["aria-label"] && /breadcrumb/i.test(a["aria-label"])) return true;
  return classWords.trim() !== "" && namesChrome(classWords, inArticle);
}

function namesChrome(classAndId: string, inArticle: boolean): boolean {
  for (const token of classAndId.split(/\s+/)) {
    if (!token) continue;
    const words = splitWords(token);
    if (words.some((w) => ALWAYS_CHROME_WORDS.has(w))) return true;
    let end = words.length;
    while (end > 0 && (GENERIC_WORDS.has(words[end - 1]!) || /^\d+$/.test(words[end - 1]!))) end--;
    const head = words[end - 1];
    if (head === undefined || LAYOUT_PREPOSITIONS.has(words[end - 2] ?? "")) continue;
    if (CHROME_WORDS.has(head) || (!inArticle && PAGE_FRAME_WORDS.has(head))) return true;
  }
  return false;
}

/** "MCBreadcrumbsBox_0" → mc, breadcrumbs, box, 0; "article-sidebar" → article, sidebar. */
function splitWords(token: string): string[] {
  return token
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

// Paragraphs that are chrome whatever their markup: a safety net for unmarked skip links, breadcrumb
// prefixes, search widgets and account menus.
const CHROME_TEXT = new RegExp(
  String.raw`^(?:skip to (?:the )?(?:main )?content|you are here\b.*|filter:?(?: all files)?(?: submit search)?|submit search|` +
    String.raw`(?:(?:account|settings|account settings|log ?out|log ?in|sign (?:in|out)|my profile)\s*)+)$`,
  "i",
);

export function isChromeText(text: string): boolean {
  return text.length <= 200 && CHROME_TEXT.test(text.replace(/\s+/g, " ").trim());
}
