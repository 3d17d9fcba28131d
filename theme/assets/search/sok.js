/* Protokollarkivet's search: the header box (instant results) and the search page (sok/?q=).
 *
 * The index is built by generator/search/ into sok/index/: a manifest, and packs of term chunks
 * (each term's best postings per field), posting tails and document blocks, each record read
 * alone by HTTP Range (the whole pack where the host ignores Range). Queries are analysed as the documents were, by the patterns and rules the manifest
 * carries (generator/search/query.py's browser_rules: nothing of them is copied here), word
 * terms run through lunr.sv's pipeline, and scores are lunr's: the query vector and the field
 * vectors are lunr.Vector objects, so lunr.js does the arithmetic. Results come out ordered by
 * score, then by document number.
 *
 * No request leaves the site; nothing here runs until a reader types or opens the page.
 */
(function () {
  "use strict";

  var PAGE = 10;
  var MAX_PREFIX_CHUNKS = 3, TYPING_PREFIX_CHUNKS = 2;
  var MAX_ROUNDS = 6, PER_ROUND = 4;
  var PHRASE_CHECKS = 64, PHRASE_BATCH = 16, MAX_PHRASE_CHECKS = 128;
  var TYPING_PAUSE_MS = 400;

  function config() {
    var node = document.getElementById("__config");
    var base = node ? JSON.parse(node.textContent).base : ".";
    return { base: base.replace(/\/$/, "") + "/" };
  }
  var BASE = config().base;
  /* The index's folder (generator/urls.py's SEARCH_INDEX_DIR): the one path its manifest cannot carry. */
  var INDEX = BASE + "sok/index/";

  /* lunr.js and lunr-languages are loaded on first use, not with every page. */
  var VENDOR = ["lunr.min.js", "lunr.stemmer.support.min.js", "lunr.sv.min.js"];
  var loading = null;
  function ready() {
    if (window.lunr && window.lunr.sv) return Promise.resolve();
    if (!loading) {
      loading = VENDOR.reduce(function (previous, name) {
        return previous.then(function () {
          return new Promise(function (resolve, reject) {
            var script = document.createElement("script");
            script.src = BASE + "assets/search/vendor/" + name;
            script.onload = resolve;
            script.onerror = function () { reject(new Error("kunde inte ladda " + name)); };
            document.head.appendChild(script);
          });
        });
      }, Promise.resolve());
    }
    return loading;
  }

  /* -- analysis ----------------------------------------------------------------------- */

  /* The manifest's rules, compiled once: the token, exact-token and diarienummer patterns (in
   * JavaScript's syntax, with their flags), the boosts and the prefix and relaxed forms' rules. */
  var compiled = new WeakMap();
  function rulesOf(manifest) {
    if (!compiled.has(manifest)) {
      var q = manifest.query;
      var regex = function (spec, more) { return new RegExp(spec[0], spec[1] + (more || "")); };
      compiled.set(manifest, {
        token: regex(q.token, "g"), exact: regex(q.exact), dnr: regex(q.dnr, "g"),
        dnrShapes: q.dnrShapes.map(function (shape) { return { pattern: regex(shape[0]), form: shape[1] }; }),
        phrase: regex(q.phrase, "g"), exclusion: regex(q.exclusion, "g"),
        boosts: q.boosts, minPrefix: q.minPrefix, relaxSuffixes: q.relaxSuffixes, minRelaxed: q.minRelaxed,
        synonyms: manifest.synonyms || []
      });
    }
    return compiled.get(manifest);
  }

  /* A printed diarienummer's normalised form, as generator/dnr.py's normalise makes it: the first
   * shape that matches, its series in capitals and its number without spaces. */
  function normaliseDnr(text, rules) {
    var plain = text.trim().split(/\s+/).join(" ");
    for (var i = 0; i < rules.dnrShapes.length; i++) {
      var m = rules.dnrShapes[i].pattern.exec(plain);
      if (m) {
        return rules.dnrShapes[i].form.replace(/\{(\w+)\}/g, function (_, name) {
          var part = m.groups[name];
          return name === "series" ? part.toUpperCase() : name === "number" ? part.replace(/\s+/g, "") : part;
        });
      }
    }
    return null;
  }

  function plainTokens(text, rules) {
    return text.toLowerCase().match(rules.token) || [];
  }

  function tokenize(text, rules) {
    var tokens = [], position = 0, match;
    rules.dnr.lastIndex = 0;
    while ((match = rules.dnr.exec(text)) !== null) {
      tokens = tokens.concat(plainTokens(text.slice(position, match.index), rules));
      var normalised = normaliseDnr(match[0], rules);
      tokens = tokens.concat(normalised ? [normalised.toLowerCase()] : plainTokens(match[0], rules));
      position = match.index + match[0].length;
    }
    return tokens.concat(plainTokens(text.slice(position), rules));
  }

  function isExact(token, rules) { return rules.exact.test(token); }

  var pipeline = null;
  function svPipeline() {
    if (!pipeline) {
      pipeline = new lunr.Pipeline();
      pipeline.add(lunr.sv.trimmer, lunr.sv.stopWordFilter, lunr.sv.stemmer);
    }
    return pipeline;
  }

  function relaxed(token, rules) {
    for (var i = 0; i < rules.relaxSuffixes.length; i++) {
      var suffix = rules.relaxSuffixes[i];
      if (token.endsWith(suffix) && token.length - suffix.length >= rules.minRelaxed) return token.slice(0, -suffix.length);
    }
    return null;
  }

  function stemOf(token) {
    var r = svPipeline().runString(token);
    return r.length && r[0] ? r[0] : null;
  }

  /* A query's forms, as query.py's parse reads them: phrases (their words searched too, a result
   * kept only where they stand in a row), excluded words, and the words searched. */
  function parse(text, rules) {
    var phrases = [];
    rules.phrase.lastIndex = 0;
    var rest = text.replace(rules.phrase, function (whole, inner) {
      var tokens = tokenize(inner, rules);
      /* (a phrase whose closing quote is not yet typed is `open`) */
      tokens.open = whole.length === inner.length + 1;
      if (tokens.length > 1) phrases.push(tokens);
      return " " + inner + " ";
    });
    var excluded = [];
    rest.replace(rules.exclusion, function (_, word) { excluded = excluded.concat(tokenize(word, rules)); return ""; });
    return { words: rest.replace(rules.exclusion, " "), phrases: phrases, excluded: excluded };
  }

  /* What a phrase compares: a word's stem (a small word as written), an exact token itself. */
  function phraseKey(token, rules) { return isExact(token, rules) ? token : (stemOf(token) || token); }

  function hasPhrase(text, phrase, rules) {
    var seq = tokenize(text, rules).map(function (t) { return phraseKey(t, rules); });
    var want = phrase.map(function (t) { return phraseKey(t, rules); });
    for (var i = 0; i + want.length <= seq.length; i++) {
      if (want.every(function (w, j) { return seq[i + j] === w; })) return true;
    }
    return false;
  }

  /* The index terms of a text in order (query.py's terms): what synonyms are matched against. */
  function termsOf(text, rules) {
    return tokenize(text, rules).map(function (t) { return isExact(t, rules) ? t : stemOf(t); }).filter(Boolean);
  }

  /* The terms a query also looks for: where a synonym group's member stands in a row in the
   * query's terms, the other members' terms (synonyms.py's expansions). */
  function expansions(queryTerms, groups) {
    var out = [];
    function holds(run) {
      for (var i = 0; i + run.length <= queryTerms.length; i++) {
        if (run.every(function (t, j) { return queryTerms[i + j] === t; })) return true;
      }
      return false;
    }
    groups.forEach(function (group) {
      group.forEach(function (member) {
        if (!holds(member)) return;
        group.forEach(function (other) {
          if (other === member) return;
          other.forEach(function (t) { if (queryTerms.indexOf(t) < 0 && out.indexOf(t) < 0) out.push(t); });
        });
      });
    });
    return out;
  }

  /* The clauses of a query, as the Python side builds them (generator/search/query.py's
   * query_clauses; a compound's parts are added by `search`, from the word's entry). */
  function clauses(text, manifest) {
    var rules = rulesOf(manifest), parsed = parse(text, rules);
    var out = wordClauses(parsed.words, manifest, rules);
    if (!out.length) return [];  /* exclusions alone leave nothing to rank */
    var every = manifest.fields.map(function (_, i) { return i; });
    var exactField = manifest.fields.findIndex(function (f) { return f[0] === manifest.exactField; });
    parsed.excluded.forEach(function (token) {
      var exact = isExact(token, rules);
      out.push({ term: token, fields: exact ? every : every.filter(function (i) { return i !== exactField; }),
                 usePipeline: !exact, prefix: false, prohibited: true });
    });
    return out;
  }

  function wordClauses(text, manifest, rules) {
    var boosts = rules.boosts;
    var fieldNumbers = manifest.fields.map(function (_, i) { return i; });
    var exact = manifest.fields.findIndex(function (f) { return f[0] === manifest.exactField; });
    var names = manifest.fields.findIndex(function (f) { return f[0] === manifest.namesField; });
    var words = fieldNumbers.filter(function (i) { return i !== exact; });
    var out = [], tokens = tokenize(text, rules);
    tokens.forEach(function (token) {
      if (isExact(token, rules)) {
        out.push({ term: token, fields: fieldNumbers, usePipeline: false, prefix: false, boost: boosts.exact });
        return;
      }
      out.push({ term: token, fields: words, usePipeline: true, prefix: false, boost: boosts.exact, word: true });
      var stem = stemOf(token);
      if (stem === null) return;
      /* Prefix clauses skip the pipeline (its trimmer would strip the wildcard), as in lunr. */
      if (stem.length >= rules.minPrefix) out.push({ term: stem, fields: words, usePipeline: false, prefix: true, boost: boosts.prefix });
      var shorter = relaxed(token, rules), shorterStem = shorter ? stemOf(shorter) : null;
      if (shorterStem && shorterStem !== stem && shorterStem.length >= rules.minPrefix) {
        out.push({ term: shorterStem, fields: words, usePipeline: false, prefix: true, boost: boosts.relaxed });
      }
    });
    var plain = tokens.filter(function (t) { return !isExact(t, rules); });
    for (var i = 0; i + 1 < plain.length; i++) {
      out.push({ term: plain[i] + " " + plain[i + 1], fields: [names], usePipeline: false, prefix: false, boost: boosts.pair });
    }
    expansions(termsOf(text, rules), rules.synonyms).forEach(function (term) {
      out.push({ term: term, fields: isExact(term, rules) ? fieldNumbers : words, usePipeline: false, prefix: false, boost: boosts.synonym });
    });
    return out;
  }

  /* -- direct hits (generator/search/direct.py) ---------------------------------------- */

  /* The keys a query may name, most specific first, as direct.py's keys reads them. */
  function directKeys(text, manifest) {
    var rules = rulesOf(manifest), d = manifest.direct;
    var regex = function (spec, more) { return new RegExp(spec[0], spec[1] + (more || "")); };
    var tokens = tokenize(text, rules), out = [];
    if (tokens.length === 1 && isExact(tokens[0], rules)) out.push("dnr:" + tokens[0]);
    var day = regex(d.date).exec(text), paragraph = regex(d.paragraph).exec(text);
    var rest = text.replace(regex(d.date, "g"), " ").replace(regex(d.paragraph, "g"), " ");
    var year = day ? null : regex(d.year).exec(rest);
    if (year) rest = rest.replace(regex(d.year, "g"), " ");
    var words = plainTokens(rest, rules).join(" ");
    var body = Object.prototype.hasOwnProperty.call(manifest.bodyNames, words) ? manifest.bodyNames[words] : null;
    var number = paragraph ? paragraph[1].split(" ").join("").toLowerCase() : null;
    if (body && number && (day || year)) out.push(body + "/" + (day || year)[1] + "/§" + number);
    if (body && day && !number) out.push(body + "/" + day[1]);
    if (day && !number && !words) out.push("day:" + day[1]);
    return out;
  }

  /* FNV-1a over the key's UTF-16 code units (direct.py's shard). */
  function shardOf(key, count) {
    var h = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) { h ^= key.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return h % count;
  }

  /* The one thing a query names, {label, url}, or null. A key holds [label, url], or the number
   * of the search document it leads to, whose facts give both (direct.py's compact and label). */
  function directHit(text, manifest) {
    var keys = directKeys(text, manifest), d = manifest.direct;
    if (!keys.length) return Promise.resolve(null);
    return Promise.all(keys.map(function (key) {
      return numbered(d.table, shardOf(key, d.shards)).then(function (found) {
        return Object.prototype.hasOwnProperty.call(found, key) ? found[key] : null;
      });
    })).then(function (found) {
      var hit = found.find(function (x) { return x !== null; });
      if (hit === undefined) return null;
      if (typeof hit !== "number") return { label: hit[0], url: hit[1] };
      return docs(manifest, [hit]).then(function (loaded) { return { label: directLabel(manifest, loaded[0]), url: loaded[0].url }; });
    });
  }

  function directLabel(manifest, d) {
    return manifest.types[d.type] === "möte" ? d.title : manifest.bodies[d.body][1] + " " + d.date + ", " + d.title;
  }

  /* -- "Menade du …?" ------------------------------------------------------------------ */

  /* Edit distance with transpositions (optimal string alignment), at most `most` + 1. */
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var rows = [], i, j;
    for (i = 0; i <= a.length; i++) { rows.push([i]); }
    for (j = 1; j <= b.length; j++) rows[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      var low = most + 1;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
        rows[i][j] = v;
        if (v < low) low = v;
      }
      if (low > most) return most + 1;
    }
    return rows[a.length][b.length];
  }

  /* The query with each word the archive does not hold replaced by the closest one it does
   * (the index's vocabulary, most frequent first, fetched only when nothing was found). */
  function closestQuery(query, manifest) {
    if (!manifest.vocabulary) return Promise.resolve(null);
    var rules = rulesOf(manifest);
    return fetchJSON(manifest.vocabulary).then(function (words) {
      var known = new Set(words), changed = false;
      var better = query.replace(rules.token, function (word) {
        var w = word.toLowerCase();
        if (isExact(w, rules) || w.length < 3 || known.has(w)) return word;
        var most = w.length < 6 ? 1 : 2, best = null, bestDistance = most + 1;
        for (var i = 0; i < words.length && bestDistance > 1; i++) {
          var d = distance(w, words[i], most);
          if (d < bestDistance) { best = words[i]; bestDistance = d; }
        }
        if (!best) return word;
        changed = true;
        return best;
      });
      return changed ? better : null;
    });
  }

  /* -- fetching ----------------------------------------------------------------------- */

  /* A fetch that tries again where the network failed (a phone between cells, a host's full
   * queue): twice, after half a second and a second and a half. An answer, even an error status,
   * is the host's word and is not asked again. */
  function get(url, init) {
    var waits = [500, 1500];
    function attempt() {
      return fetch(url, init).catch(function () {
        /* (the browser's own message is in English and names no cause) */
        if (!waits.length) throw new Error("sökindexet gick inte att hämta; kontrollera anslutningen och försök igen");
        var wait = waits.shift();
        return new Promise(function (resolve) { setTimeout(resolve, wait); }).then(attempt);
      });
    }
    return attempt();
  }

  /* The promise `make` gives, made once and kept in `store` under `key` while it may succeed: a
   * failed read is forgotten, so the next query reads again instead of failing for the rest of the
   * page's life. */
  function remembered(store, key, make) {
    if (!store[key]) {
      var promise = store[key] = make();
      promise.catch(function () { if (store[key] === promise) delete store[key]; });
    }
    return store[key];
  }

  var cache = {};
  function fetchJSON(path) {
    return remembered(cache, path, function () {
      return get(INDEX + path).then(function (r) {
        if (!r.ok) throw new Error("sökindexet saknas: " + path);
        return r.json();
      });
    });
  }

  /* -- packs (generator/search/packs.py) ------------------------------------------------ */

  /* Packs whose host sent them whole (it ignores Range): file -> promise of the file's bytes. */
  var whole = {}, records = {};

  /* (`no-store`: Chromium's HTTP cache lets one request for a URL at a time through, so the
   * records of one pack would be fetched one after another; the records read are kept here) */
  function ranged(file, start, end) {
    return get(INDEX + file, { headers: { Range: "bytes=" + start + "-" + (end - 1) }, cache: "no-store" }).then(function (r) {
      if (!r.ok) throw new Error("sökindexet saknas: " + file);
      return r.arrayBuffer().then(function (body) { return { partial: r.status === 206, body: body }; });
    });
  }

  /* Bytes [start, end) of a pack: a Range request, or a slice of the whole file where its host
   * sent that instead (reads already under way then fetch it too: a host without Range is a
   * preview's, and waiting for the first answer would cost every host a round trip). */
  function bytesOf(file, start, end) {
    if (whole[file]) return whole[file].then(function (body) { return body.slice(start, end); });
    return ranged(file, start, end).then(function (r) {
      if (r.partial) return r.body;
      whole[file] = Promise.resolve(r.body);
      return r.body.slice(start, end);
    });
  }

  /* A record's JSON. With a preset dictionary (generator/search/dictionary.py), which
   * DecompressionStream cannot be given, the dictionary goes first as a stored deflate block (five
   * bytes of header: not the last block, its length, the length's complement) and its bytes are
   * dropped from what comes out: the record's own blocks refer back into it as into a dictionary. */
  function inflate(buffer, dictionary) {
    var parts = [buffer], skip = 0;
    if (dictionary) {
      skip = dictionary.byteLength;
      parts = [new Uint8Array([0, skip & 255, skip >> 8, ~skip & 255, (~skip >> 8) & 255]), dictionary, buffer];
    }
    var stream = new Blob(parts).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (bytes) {
      return JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, skip)));
    });
  }

  /* The texts' dictionary the manifest names (fetched once, when a text is first read), or null. */
  var dictionaries = {};
  function textDictionary(manifest) {
    var path = manifest.textDictionary;
    if (!path) return Promise.resolve(null);
    return remembered(dictionaries, path, function () {
      return get(INDEX + path).then(function (r) {
        if (!r.ok) throw new Error("sökindexet saknas: " + path);
        return r.arrayBuffer();
      });
    });
  }

  /* A record by its address, `pack:offset:length`. */
  function record(manifest, address) {
    return remembered(records, address, function () {
      var at = address.split(":"), start = +at[1];
      return bytesOf(manifest.packs[at[0]], start, start + +at[2]).then(inflate);
    });
  }

  /* Record `number` of the packs a table lists ([first number, file, footer offset], ...): its
   * offsets from the pack's footer, then its bytes (inflated with `dictionary`, a promise of one,
   * where its records need one). */
  function numbered(table, number, dictionary) {
    var at = span(table, number);
    return remembered(records, at.key, function () {
      var bytes = at.then(function (where) { return bytesOf(where[0], where[1], where[2]); });
      return Promise.all([bytes, dictionary || null]).then(function (got) { return inflate(got[0], got[1]); });
    });
  }

  /* Where record `number` of footed packs is: a promise of [file, start, end] from its pack's
   * footer (`find` reads it ahead, while it fetches the facts it may need the record after). */
  var spans = {};
  function span(table, number) {
    var pack = table[locate(table, number)], file = pack[1], key = file + "#" + number;
    return remembered(spans, key, function () {
      var at = pack[2] + 4 * (number - pack[0]);
      var found = bytesOf(file, at, at + 8).then(function (offsets) {
        var view = new DataView(offsets);
        return [file, view.getUint32(0, true), view.getUint32(4, true)];
      });
      found.key = key;
      return found;
    });
  }

  /* Record `number` of slotted packs (the table's entries [first number, file, slot size]): its
   * slot at number × slot, in one read; a record too long for it is where the slot says. */
  function slotted(table, number) {
    var pack = table[locate(table, number)], file = pack[1], slot = pack[2], key = file + "#" + number;
    return remembered(records, key, function () {
      var at = slot * (number - pack[0]);
      return bytesOf(file, at, at + slot).then(function (bytes) {
        var view = new DataView(bytes), length = view.getUint16(0, true);
        if (length !== 0xFFFF) return bytes.slice(2, 2 + length);
        var start = view.getUint32(2, true);
        return bytesOf(file, start, start + view.getUint32(6, true));
      }).then(inflate);
    });
  }

  /* Index of the last entry of `sorted` (pairs [first term or number, ...]) whose first <= term. */
  function locate(sorted, term) {
    var lo = 0, hi = sorted.length - 1, found = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid][0] <= term) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }

  /* The chunk files that may hold `term` (or, for a prefix, any term starting with it, over at
   * most `most` chunks). */
  function chunkFiles(manifest, term, prefix, most) {
    var groups = manifest.groups, g = locate(groups, term), last = g;
    if (prefix) while (last + 1 < groups.length && last - g < 1 && groups[last + 1][0].startsWith(term)) last++;
    var loads = [];
    for (var i = g; i <= last; i++) loads.push(record(manifest, groups[i][1]));
    return Promise.all(loads).then(function (lists) {
      var chunks = [].concat.apply([], lists), c = locate(chunks, term), end = c;
      /* A short prefix can span many chunks; its expansion stops after `most` of them
       * (lunr would expand to every term: here a query never costs more than that). */
      if (prefix) while (end + 1 < chunks.length && end - c + 1 < most && chunks[end + 1][0].startsWith(term)) end++;
      return chunks.slice(c, end + 1).map(function (x) { return x[1]; });
    });
  }

  /* Index terms equal to `term`, or starting with it: [[term, entry], ...] in term order. */
  function expand(manifest, term, prefix, most) {
    return chunkFiles(manifest, term, prefix, most || MAX_PREFIX_CHUNKS).then(function (files) {
      return Promise.all(files.map(function (address) { return record(manifest, address); }));
    }).then(function (chunks) {
      var out = [];
      chunks.forEach(function (chunk) {
        Object.keys(chunk).forEach(function (t) {
          if (prefix ? t.startsWith(term) : t === term) out.push([t, chunk[t]]);
        });
      });
      return out.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
    });
  }

  /* -- scoring ------------------------------------------------------------------------ */

  /* A posting list as the files hold it (postings.py): base-64 digits of bits, six to a digit,
   * from each one's highest. The count of runs of one weight (Exp-Golomb), then per run its
   * weight (the first: the weight, Exp-Golomb of the manifest's postings.firstWeightOrder; then
   * its drop from the run before less one, of postings.dropOrder), its count less one
   * (Exp-Golomb), its first document and each next one's distance less one (Rice codes of
   * riceBits(docCount, count) low bits) -> [documents, weights], best first. */
  var DIGITS = {};
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("").forEach(function (c, i) { DIGITS[c] = i; });
  function riceBits(documents, count) {
    var mean = Math.floor(documents / (count + 1));
    return mean > 0 ? 31 - Math.clz32(mean) : 0;
  }
  function postingsOf(coded, manifest) {
    var documents = manifest.docCount, orders = manifest.postings, at = 0, end = 6 * coded.length;
    function bit() {
      if (at >= end) throw new Error("postingsOf: a list ends before its postings");
      var b = (DIGITS[coded.charAt(Math.floor(at / 6))] >> (5 - at % 6)) & 1;
      at++;
      return b;
    }
    function unary() { var zeros = 0; while (!bit()) zeros++; return zeros; }
    function number(width) { var v = 0; for (var i = 0; i < width; i++) v = v * 2 + bit(); return v; }
    function expGolomb(order) { var width = unary() + order; return Math.pow(2, width) + number(width) - Math.pow(2, order); }
    function rice(low) { return unary() * Math.pow(2, low) + number(low); }
    var docs = [], weights = [], weight = 0, runs = expGolomb(0) + 1;
    for (var run = 0; run < runs; run++) {
      weight = run === 0 ? expGolomb(orders.firstWeightOrder) : weight - expGolomb(orders.dropOrder) - 1;
      var count = expGolomb(0) + 1, low = riceBits(documents, count), doc = -1;
      for (var i = 0; i < count; i++) { doc += rice(low) + 1; docs.push(doc); weights.push(weight); }
    }
    return [docs, weights];
  }

  /* A (term, field) posting list, best weights first, fetched block by block. */
  function PostingList(manifest, termIndex, field, total, head, blocks) {
    var postings = postingsOf(head, manifest);
    this.manifest = manifest; this.termIndex = termIndex; this.field = field; this.total = total;
    this.docs = postings[0]; this.weights = postings[1]; this.blocks = blocks.slice();
  }
  PostingList.prototype.exhausted = function () { return this.blocks.length === 0; };
  PostingList.prototype.floor = function () {
    return this.exhausted() ? 0 : this.weights[this.weights.length - 1] / 1000;
  };
  PostingList.prototype.more = function () {
    var self = this;
    return record(this.manifest, this.blocks.shift()).then(function (coded) {
      var block = postingsOf(coded, self.manifest);
      self.docs = self.docs.concat(block[0]); self.weights = self.weights.concat(block[1]);
    });
  };

  /* A term's entry is [a list per field (field, postings' count, first postings coded, tail records),
   * and a compound's parts last]; a part is its text, or where it lies in the term: the
   * first part's number is how many characters the term begins with, a later part's where in the
   * term it begins, running to the end; characters as code points (files.py's parts_written). */
  function isFieldList(x) { return x.length === 4 && typeof x[2] === "string" && Array.isArray(x[3]); }
  function partsOf(term, entry) {
    var last = entry[entry.length - 1];
    if (isFieldList(last)) return null;
    var chars = Array.from(term);
    return last.map(function (p, i) { return typeof p === "string" ? p : (i === 0 ? chars.slice(0, p) : chars.slice(p)).join(""); });
  }

  /* Runs a query; resolves to {results: [{doc, score}], complete: bool, candidates}.
   * `limit` results are exact and in lunr's order; `accept(doc)` filters (facets). */
  function search(text, options) {
    var limit = options.limit || PAGE, accept = options.accept || function () { return true; };
    return Promise.all([ready(), fetchJSON("manifest.json")]).then(function (loaded) {
      var manifest = loaded[1], rules = rulesOf(manifest);
      var vectors = manifest.fields.map(function () { return new lunr.Vector(); });
      var lists = {}, excluded = [];
      function run(list) {
        var jobs = [];
        list.forEach(function (clause) {
          var terms = clause.usePipeline ? svPipeline().runString(clause.term) : [clause.term];
          terms.forEach(function (term) {
            if (!term) return;
            jobs.push(expand(manifest, term, clause.prefix, options.prefixChunks).then(function (expanded) {
              return { clause: clause, expanded: expanded };
            }));
          });
        });
        return Promise.all(jobs);
      }
      function add(found) {
        found.forEach(function (f) {
          f.expanded.forEach(function (pair) {
            /* (a vector's index is the term itself: lunr.Vector orders its indices by `<`) */
            var entry = pair[1], termIndex = pair[0];
            f.clause.fields.forEach(function (field) {
              vectors[field].upsert(termIndex, f.clause.boost, function (a, b) { return a + b; });
              var key = pair[0] + "/" + field;
              if (lists[key]) return;
              for (var i = 0; i < entry.length; i++) {
                if (isFieldList(entry[i]) && entry[i][0] === field) lists[key] = new PostingList(manifest, termIndex, field, entry[i][1], entry[i][2], entry[i][3]);
              }
            });
          });
        });
      }
      /* A compound's parts ride in its word's entry (`partsOf`). */
      function parts(found) {
        var out = [];
        found.forEach(function (f) {
          if (!f.clause.word) return;
          f.expanded.forEach(function (pair) {
            var x = partsOf(pair[0], pair[1]);
            if (x) x.forEach(function (t) { out.push({ term: t, fields: f.clause.fields, usePipeline: false, prefix: false, boost: rules.boosts.part, partOf: x }); });
          });
        });
        return out;
      }
      var all = clauses(text, manifest);
      var prohibited = all.filter(function (c) { return c.prohibited; });
      return Promise.all([run(all.filter(function (c) { return !c.prohibited; })), run(prohibited)]).then(function (found) {
        add(found[0]);
        var partClauses = parts(found[0]);
        all = all.concat(partClauses);
        return Promise.all([run(partClauses), excludedDocs(manifest, found[1])]);
      }).then(function (more) {
        add(more[0]);
        var out = more[1];
        var keep = out.size ? function (doc) { return !out.has(doc) && accept(doc); } : accept;
        var enough = holdsEnough(all);
        return rank(manifest, vectors, Object.values(lists), limit, keep, options.exhaustive, options.rounds, enough);
      });
    });
  }

  /* A query's results, its phrases checked on each candidate's title and text in rank order
   * (query.py's has_phrase) until the page is full and at least `phraseChecks` (PHRASE_CHECKS)
   * were checked, or `maxChecks` (MAX_PHRASE_CHECKS, none when exhaustive) were: each check costs
   * a result's text file, and a phrase that no candidate holds would otherwise fetch them all.
   * `whileTyping` (the header box): a phrase still open is searched as its words, unchecked. */
  function find(text, options) {
    return search(text, options).then(function (r) {
      var rules = rulesOf(r.manifest), phrases = parse(text, rules).phrases.filter(function (p) { return !(options.whileTyping && p.open); });
      if (!phrases.length) return r;
      var limit = options.limit || PAGE, kept = [], at = 0, pool = r.candidates;
      var least = options.phraseChecks === undefined ? PHRASE_CHECKS : options.phraseChecks;
      var most = options.exhaustive && !options.maxChecks ? Infinity : options.maxChecks || MAX_PHRASE_CHECKS;
      function holds(d) {
        return phrases.every(function (p) { return hasPhrase(d.title, p, rules) || (d.text !== undefined && hasPhrase(d.text, p, rules)); });
      }
      function next() {
        if (at >= pool.length || at >= most || (kept.length >= limit && at >= least)) {
          return { results: kept.slice(0, limit), candidates: kept, complete: r.complete && at >= pool.length, total: kept.length, manifest: r.manifest };
        }
        var batch = pool.slice(at, Math.min(at + PHRASE_BATCH, most));
        at += batch.length;
        /* (a title that holds the phrases spares fetching that result's text; where each text
         * is, is read meanwhile) */
        batch.forEach(function (x) { span(r.manifest.texts, Math.floor(x.doc / r.manifest.textBlock)); });
        return docs(r.manifest, batch.map(function (x) { return x.doc; })).then(function (loaded) {
          return addTexts(r.manifest, loaded.filter(function (d) { return !holds(d); })).then(function () {
            loaded.forEach(function (d, i) { if (holds(d)) kept.push(batch[i]); });
            return next();
          });
        });
      }
      return next();
    });
  }

  /* Documents' facts with each one's snippet text. */
  function withTexts(manifest, numbers) {
    return docs(manifest, numbers).then(function (loaded) { return addTexts(manifest, loaded); });
  }

  /* Loaded documents, each given its snippet text (texts come a block of documents to a file). */
  function addTexts(manifest, loaded) {
    return Promise.all(loaded.map(function (d) {
      var block = Math.floor(d.number / manifest.textBlock);
      return numbered(manifest.texts, block, textDictionary(manifest)).then(function (texts) {
        d.text = texts[d.number % manifest.textBlock]; return d;
      });
    }));
  }

  /* query.py's holds_enough: a result that only a compound's parts found is kept where it holds
   * all the parts of one compound. Returns a test of a result's fields, or null. */
  function holdsEnough(all) {
    var partClauses = all.filter(function (c) { return c.partOf; });
    if (!partClauses.length) return null;
    var own = all.filter(function (c) { return !c.prohibited && !c.partOf; }).map(function (c) {
      return { term: c.usePipeline ? stemOf(c.term) : c.term, prefix: c.prefix };
    }).filter(function (o) { return o.term; });
    return function (fields) {
      var matched = [];
      Object.keys(fields).forEach(function (field) {
        var e = fields[field].elements;
        for (var i = 0; i < e.length; i += 2) matched.push(e[i]);
      });
      if (matched.some(function (t) { return own.some(function (o) { return o.prefix ? t.startsWith(o.term) : t === o.term; }); })) return true;
      return partClauses.some(function (c) { return c.partOf.every(function (p) { return matched.indexOf(p) >= 0; }); });
    };
  }

  /* Every document that holds an excluded word in the clause's fields (its whole posting lists). */
  function excludedDocs(manifest, found) {
    var docsOut = new Set(), jobs = [];
    found.forEach(function (f) {
      f.expanded.forEach(function (pair) {
        var entry = pair[1];
        for (var i = 0; i < entry.length; i++) {
          if (!isFieldList(entry[i]) || f.clause.fields.indexOf(entry[i][0]) < 0) continue;
          postingsOf(entry[i][2], manifest)[0].forEach(function (d) { docsOut.add(d); });
          entry[i][3].forEach(function (block) {
            jobs.push(record(manifest, block).then(function (coded) { postingsOf(coded, manifest)[0].forEach(function (d) { docsOut.add(d); }); }));
          });
        }
      });
    });
    return Promise.all(jobs).then(function () { return docsOut; });
  }

  function rank(manifest, vectors, lists, limit, accept, exhaustive, maxRounds, enough) {
    if (maxRounds === undefined) maxRounds = MAX_ROUNDS;
    var magnitudes = vectors.map(function (v) { return v.magnitude(); });
    function bound(list) { return vectors[list.field].elements.length ? qWeight(list) * list.floor() / magnitudes[list.field] : 0; }
    function qWeight(list) {
      var e = vectors[list.field].elements;
      for (var i = 0; i < e.length; i += 2) if (e[i] === list.termIndex) return e[i + 1];
      return 0;
    }
    function score() {
      /* doc -> field -> lunr.Vector of the weights seen; lunr does the arithmetic. */
      var seen = new Map();
      lists.forEach(function (list) {
        for (var i = 0; i < list.docs.length; i++) {
          var doc = list.docs[i];
          if (!accept(doc)) continue;
          if (!seen.has(doc)) seen.set(doc, {});
          var fields = seen.get(doc);
          (fields[list.field] = fields[list.field] || new lunr.Vector()).insert(list.termIndex, list.weights[i] / 1000);
        }
      });
      var scored = [];
      seen.forEach(function (fields, doc) {
        if (enough && !enough(fields)) return;
        var s = 0;
        Object.keys(fields).sort(function (a, b) { return a - b; }).forEach(function (field) {
          s += vectors[field].similarity(fields[field]);
        });
        scored.push({ doc: doc, score: s, fields: fields });
      });
      scored.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      return scored;
    }
    /* Fetch more of the open lists, best bounds first, a few in parallel per round, until no
     * document outside the first `limit` can still overtake the `limit`-th (the first page is then
     * lunr's), or for at most MAX_ROUNDS rounds: a very common word's page is then the best of
     * the postings seen, and the status line says so. */
    function settle(rounds) {
      var scored = score();
      var open = lists.filter(function (l) { return !l.exhausted(); });
      var done = { results: scored.slice(0, limit), candidates: scored, complete: !open.length, total: scored.length, manifest: manifest };
      if (!open.length) return done;
      var unseen = open.reduce(function (sum, l) { return sum + bound(l); }, 0);
      var kth = scored.length >= limit ? scored[limit - 1].score : 0;
      var settled = scored.length >= limit && unseen <= kth && scored.slice(limit).every(function (r) {
        var gain = open.reduce(function (sum, l) {
          return sum + (r.fields[l.field] && hasIndex(r.fields[l.field], l.termIndex) ? 0 : bound(l));
        }, 0);
        return r.score + gain <= kth;
      });
      if (settled || (rounds >= maxRounds && !exhaustive)) return done;
      open.sort(function (a, b) { return bound(b) - bound(a); });
      return Promise.all(open.slice(0, PER_ROUND).map(function (l) { return l.more(); }))
        .then(function () { return settle(rounds + 1); });
    }
    return Promise.resolve(settle(0));
  }

  function hasIndex(vector, index) {
    for (var i = 0; i < vector.elements.length; i += 2) if (vector.elements[i] === index) return true;
    return false;
  }

  /* -- documents and facets ---------------------------------------------------------- */

  function docs(manifest, numbers) {
    var blocks = {};
    numbers.forEach(function (n) { blocks[Math.floor(n / manifest.docBlock)] = true; });
    var keys = Object.keys(blocks);
    return Promise.all(keys.map(function (b) { return slotted(manifest.docs, +b); })).then(function (loaded) {
      var byBlock = {};
      keys.forEach(function (b, i) { byBlock[b] = loaded[i]; });
      return numbers.map(function (n) {
        var d = byBlock[Math.floor(n / manifest.docBlock)][n % manifest.docBlock];
        return { number: n, url: d[0], title: d[1], body: d[2], date: d[3], type: d[4], topics: d[5], ocr: d[6] === 1 };
      });
    });
  }

  /* The manifest with its `ranges` (body, year and type of runs of document numbers), a record
   * of their own: the results page's facets and order read them, the header box never does. */
  function withRanges(manifest) {
    if (manifest.ranges) return Promise.resolve(manifest);
    return record(manifest, manifest.rangesAt).then(function (ranges) { manifest.ranges = ranges; return manifest; });
  }

  /* Body, year and type of a document number, from the manifest's ranges (`withRanges`). */
  function facetsOf(manifest, n) {
    var r = manifest.ranges, lo = 0, hi = r.length - 1, found = 0;
    while (lo <= hi) { var mid = (lo + hi) >> 1; if (r[mid][0] <= n) { found = mid; lo = mid + 1; } else { hi = mid - 1; } }
    return { body: r[found][1], year: r[found][2], type: r[found][3] };
  }

  /* -- presentation ------------------------------------------------------------------ */

  /* A result's address: site-relative, or (in a federation portal) absolute, at the member archive. */
  function link(url) { return /^https?:\/\//.test(url) ? url : BASE + url; }

  /* A body's name as results show it; with its organisation when another body has the same name
   * (two municipalities' Socialnämnden in a federation portal). */
  function bodyName(manifest, body) {
    var b = manifest.bodies[body];
    var shared = manifest.bodies.some(function (other, i) { return i !== body && other[1] === b[1]; });
    return shared && b[2] ? b[1] + " (" + b[2] + ")" : b[1];
  }

  /* The organisation of a body, by its number in the manifest (a portal's members, or the bodies' own). */
  function organisationOf(manifest, body) { return manifest.bodies[body][2] || ""; }

  function escapeHTML(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* What to look for in a snippet: the query's stems (and exact tokens), lower-case. */
  function needles(query, rules) {
    return tokenize(query, rules).filter(function (t) { return t.length >= 2; }).map(function (t) {
      return isExact(t, rules) ? t : (stemOf(t) || t);
    });
  }

  var WORD = /[\p{L}\p{N}][\p{L}\p{N}:\-./]*/gu;

  /* A window of `text` around the first word holding a query stem, with every such word marked.
   * Stems of four letters or more also match inside compounds (rådet in Hjälpmedelsrådet). */
  function snippet(text, query, length, rules) {
    var wanted = window.lunr ? needles(query, rules) : [];
    function hit(word) {
      var w = word.toLowerCase();
      return wanted.some(function (n) { return n.length >= 4 ? w.indexOf(n) >= 0 : w.indexOf(n) === 0; });
    }
    var words = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) words.push({ start: m.index, end: m.index + m[0].length, hit: hit(m[0]) });
    var first = words.find(function (w) { return w.hit; });
    var from = first ? Math.max(0, first.start - 60) : 0;
    if (from > 0) { var space = text.indexOf(" ", from); from = space >= 0 && space < first.start ? space + 1 : from; }
    var to = Math.min(text.length, from + length);
    var out = from > 0 ? "… " : "", last = from;
    words.forEach(function (w) {
      if (!w.hit || w.start < from || w.end > to) return;
      out += escapeHTML(text.slice(last, w.start)) + "<mark>" + escapeHTML(text.slice(w.start, w.end)) + "</mark>";
      last = w.end;
    });
    return out + escapeHTML(text.slice(last, to)) + (to < text.length ? " …" : "");
  }

  function dateText(iso) {
    var months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
    var p = iso.split("-");
    return parseInt(p[2], 10) + " " + months[parseInt(p[1], 10) - 1] + " " + p[0];
  }

  var TYPE_LABELS = { "möte": "Möte (protokollets huvud)", "beslutsärende": "Beslutsärende", "informationsärende": "Informationsärende", "förslag": "Förslag till beslut", "övrigt": "Utan angiven typ" };

  /* -- the search page ---------------------------------------------------------------- */

  function SearchPage(root) {
    this.root = root;
    this.list = document.getElementById("sok-resultat");
    this.status = root.querySelector(".pa-sok-status");
    this.facets = document.getElementById("sok-facetter");
    this.filterBox = root.querySelector(".pa-sok-filter");
    this.chosen = root.querySelector(".pa-sok-chosen");
    this.layout = root.querySelector(".pa-sok-layout");
    this.more = root.querySelector(".pa-sok-more");
    this.input = root.querySelector("input[name=q]");
    this.filters = { org: new Set(), body: new Set(), year: new Set(), type: new Set(), topic: new Set() };
    this.limit = PAGE;
    var params = new URLSearchParams(location.search);
    this.query = (params.get("q") || "").trim();
    this.input.value = this.query;
    ["org", "body", "year", "type", "topic"].forEach(function (k) {
      params.getAll(k).forEach(function (v) { this.filters[k].add(v); }, this);
    }, this);
    /* Newest first (&sort=datum) and a range of years (&from=2019&to=2021), in the address too. */
    this.sortBox = root.querySelector("#pa-sok-sort");
    this.fromBox = root.querySelector("#pa-sok-from");
    this.toBox = root.querySelector("#pa-sok-to");
    this.direct = root.querySelector(".pa-sok-direct");
    this.suggest = root.querySelector(".pa-sok-suggest");
    this.sort = params.get("sort") === "datum" ? "datum" : "";
    this.from = yearOf(params.get("from"));
    this.to = yearOf(params.get("to"));
    this.sortBox.value = this.sort;
    this.fromBox.value = this.from || "";
    this.toBox.value = this.to || "";
    var self = this;
    this.sortBox.addEventListener("change", function () { self.sort = self.sortBox.value; self.limit = PAGE; self.updateURL(); self.run(); });
    [this.fromBox, this.toBox].forEach(function (box) {
      box.addEventListener("change", function () {
        self.from = yearOf(self.fromBox.value); self.to = yearOf(self.toBox.value);
        self.limit = PAGE; self.updateURL(); self.run();
      });
    });
    this.more.addEventListener("click", function () { self.limit += PAGE; self.run(); });
    root.querySelector(".pa-sok-nojs").hidden = true;
    root.querySelector(".pa-sok-js").hidden = false;
    this.placeFilters();
    window.addEventListener("resize", function () { self.placeFilters(); });
    if (this.query) this.run(); else this.say("Skriv ett eller flera ord, ett namn eller ett diarienummer.");
  }

  SearchPage.prototype.say = function (text) { this.status.textContent = text; };

  /* The stylesheet puts the filters beside the results where there is room: open them there, and
   * close them where they stand above the results (a reader's own choice holds until that changes). */
  SearchPage.prototype.placeFilters = function () {
    var beside = getComputedStyle(this.layout).gridTemplateColumns.trim().split(/\s+/).length > 1;
    if (beside !== this.beside) { this.beside = beside; this.filterBox.open = beside; }
  };

  SearchPage.prototype.accept = function (manifest) {
    var f = this.filters, from = this.from, to = this.to;
    return function (n) {
      var x = facetsOf(manifest, n);
      return (!f.org.size || f.org.has(organisationOf(manifest, x.body))) && (!f.body.size || f.body.has(manifest.bodies[x.body][0])) && (!f.year.size || f.year.has(String(x.year))) &&
        (!f.type.size || f.type.has(manifest.types[x.type])) && (!from || x.year >= from) && (!to || x.year <= to);
    };
  };

  function yearOf(value) {
    var n = parseInt(value, 10);
    return n >= 1000 && n <= 9999 ? n : null;
  }

  /* The results newest first: by year from the manifest's ranges, then by date within the years
   * the page reaches (their document blocks); a day's results keep their rank order. */
  function newestFirst(manifest, scored, limit) {
    var ranked = scored.map(function (r, i) { return { r: r, i: i, year: facetsOf(manifest, r.doc).year }; });
    ranked.sort(function (a, b) { return b.year - a.year || a.i - b.i; });
    if (ranked.length > limit) {
      var last = ranked[limit - 1].year;
      ranked = ranked.filter(function (x) { return x.year >= last; });
    }
    return docs(manifest, ranked.map(function (x) { return x.r.doc; })).then(function (loaded) {
      ranked.forEach(function (x, i) { x.date = loaded[i].date; });
      ranked.sort(function (a, b) { return a.date < b.date ? 1 : a.date > b.date ? -1 : a.i - b.i; });
      return ranked.slice(0, limit).map(function (x) { return x.r; });
    });
  }

  SearchPage.prototype.run = function () {
    var self = this, started = performance.now();
    this.say("Söker …");
    fetchJSON("manifest.json").then(withRanges).then(function (manifest) {
      directHit(self.query, manifest).then(function (hit) { self.showDirect(hit); });
      var f = self.filters, filtered = f.org.size || f.body.size || f.year.size || f.type.size || self.from || self.to;
      /* Newest first needs every result, not the best ones. */
      var everything = find(self.query, { limit: self.limit, exhaustive: !!self.sort });
      var narrowed = filtered ? find(self.query, { limit: self.limit, accept: self.accept(manifest), exhaustive: !!self.sort }) : everything;
      return Promise.all([everything, narrowed]).then(function (r) {
        if (!self.sort) return r;
        return newestFirst(manifest, r[1].candidates, self.limit).then(function (sorted) {
          return [r[0], Object.assign({}, r[1], { results: sorted })];
        });
      }).then(function (r) {
        var wanted = r[1].results.map(function (x) { return x.doc; });
        return withTexts(manifest, wanted).then(function (loaded) {
          if (self.filters.topic.size) {
            loaded = loaded.filter(function (d) {
              return d.topics.some(function (t) { return self.filters.topic.has(manifest.topics[t][0]); });
            });
          }
          self.render(manifest, r[0], r[1], loaded, performance.now() - started);
        });
      });
    }).catch(function (error) { self.say("Sökningen misslyckades: " + error.message); });
  };

  /* "Gå direkt till …": the one thing the query names (a diarienummer, a citation, a meeting's day). */
  SearchPage.prototype.showDirect = function (hit) {
    this.direct.hidden = !hit;
    this.direct.innerHTML = hit ? 'Gå direkt till <a href="' + escapeHTML(link(hit.url)) + '">' + escapeHTML(hit.label) + "</a>" : "";
  };

  /* No hits: "Menade du …?" from the closest words the index holds, or the filters to loosen. */
  SearchPage.prototype.showSuggestions = function (manifest, all, loaded) {
    var self = this, box = this.suggest;
    box.hidden = true;
    box.innerHTML = "";
    if (loaded.length) return;
    if (all.total) {
      var chosen = [];
      Object.keys(this.filters).forEach(function (k) { self.filters[k].forEach(function (v) { chosen.push([k, v]); }); });
      if (this.from || this.to) chosen.push(["range", (this.from || "") + "–" + (this.to || "")]);
      box.innerHTML = "Pröva utan filtret: " + chosen.map(function (c, i) {
        var label = c[0] === "body" ? (manifest.bodies.find(function (b) { return b[0] === c[1]; }) || [0, c[1]])[1] :
          c[0] === "type" ? TYPE_LABELS[c[1]] || c[1] : c[0] === "topic" ? (manifest.topics.find(function (t) { return t[0] === c[1]; }) || [0, c[1]])[1] : c[1];
        return '<button type="button" class="pa-sok-loosen" data-i="' + i + '">' + escapeHTML(label) + "</button>";
      }).join(" ");
      box.querySelectorAll("button").forEach(function (button) {
        button.addEventListener("click", function () {
          var c = chosen[Number(button.dataset.i)];
          if (c[0] === "range") { self.from = self.to = null; self.fromBox.value = self.toBox.value = ""; } else self.filters[c[0]].delete(c[1]);
          self.limit = PAGE; self.updateURL(); self.run();
        });
      });
      box.hidden = false;
      return;
    }
    closestQuery(this.query, manifest).then(function (better) {
      if (!better) return;
      box.innerHTML = 'Menade du <a href="?q=' + encodeURIComponent(better) + '">' + escapeHTML(better) + "</a>?";
      box.hidden = false;
    });
  };

  SearchPage.prototype.render = function (manifest, all, narrowed, loaded, ms) {
    var self = this;
    this.list.innerHTML = loaded.map(function (d) {
      return '<li class="pa-sok-hit"><a href="' + escapeHTML(link(d.url)) + '">' + escapeHTML(d.title) + "</a>" +
        '<p class="pa-meta">' + escapeHTML(bodyName(manifest, d.body)) + ", " + dateText(d.date) +
        (manifest.types[d.type] === "övrigt" ? "" : " · " + escapeHTML(TYPE_LABELS[manifest.types[d.type]])) + "</p>" +
        (d.ocr ? '<p class="pa-sok-ocr">Texten är inläst med OCR från ett inskannat protokoll och kan ha läsfel.</p>' : "") +
        '<p class="pa-sok-snippet">' + snippet(d.text, self.query, 260, rulesOf(manifest)) + "</p></li>";
    }).join("");
    var count = narrowed.total;
    if (!loaded.length) {
      this.say(all.total ? "Inga träffar med de valda filtren." : "Inga träffar på ”" + this.query + "”. Pröva ett annat ord eller en kortare form.");
    } else {
      this.say(count + (count === 1 ? " träff" : " träffar") + " på ”" + this.query + "”" + (narrowed.complete ? "" : " (de bästa visas)") + ".");
    }
    this.more.hidden = loaded.length >= count || loaded.length < this.limit;
    this.showSuggestions(manifest, all, loaded);
    this.root.querySelector(".pa-sok-order").hidden = !loaded.length && !this.sort;
    this.renderFacets(manifest, all, loaded);
    this.root.setAttribute("data-ms", String(Math.round(ms)));
  };

  SearchPage.prototype.renderFacets = function (manifest, all, loaded) {
    var counts = { org: {}, body: {}, year: {}, type: {}, topic: {} };
    all.candidates.forEach(function (r) {
      var x = facetsOf(manifest, r.doc), org = organisationOf(manifest, x.body);
      if (org) counts.org[org] = (counts.org[org] || 0) + 1;
      counts.body[manifest.bodies[x.body][0]] = (counts.body[manifest.bodies[x.body][0]] || 0) + 1;
      counts.year[x.year] = (counts.year[x.year] || 0) + 1;
      counts.type[manifest.types[x.type]] = (counts.type[manifest.types[x.type]] || 0) + 1;
    });
    loaded.forEach(function (d) {
      d.topics.forEach(function (t) { var k = manifest.topics[t][0]; counts.topic[k] = (counts.topic[k] || 0) + 1; });
    });
    function named(list, k) { var found = list.find(function (x) { return x[0] === k; }); return found ? found[1] : k; }
    var labels = {
      org: String,
      body: function (k) { var i = manifest.bodies.findIndex(function (b) { return b[0] === k; }); return i < 0 ? k : bodyName(manifest, i); },
      year: String, type: function (k) { return TYPE_LABELS[k] || k; },
      topic: function (k) { return named(manifest.topics, k); },
    };
    var titles = { org: "Organisation", body: "Organ", year: "År", type: "Typ", topic: "Ämne (bland visade träffar)" };
    /* Out of how many hits each facet counts: a value narrows the results when it holds some of them, not all. */
    var totals = { org: all.candidates.length, body: all.candidates.length, year: all.candidates.length, type: all.candidates.length, topic: loaded.length };
    var self = this, html = "", chosen = [];
    ["org", "body", "year", "type", "topic"].forEach(function (facet) {
      self.filters[facet].forEach(function (k) {
        chosen.push(labels[facet](k));
        if (!(k in counts[facet])) counts[facet][k] = 0;  /* (still there to be unticked) */
      });
      var keys = Object.keys(counts[facet]);
      if (facet === "year") keys.sort().reverse(); else keys.sort(function (a, b) { return counts[facet][b] - counts[facet][a]; });
      var narrows = keys.some(function (k) { return counts[facet][k] > 0 && counts[facet][k] < totals[facet]; });
      if (!narrows && !self.filters[facet].size) return;  /* a box that cannot change the results is left out */
      html += '<fieldset class="pa-facet"><legend>' + titles[facet] + "</legend>" + keys.map(function (k, i) {
        /* (an organisation's name is words: numbered, so that two names never make one id) */
        var id = "f-" + facet + "-" + (facet === "org" ? i : k.replace(/[^a-z0-9]/gi, "_"));
        return '<div><input type="checkbox" id="' + id + '" data-facet="' + facet + '" value="' + escapeHTML(k) + '"' +
          (self.filters[facet].has(k) ? " checked" : "") + '> <label for="' + id + '">' + escapeHTML(labels[facet](k)) +
          ' <span class="pa-count">(' + counts[facet][k] + ")</span></label></div>";
      }).join("") + "</fieldset>";
    });
    this.facets.innerHTML = html;
    var range = this.from || this.to;
    if (range) chosen.push((this.from || "") + "–" + (this.to || ""));
    this.filterBox.hidden = !html && !range && Object.keys(counts.year).length < 2;
    this.chosen.textContent = chosen.length ? ": " + chosen.join(", ") : "";
    this.facets.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      box.addEventListener("change", function () {
        var set = self.filters[box.dataset.facet];
        if (box.checked) set.add(box.value); else set.delete(box.value);
        self.limit = PAGE;
        self.updateURL();
        self.run();
      });
    });
  };

  SearchPage.prototype.updateURL = function () {
    var params = new URLSearchParams();
    params.set("q", this.query);
    Object.keys(this.filters).forEach(function (k) { this.filters[k].forEach(function (v) { params.append(k, v); }); }, this);
    if (this.sort) params.set("sort", this.sort);
    if (this.from) params.set("from", this.from);
    if (this.to) params.set("to", this.to);
    history.replaceState(null, "", "?" + params.toString());
  };

  /* -- the header box ---------------------------------------------------------------- */

  /* What the header box searches while keys come: `typed` without a last word still being typed
   * (no space after it) that is shorter than a prefix search's least stem ("" when no word
   * precedes it). Two or three letters narrow the results little, and each one costs its own term
   * chunks at every key (a reader typing "beslut om budget" would fetch the chunks of "o", "b",
   * "bu" and "bud" on the way); the word is searched once typing pauses. An exact token (a
   * diarienummer) and a word that a synonym group holds ("KS") are searched at once. */
  function settledQuery(typed, manifest) {
    var rules = rulesOf(manifest), query = typed.trim(), cut = typed.search(/\S+$/);
    if (cut < 0) return query;
    var head = typed.slice(0, cut).trim(), last = tokenize(typed.slice(cut), rules);
    if (last.length !== 1) return query;
    if (!tokenize(head, rules).length) head = "";
    var word = last[0], term = isExact(word, rules) ? word : stemOf(word);
    var known = rules.synonyms.some(function (group) {
      return group.some(function (member) { return member.length === 1 && member[0] === term; });
    });
    return word.length >= rules.minPrefix || isExact(word, rules) || known ? query : head;
  }

  function HeaderBox(form) {
    var input = form.querySelector("input[name=q]"), list = form.querySelector("[role=listbox]");
    var timer = null, pause = null, active = -1, generation = 0;
    function close() { list.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1; }
    function options() { return list.querySelectorAll("[role=option]"); }
    function select(i) {
      var o = options();
      o.forEach(function (x, j) { x.setAttribute("aria-selected", j === i ? "true" : "false"); });
      active = i;
      if (o[i]) input.setAttribute("aria-activedescendant", o[i].id); else input.removeAttribute("aria-activedescendant");
    }
    function update() {
      var typed = input.value, query = typed.trim(), mine = ++generation;
      clearTimeout(pause);
      if (query.length < 2) { close(); return; }
      Promise.all([ready(), fetchJSON("manifest.json")]).then(function (loaded) {
        if (mine !== generation) return;
        var now = settledQuery(typed, loaded[1]);
        if (now !== query) pause = setTimeout(function () { show(query, query, ++generation); }, TYPING_PAUSE_MS);
        if (now) show(now, query, mine);
      });
    }
    /* Shows the results of `searched`; the typed `query` names the link to all its results and
     * is what a direct hit is looked up by. */
    function show(searched, query, mine) {
      /* Instant results while typing: the first blocks only, a prefix over two term chunks (a
       * word typed on reaches new chunks at almost every key); the results page looks further. */
      /* (a phrase is checked on the six best candidates' texts only, for the first query's bytes:
       * the results page looks further; and only once its closing quote is typed, for a phrase
       * being typed would check other candidates' texts at every key) */
      find(searched, { limit: 6, rounds: 0, phraseChecks: 0, maxChecks: 6, whileTyping: true, prefixChunks: TYPING_PREFIX_CHUNKS }).then(function (r) {
        if (mine !== generation) return;  /* (a key typed since: its results are not fetched for nothing) */
        return Promise.all([docs(r.manifest, r.results.map(function (x) { return x.doc; })), directHit(query, r.manifest)]).then(function (both) {
          var loaded = both[0], hit = both[1];
          if (mine !== generation) return;
          list.innerHTML = (hit ? '<li role="option" id="pa-sok-option-direct" aria-selected="false" class="pa-sok-direct-option"><a tabindex="-1" href="' +
            escapeHTML(link(hit.url)) + '">Gå direkt till ' + escapeHTML(hit.label) + "</a></li>" : "") + loaded.map(function (d, i) {
            return '<li role="option" id="pa-sok-option-' + i + '" aria-selected="false"><a tabindex="-1" href="' +
              escapeHTML(link(d.url)) + '">' + escapeHTML(d.title) + '<span class="pa-meta">' +
              escapeHTML(bodyName(r.manifest, d.body)) + ", " + dateText(d.date) + "</span></a></li>";
          }).join("") + '<li role="option" id="pa-sok-option-all" aria-selected="false" class="pa-sok-all"><a tabindex="-1" href="' +
            escapeHTML(BASE + "sok/?q=" + encodeURIComponent(query)) + '">' +
            (loaded.length ? "Alla träffar på ”" + escapeHTML(query) + "”" : "Inga träffar på ”" + escapeHTML(query) + "”") + "</a></li>";
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
          active = -1;
        });
      });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 60); });
    input.addEventListener("keydown", function (e) {
      var o = options();
      if (e.key === "ArrowDown" && o.length) { e.preventDefault(); select(Math.min(active + 1, o.length - 1)); }
      else if (e.key === "ArrowUp" && o.length) { e.preventDefault(); select(Math.max(active - 1, 0)); }
      else if (e.key === "Escape") { close(); }
      else if (e.key === "Enter" && active >= 0 && o[active]) { e.preventDefault(); location.href = o[active].querySelector("a").href; }
    });
    input.addEventListener("blur", function () { setTimeout(close, 200); });
    form.addEventListener("submit", function (e) {
      if (!input.value.trim()) e.preventDefault();
    });
  }

  /* -- start -------------------------------------------------------------------------- */

  window.protokollarkivetSearch = {
    search: search, find: find, clauses: clauses, docs: docs, directKeys: directKeys, directHit: directHit, shardOf: shardOf, fetchJSON: fetchJSON, ready: ready,
    postingsOf: postingsOf,
    tokenize: function (text, manifest) { return tokenize(text, rulesOf(manifest)); }
  };

  function start() {
    document.querySelectorAll("form.pa-header-search").forEach(HeaderBox);
    var page = document.querySelector(".pa-sok-page");
    if (page) new SearchPage(page);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
