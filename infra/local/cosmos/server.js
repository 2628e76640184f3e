// Local Cosmos DB (NoSQL) stand-in: @vercel/cosmosdb-server 1.0.1 with the fixes the .NET SDK (Gateway mode)
// needs, and persistence so that a restart loses nothing.
//
//   node server.js --port 8081 --data-dir ../../../.local/cosmos [--host 127.0.0.1]
//
// Fixes, each wrapping one of the library's route handlers before its router loads them:
//  - query plans: the .NET SDK asks the gateway for a plan (x-ms-cosmos-is-query-plan-request); the library
//    answered with documents. We answer with a pass-through plan over the one partition key range, so the
//    library's own engine runs ORDER BY, TOP and aggregates.
//  - partition-scoped queries: a query carrying x-ms-documentdb-partitionkey was not filtered by partition.
//  - a read of a missing document crashed with 500; it is a 404, as in Cosmos DB.
//  - the change feed (A-IM: Incremental feed) returned everything every time; it is incremental, ordered by a
//    write sequence (_lsn) stamped on every document write.
//  - the query engine was quadratic in the number of documents (query-engine-fix.js).
// Persistence: every change to a database, container or document is appended to a journal as it happens
// (synchronous writes, so a kill -9 of this process loses nothing the client was told succeeded); at start-up
// the journal is replayed and compacted.
"use strict";
const fs = require("fs");
const path = require("path");
require("./query-engine-fix");

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const port = parseInt(option("port", process.env.COSMOS_PORT || "8081"), 10);
const host = option("host", "127.0.0.1");
const dataDir = path.resolve(option("data-dir", process.env.COSMOS_DATA_DIR || ".cosmos-data"));

const serverDir = path.dirname(require.resolve("@vercel/cosmosdb-server/package.json"));
const lib = (p) => require(path.join(serverDir, "lib", p));
const Items = lib("account/items").default;
const Databases = lib("account/databases").default;
const Collections = lib("account/collections").default;
const Documents = lib("account/documents").default;
const json = lib("json").default;
const readItems = lib("handler/_read-items").default;
const getValue = lib("utils/get-value").default;

// ---------------------------------------------------------------- persistence
fs.mkdirSync(dataDir, { recursive: true });
const journalPath = path.join(dataDir, "journal.ndjson");
let journal = null; // fd; null while replaying
let lsn = 0; // global write sequence for the change feed

function record(entry) {
  if (journal !== null) fs.writeSync(journal, JSON.stringify(entry) + "\n");
}

// Items.create assigns _rid from a per-collection counter: a replayed store must continue that counter.
function restoreCounter(items, count) {
  if (typeof count === "number" && count > items._ridCount) items._ridCount = count;
}

Databases.prototype._set = function (data) {
  const result = Items.prototype._set.call(this, data);
  record({ t: "db", rc: this._ridCount, data: result });
  return result;
};
Databases.prototype.delete = function (id, partition) {
  Items.prototype.delete.call(this, id, partition);
  record({ t: "db-", id });
};
Collections.prototype._set = (function (collectionsSet) {
  return function (data) {
    const result = collectionsSet.call(this, data);
    const dbId = this._parent.read().id;
    this._data.get(result._rid)._dbId = dbId;
    record({ t: "coll", db: dbId, rc: this._ridCount, data: result });
    return result;
  };
})(Collections.prototype._set);
Collections.prototype.delete = function (id, partition) {
  Items.prototype.delete.call(this, id, partition);
  record({ t: "coll-", db: this._parent.read().id, id });
};
Documents.prototype._set = function (data) {
  if (journal !== null) data._lsn = ++lsn;
  const result = Items.prototype._set.call(this, data);
  record({ t: "doc", db: this._parent._dbId, coll: this._parent.read().id, rc: this._ridCount, data: result });
  return result;
};
Documents.prototype.delete = function (id, partition) {
  Items.prototype.delete.call(this, id, partition);
  record({ t: "doc-", db: this._parent._dbId, coll: this._parent.read().id, id, partition });
};

