// The one thing the HTML parser takes from cheerio, `load(html, options, isDocument).root()[0]`: the
// parse5 document with domhandler nodes and source locations. Loaded on the first HTML page, not at
// start-up, so `portflow extract` on a Markdown file never pays for it. The pipeline is synchronous,
// so the module is required: cheerio ships a CommonJS build of the same code.
//
// `load(...).root()[0]` is exactly cheerio's parse5 adapter applied to the text (cheerio/dist/*/load.js:
// flattenOptions adds `_useHtmlParser2: false`, then parseWithParse5). That adapter is required by
// itself: the package index also builds the whole query API (css-select, htmlparser2, ...) and an
// HTTP client (undici), together ~8× the start-up cost of parse5. Should the file move, the package
// is used as a whole.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

type Parse5Adapter = (content: string, options: Record<string, unknown>, isDocument: boolean, context: null) => unknown;
type Loaded = (content: string, options: { sourceCodeLocationInfo: boolean }, isDocument: boolean) => { root(): ArrayLike<unknown> };

let loaded: Loaded | undefined;

function cheerioLoad(): Loaded {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const main = require.resolve("cheerio"); // …/cheerio/dist/commonjs/index.js
    try {
      const adapter = (require(join(dirname(main), "parsers", "parse5-adapter.js")) as { parseWithParse5: Parse5Adapter }).parseWithParse5;
      loaded = (content, options, isDocument) => {
        const root = adapter(content, { _useHtmlParser2: false, ...options }, isDocument, null);
        return { root: () => [root] };
      };
    } catch {
      loaded = (require("cheerio") as { load: Loaded }).load;
    }
  }
  return loaded;
}

export function load(content: string, options: { sourceCodeLocationInfo: boolean }, isDocument: boolean): { root(): ArrayLike<unknown> } {
  return cheerioLoad()(content, options, isDocument);
}
