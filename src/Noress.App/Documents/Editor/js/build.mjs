// Bundles the editor for the browser: one minified ES module that Blazor imports.
// Usage: node build.mjs [outfile]
import { build } from "esbuild";

const outfile = process.argv[2] ?? "../../../wwwroot/js/documents-editor.js";
await build({
  entryPoints: ["src/editor.js"],
  bundle: true,
  format: "esm",
  minify: true,
  target: ["es2022"],
  legalComments: "eof",
  outfile,
  logLevel: "warning",
});
