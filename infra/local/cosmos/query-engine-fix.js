// @zeit/cosmosdb-query (the engine inside @vercel/cosmosdb-server 1.0.1) builds each query's row set with
// `reduce(($, row) => [...$, row], [])`, which is quadratic: 100k documents took ~54 s per query. This rewrites
// every generated `[...$, a, ...b]` into `($.push(a, ...b), $)` before the query is compiled, making it linear.
"use strict";
const path = require("path");

const serverDir = path.dirname(require.resolve("@vercel/cosmosdb-server/package.json"));
const engineDir = path.dirname(require.resolve("@zeit/cosmosdb-query/package.json", { paths: [serverDir] }));
const transformer = require(path.join(engineDir, "lib/transformer")).default;
const generate = require(require.resolve("@babel/generator", { paths: [engineDir] })).default;
const makeQuery = require(engineDir).default;

const identifier = (name) => ({ type: "Identifier", name });

function linearise(node) {
  if (!node || typeof node !== "object") return node;
  if (Array.isArray(node)) return node.map(linearise);
  for (const key of Object.keys(node)) if (key !== "loc") node[key] = linearise(node[key]);
  const [first, ...rest] = node.type === "ArrayExpression" ? node.elements : [];
  const spreadsAccumulator = first && first.type === "SpreadElement" && first.argument.type === "Identifier" && first.argument.name === "$";
  if (!spreadsAccumulator) return node;
  return {
    type: "SequenceExpression",
    expressions: [
      { type: "CallExpression", callee: { type: "MemberExpression", object: identifier("$"), property: identifier("push"), computed: false }, arguments: rest },
      identifier("$"),
    ],
  };
}

const queryPrototype = Object.getPrototypeOf(makeQuery("SELECT * FROM c"));
Object.defineProperty(queryPrototype, "code", {
  configurable: true,
  get() {
    if (!this._code) this._code = generate(linearise(transformer(this.ast))).code;
    return this._code;
  },
});