function replay(account) {
  const lines = fs.existsSync(journalPath) ? fs.readFileSync(journalPath, "utf8").split("\n") : [];
  let applied = 0;
  for (const line of lines) {
    if (!line.trim()) continue;
    let e;
    try { e = JSON.parse(line); } catch { continue; } // a torn last line from a crash mid-write
    const db = e.db !== undefined ? account.database(e.db) : null;
    const coll = e.coll !== undefined && db ? db.collection(e.coll) : null;
    switch (e.t) {
      case "db": account.databases._set(e.data); restoreCounter(account.databases, e.rc); break;
      case "db-": if (account.database(e.id).read()) account.databases.delete(e.id, e.id); break;
      case "coll": db.collections._set(e.data); restoreCounter(db.collections, e.rc); break;
      case "coll-": if (db.collection(e.id).read()) db.collections.delete(e.id, e.id); break;
      case "doc":
        coll.documents._set(e.data);
        restoreCounter(coll.documents, e.rc);
        lsn = Math.max(lsn, e.data._lsn || 0);
        break;
      case "doc-": if (coll && coll.document(e.id, e.partition).read()) coll.documents.delete(e.id, e.partition); break;
    }
    applied++;
  }
  // Compact: rewrite the journal as the current state, then swap it in atomically.
  const compacted = journalPath + ".compacting";
  const fd = fs.openSync(compacted, "w");
  const write = (entry) => fs.writeSync(fd, JSON.stringify(entry) + "\n");
  let documents = 0;
  for (const dbItem of account.databases._data.values()) {
    const dbData = dbItem.read();
    write({ t: "db", rc: account.databases._ridCount, data: dbData });
    for (const collItem of dbItem.collections._data.values()) {
      write({ t: "coll", db: dbData.id, rc: dbItem.collections._ridCount, data: collItem.read() });
      for (const docItem of collItem.documents._data.values()) {
        write({ t: "doc", db: dbData.id, coll: collItem.read().id, rc: collItem.documents._ridCount, data: docItem.read() });
        documents++;
      }
    }
  }
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(compacted, journalPath);
  journal = fs.openSync(journalPath, "a");
  console.log(`cosmos stand-in: replayed ${applied} journal entries, ${documents} documents`);
}

// Capture the account the server creates once it listens, and restore it before the first request.
const accountModule = lib("account/index");
const BaseAccount = accountModule.default;
accountModule.default = class PersistentAccount extends BaseAccount {
  constructor(...args) {
    super(...args);
    replay(this);
  }
};

// ---------------------------------------------------------------- protocol fixes
const isTrue = (v) => (Array.isArray(v) ? v : [v]).some((x) => typeof x === "string" && x.toLowerCase() === "true");
const documentsOf = (collection) => [...collection.documents._data.values()].map((item) => item.read());

function partitionFilter(collection, header) {
  const paths = ((collection.read() || {}).partitionKey || {}).paths || [];
  let values;
  try { values = JSON.parse(header); } catch { return null; }
  if (!Array.isArray(values) || !paths.length) return null;
  const keys = paths.map((p) => p.slice(1).split("/"));
  const isNone = (v) => v && typeof v === "object" && !Object.keys(v).length; // PartitionKey.None is sent as {}
  return (doc) => keys.every((k, i) => values[i] === undefined || (isNone(values[i]) ? getValue(k, doc) === undefined : getValue(k, doc) === values[i]));
}

const QUERY_PLAN = {
  partitionedQueryExecutionInfoVersion: 2,
  queryInfo: {
    distinctType: "None", top: null, offset: null, limit: null, orderBy: [], orderByExpressions: [],
    groupByExpressions: [], groupByAliases: [], aggregates: [], groupByAliasToAggregateType: {},
    rewrittenQuery: "", hasSelectValue: false, dCountInfo: null, hasNonStreamingOrderBy: false,
  },
  queryRanges: [{ min: "", max: "FF", isMinInclusive: true, isMaxInclusive: false }],
};

