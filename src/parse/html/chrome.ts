// Site chrome: navigation, headers and footers, breadcrumbs, search forms, skip links, account menus,
// sidebars and tables of contents. Judged by element, ARIA role, and the words of class and id
// ("article-sidebar", "MCBreadcrumbsBox_0", "toc-container"), never by text length or link density,
// so a link-dense port table is never mistaken for navigation.
import { type DomElement, textNodesOf } from "./dom.js";
import { isPageIndexLabel } from "../text/labels.js";

/** Never content: their text is code, styling, or widgets. */
export const REMOVED = new Set([
  "script", "style", "noscript", "template", "svg", "math", "button", "input", "select", "textarea", "option",
  "iframe", "object", "embed", "canvas", "head", "link", "meta", "dialog",
]);

const CHROME_TAGS = new Set(["nav", "aside", "form"]);
/** Site header and footer; inside the article container a <header> holds the topic title instead. */
const PAGE_FRAME_TAGS = new Set(["header", "footer"]);
const CHROME_ROLES = new Set(["navigation", "search", "menu", "menubar", "toolbar", "complementary", "tablist", "dialog", "alertdialog"]);
const PAGE_FRAME_ROLES = new Set(["banner", "contentinfo"]);

const CHROME_WORDS = new Set([
  "nav", "navbar", "navigation", "sidenav", "topnav", "navlinks", "breadcrumb", "breadcrumbs", "crumbs", "sidebar",
  "toc", "toolbar", "menu", "menubar", "submenu", "masthead", "search", "searchbar", "searchbox", "skip",
  "skiplink", "account", "login", "cookie", "cookies", "pagination", "pager", "share", "social", "feedback",
  // help-center furniture around the article: author and date lines, votes, related and recent
  // articles, comments, attachments, announcement bars, consent dialogs
  "meta", "metadata", "lastmod", "votes", "vote", "rating", "helpful", "related", "recent", "relatives", "comments",
  "comment", "subscribe", "attachments", "announcement", "announce", "consent", "likes", "labels", "tags",
]);
const PAGE_FRAME_WORDS = new Set(["header", "footer", "banner"]);
/** Words that name a chrome element anywhere in a class ("skip-to-main", "MCBreadcrumbsBox"). */
const ALWAYS_CHROME_WORDS = new Set(["skip", "skiplink", "breadcrumb", "breadcrumbs", "cookie", "cookies", "cookiebot", "onetrust"]);
/** Trailing words that say where or how, not what ("sidebar-left", "toc-container"). */
const GENERIC_WORDS = new Set([
  "box", "container", "wrapper", "wrap", "area", "region", "block", "section", "panel", "holder", "outer", "inner",
  "inside", "list", "links", "bar", "items", "left", "right", "top", "bottom", "primary", "secondary", "main",
  "mobile", "desktop", "mc", "js", "ui", "articles", "title", "heading", "content", "text", "controls", "question",
  "answer", "response", "count", "group", "link", "icon", "button", "sdk",
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
    String.raw`(?:(?:account|settings|account settings|log ?out|log ?in|sign (?:in|out)|my profile)\s*)+|` +
    // page actions and page furniture that generators print as plain paragraphs
    String.raw`edit this page|view (?:page )?source|print entire section|create (?:documentation|child page|project) issue|` +
    String.raw`last (?:updated|modified|reviewed|published)\b.{0,120}|(?:updated|modified|published|reviewed)` +
    String.raw`(?:(?: on)?:? (?:[a-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [a-z]{3,9}\.? \d{4}|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d+ \w+ ago)` +
    String.raw`(?: \d{1,2}:\d{2}(?: ?[ap]m)?)?)?|` +
    String.raw`(?:was this (?:page|article|topic) helpful|did this (?:article )?answer your question)\??.*|` +
    String.raw`\d+ out of \d+ found this helpful|have more questions\?.*|(?:return|back) to top|on this page|in this article|` +
    String.raw`open topic with navigation|follow|print|share|feedback)$`,
  "i",
);

export function isChromeText(text: string): boolean {
  return text.length <= 200 && (CHROME_TEXT.test(text.replace(/\s+/g, " ").trim()) || isPageIndexLabel(text));
}

// Heading permalinks ("¶", "#", "🔗", an empty hash link with an icon) and footnote back-references
// ("↩"): links to a place on the page whose text is only a symbol. A footnote reference ("1", "*")
// has a character a reader reads, so it stays.
const PERMALINK_TEXT = /^[\s\u200b\u00b6\u00a7#\u21a9\u21aa\u2191\ufe0e\u{1F517}\u2693^]*$/u;

export function isPermalink(el: DomElement): boolean {
  if (el.name !== "a" || !(el.attribs.href ?? "").startsWith("#")) return false;
  return PERMALINK_TEXT.test(textNodesOf(el).map((t) => t.data).join(""));
}

const ADMONITION_WORDS = new Set([
  "admonition", "alert", "callout", "note", "notice", "tip", "hint", "warning", "caution", "important", "danger",
]);
const ADMONITION_ROLES = new Set(["alert", "note", "status"]);
/** How far up a heading's admonition box may sit ("alert > h4", "admonition > div > h5"). */
const ADMONITION_REACH = 3;

/** A heading that titles a note or warning box ("Warning" in an alert) names the box, not a section. */
export function inAdmonition(el: DomElement, stop: DomElement | null): boolean {
  let p = el.parent;
  for (let i = 0; i < ADMONITION_REACH && p && p !== stop && "attribs" in p; i++, p = p.parent) {
    const box = p as DomElement;
    if (ADMONITION_ROLES.has(box.attribs.role ?? "")) return true;
    const words = (box.attribs.class ?? "").split(/\s+/).flatMap(splitWords);
    if (words.some((w) => ADMONITION_WORDS.has(w))) return true;
  }
  return false;
}

/** A list whose every item is only a link to a place on the page: an in-page table of contents
 * ("In this article"), which repeats the headings. */
export function isInPageIndex(list: DomElement): boolean {
  return linkList(list, (href) => href.startsWith("#") && href !== "#", 2);
}

// Headings of the link lists that close an article and point elsewhere.
const RELATED_HEADING = /^(?:related(?: articles| topics| links| information| content| pages)?|see also|recently viewed(?: articles)?|further reading|more resources|additional resources)$/i;

/** A list of links only, under a "Related articles" / "See also" heading: titles of other pages. */
export function isRelatedLinks(list: DomElement, heading: string | undefined): boolean {
  return heading !== undefined && RELATED_HEADING.test(heading.trim()) && linkList(list, () => true, 1);
}

/** Every word of the list sits in a link whose href passes, and there are `min` links or more. */
function linkList(list: DomElement, accept: (href: string) => boolean, min: number): boolean {
  let links = 0;
  const stack: DomElement[] = [list];
  while (stack.length) {
    const el = stack.pop()!;
    for (const child of el.children) {
      if (child.type === "text") {
        if (/\S/.test((child as unknown as { data: string }).data)) return false;
      } else if ("attribs" in child && child.type === "tag") {
        const c = child as DomElement;
        if (c.name === "a" && c.attribs.href !== undefined && accept(c.attribs.href)) links++;
        else stack.push(c);
      }
    }
  }
  return links >= min;
}
