// Compile GOV.UK Frontend from its Sass with Dart Sass into static/build/ (not committed).
// Arial only: no GDS Transport, no crown, no GOV.UK assets; the service is not on GOV.UK.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const out = join(here, "build");
mkdirSync(out, { recursive: true });

const result = sass.compile(join(here, "scss", "app.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin", "slash-div"],
});
writeFileSync(join(out, "app.css"), result.css);

const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
// The bundle's source map is not shipped: drop its reference so collectstatic's manifest
// (which follows sourceMappingURL) does not look for a file that is not there.
const bundle = readFileSync(join(govuk, "all.bundle.js"), "utf8").replace(
  /\n\/\/# sourceMappingURL=.*\s*$/,
  "\n",
);
writeFileSync(join(out, "govuk-frontend.js"), bundle);

// alphagov's accessible-autocomplete (the person and child choosers): its script as shipped,
// its styles after GOV.UK Frontend's in app.css (one stylesheet; CSP allows only our origin).
const autocomplete = join(root, "node_modules", "accessible-autocomplete", "dist");
const withoutMap = (text) => text.replace(/\n?\/[/*]# sourceMappingURL=[^\n]*\s*$/, "\n");
writeFileSync(
  join(out, "accessible-autocomplete.js"),
  withoutMap(readFileSync(join(autocomplete, "accessible-autocomplete.min.js"), "utf8")),
);
const autocompleteCss = withoutMap(
  readFileSync(join(autocomplete, "accessible-autocomplete.min.css"), "utf8"),
);
writeFileSync(join(out, "app.css"), result.css + "\n" + autocompleteCss);
console.log(
  `static/build: app.css (${result.css.length + autocompleteCss.length} bytes), ` +
    "govuk-frontend.js, accessible-autocomplete.js",
);