const queryDocuments = lib("handler/query-documents");
const libraryQuery = queryDocuments.default;
queryDocuments.default = async (account, req, res, params) => {
  if (isTrue(req.headers["x-ms-cosmos-is-query-plan-request"])) {
    await json(req).catch(() => null);
    return QUERY_PLAN;
  }
  const header = req.headers["x-ms-documentdb-partitionkey"];
  if (!header) return libraryQuery(account, req, res, params);
  return readItems(req, res, "Documents", async ({ continuation, maxItemCount }) => {
    const body = await json(req);
    const collection = account.database(params.dbId).collection(params.collId);
    const definition = collection.read();
    if (!definition) return null;
    const filter = partitionFilter(collection, header);
    const docs = filter ? documentsOf(collection).filter(filter) : documentsOf(collection);
    try {
      return collection.documents._getQuery(body.query).exec(docs, {
        parameters: body.parameters, udf: collection.documents._userDefinedFunctions(), maxItemCount, continuation,
        compositeIndexes: (definition.indexingPolicy && definition.indexingPolicy.compositeIndexes) || [],
      });
    } catch (err) {
      if (err.name === "SyntaxError") throw err;
      res.statusCode = 400;
      return { result: undefined, code: "BadRequest", message: err.message };
    }
  });
};

const readDocument = lib("handler/read-document");
const libraryRead = readDocument.default;
readDocument.default = (account, req, res, params) => {
  try {
    return libraryRead(account, req, res, params);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    res.statusCode = 404;
    return { code: "NotFound", message: "Entity with the specified id does not exist in the system." };
  }
};

const readDocuments = lib("handler/read-documents");
const libraryReadAll = readDocuments.default;
readDocuments.default = async (account, req, res, params) => {
  if (!req.headers["a-im"]) return libraryReadAll(account, req, res, params);
  const collection = account.database(params.dbId).collection(params.collId);
  if (!collection.read()) { res.statusCode = 404; return {}; }
  const ifNoneMatch = req.headers["if-none-match"];
  let from = 0;
  if (ifNoneMatch === "*") from = lsn;
  else if (ifNoneMatch && /^"?\d+"?$/.test(ifNoneMatch)) from = parseInt(ifNoneMatch.replace(/"/g, ""), 10);
  const max = parseInt(req.headers["x-ms-max-item-count"] || "100", 10) || 100;
  const header = req.headers["x-ms-documentdb-partitionkey"];
  const filter = header ? partitionFilter(collection, header) : null;
  let changes = documentsOf(collection).filter((d) => (d._lsn || 0) > from && (!filter || filter(d))).sort((a, b) => a._lsn - b._lsn);
  if (max > 0 && changes.length > max) changes = changes.slice(0, max);
  const etag = changes.length ? changes[changes.length - 1]._lsn : Math.max(from, lsn);
  res.changeFeed = { status: changes.length ? 200 : 304, etag: `"${etag}"` };
  res.setHeader("x-ms-item-count", String(changes.length));
  return { Documents: changes, _count: changes.length };
};

// ---------------------------------------------------------------- server
const { createHttpsServer } = require("@vercel/cosmosdb-server"); // its router loads the wrapped handlers now
const server = createHttpsServer({ keepAlive: true });
server.keepAliveTimeout = 60000;
// The library forces etag "1" on every change-feed answer; put the real status and etag back just before sending.
server.prependListener("request", (req, res) => {
  const end = res.end;
  res.end = function (...args) {
    if (res.changeFeed && !res.headersSent) {
      res.statusCode = res.changeFeed.status;
      res.setHeader("etag", res.changeFeed.etag);
    }
    return end.apply(this, args);
  };
});
server.listen(port, host, () => console.log(`cosmos stand-in listening on https://${host}:${port}/ (data in ${dataDir}, pid ${process.pid})`));

function stop() {
  server.close();
  if (journal !== null) { fs.fsyncSync(journal); fs.closeSync(journal); journal = null; }
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
