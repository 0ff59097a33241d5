/* Jest transform for the ESM-only packages the API uses (jose v6): Node ≥ 20.19 require()s them at
 * run time, but jest's module system does not, so their files are turned into CommonJS here.
 * ES2022 keeps class fields native (a lower target moves them before super() and breaks jose's errors). */
const { createHash } = require('node:crypto');
const ts = require('typescript');

const compilerOptions = {
  allowJs: true,
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  inlineSourceMap: true,
  inlineSources: true,
};

module.exports = {
  process(source, filename) {
    return { code: ts.transpileModule(source, { fileName: filename, compilerOptions }).outputText };
  },
  getCacheKey(source, filename) {
    return createHash('sha256').update(`esm-to-commonjs-1\0${ts.version}\0${filename}\0${source}`).digest('hex');
  },
};
