/* The site's search, run by Material for MkDocs in place of its own lunr worker
   (toecramps/material.py points Material at this file). It answers the questions readers
   type, in their own words:
   - every word a reader can see is a word, whatever punctuation is around it: "(neuropathy)";
   - word forms find each other: dehydrated, dehydration; Parkinson's, parkinsons;
   - other words for the same thing, from search-synonyms.yml: GP, doctor; paracetamol,
     acetaminophen; anaemia, anemia (the build puts them in the index's config);
   - one wrong, missing, extra or swapped letter in a word of 5 or more letters;
   - the last word typed is a prefix, so results show as the reader types;
   - the section matching most of the query's rarer words ranks first: words nearly every
     section shares ("toe", "foot", "cramp") count for little. Warning signs carry a boost
     from the build, so a described sign ranks above exercises and causes.
   The protocol is Material 9.8.1's: {type 0: setup} -> {type 1: ready};
   {type 2: query} -> {type 3: result, data: {items: [[page or section, ...], ...]}}.
   It runs as a Worker, or inside the iframe-worker shim from file://, so it only uses
   the global addEventListener and postMessage. */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

var STOP_WORDS = new Set((
  "a about after all also am an and any are as at be been being but by can could did do " +
  "does doing for from get gets getting got had has have having how i if im in into is it " +
  "its ive just me my of off on or our should so some than that the their them then there " +
  "these they this those to too very was we were what when where which while who why will " +
  "with would you your " +
  /* words that say little about what a reader needs: "best shoes for cramps", "do I
     need to see someone", "my foot keeps cramping" */
  "best better good way ways tip tips thing things really lot lots much something stuff " +
  "please need needs see someone anyone anything every ever keep keeps kept still"
).split(" "));

/* Weights of the ways a query word can match a word in a section. */
var MATCH = { same: 1, wordForm: 0.95, otherWord: 0.9, prefix: 0.75, typo: 0.6 };
var FIELD = { title: 2.5, text: 1, otherWords: 1.2, pageTitle: 0.35 };
var MAX_GROUPS = 10;
var MIN_SHARE_OF_BEST = 0.12;  /* weaker results are noise */

/* ---------------------------------------------------------------- words */

function fold(text) {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/['\u2018\u2019`]s\b/g, "")        /* possessive: Parkinson's -> parkinson */
    .replace(/['\u2018\u2019`]/g, "")           /* won't -> wont */
    .replace(/([a-z])&([a-z])/g, "$1$2");         /* A&E -> ae */
}

/* Every run of letters and digits is a word: brackets, slashes and dashes split. */
function words(text) {
  return fold(text).split(/[^a-z0-9]+/).filter(Boolean);
}

/* British spellings, as the stem sees them (colour, centre, paralyse, organise). */
function americanSpelling(word) {
  return word
    .replace(/^([a-z]{2,})our(s|ed|ing|ite|ites)?$/, "$1or$2")
    .replace(/^([a-z]{2,})tre(s)?$/, "$1ter$2")
    .replace(/^([a-z]{2,})ys(e|ed|es|ing)$/, "$1yz$2")
    .replace(/^([a-z]{3,})is(e|ed|es|ing|ation|ations)$/, "$1iz$2");
}

/* Porter's stemmer (1980), as in lunr and most search engines. */
var porter = (function () {
  var step2 = { ational: "ate", tional: "tion", enci: "ence", anci: "ance", izer: "ize",
    bli: "ble", alli: "al", entli: "ent", eli: "e", ousli: "ous", ization: "ize",
    ation: "ate", ator: "ate", alism: "al", iveness: "ive", fulness: "ful",
    ousness: "ous", aliti: "al", iviti: "ive", biliti: "ble", logi: "log" };
  var step3 = { icate: "ic", ative: "", alize: "al", iciti: "ic", ical: "ic", ful: "",
    ness: "" };
  var c = "[^aeiou]", v = "[aeiouy]", C = c + "[^aeiouy]*", V = v + "[aeiou]*";
  var mgr0 = new RegExp("^(" + C + ")?" + V + C);
  var meq1 = new RegExp("^(" + C + ")?" + V + C + "(" + V + ")?$");
  var mgr1 = new RegExp("^(" + C + ")?" + V + C + V + C);
  var hasVowel = new RegExp("^(" + C + ")?" + v);
  var cvc = new RegExp("^" + C + v + "[^aeiouwxy]$");

  return function stem(w) {
    var match, base;
    if (w.length < 3) return w;
    var startsWithY = w[0] === "y";
    if (startsWithY) w = "Y" + w.slice(1);
    /* 1a */
    if (/^(.+?)(ss|i)es$/.test(w)) w = w.replace(/^(.+?)(ss|i)es$/, "$1$2");
    else if (/^(.+?)([^s])s$/.test(w)) w = w.replace(/^(.+?)([^s])s$/, "$1$2");
    /* 1b */
    if ((match = /^(.+?)eed$/.exec(w))) {
      if (mgr0.test(match[1])) w = w.slice(0, -1);
    } else if ((match = /^(.+?)(ed|ing)$/.exec(w)) && hasVowel.test(match[1])) {
      w = match[1];
      if (/(at|bl|iz)$/.test(w)) w += "e";
      else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      else if (new RegExp("^" + C + v + "[^aeiouwxy]$").test(w)) w += "e";
    }
    /* 1c */
    if ((match = /^(.+?)y$/.exec(w)) && hasVowel.test(match[1])) w = match[1] + "i";
    /* 2 */
    if ((match = /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/.exec(w))) {
      base = match[1];
      if (mgr0.test(base)) w = base + step2[match[2]];
    }
    /* 3 */
    if ((match = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/.exec(w))) {
      base = match[1];
      if (mgr0.test(base)) w = base + step3[match[2]];
    }
    /* 4 */
    if ((match = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/.exec(w))) {
      if (mgr1.test(match[1])) w = match[1];
    } else if ((match = /^(.+?)(s|t)(ion)$/.exec(w))) {
      base = match[1] + match[2];
      if (mgr1.test(base)) w = base;
    }
    /* 5 */
    if ((match = /^(.+?)e$/.exec(w))) {
      base = match[1];
      if (mgr1.test(base) || (meq1.test(base) && !cvc.test(base))) w = base;
    }
    if (/ll$/.test(w) && mgr1.test(w)) w = w.slice(0, -1);
    if (startsWithY) w = "y" + w.slice(1);
    return w;
  };
})();

function stemOf(word) {
  return /^[0-9]+$/.test(word) ? word : porter(americanSpelling(word));
}

/* At most one letter wrong, missing, extra, or two letters swapped. */
function withinOneEdit(a, b) {
  if (a === b) return true;
  var la = a.length, lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  var i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;               /* one wrong */
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/* ---------------------------------------------------------------- text */

var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", "#39": "'", nbsp: " " };

/* A section's words as a reader sees them: tags and citation numbers ([1, 2]) gone. */
function plainText(html) {
  return html
    .replace(/<sup[^>]*>[\s\S]*?<\/sup>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(#?[a-z0-9]+);/gi, function (all, name) {
      if (ENTITIES[name] !== undefined) return ENTITIES[name];
      if (name[0] === "#") return String.fromCharCode(parseInt(name.slice(1), 10));
      return all;
    })
    .replace(/\s+/g, " ").trim();
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/* ---------------------------------------------------------------- index */

var index = null;

function countInto(counts, list) {
  list.forEach(function (word) { counts.set(word, (counts.get(word) || 0) + 1); });
}

/* Other words for the same thing: each group's words, as stems. A section that uses
   one of a group's terms also holds the words of the group's other terms. */
function otherWordsOf(stems, groups) {
  var joined = " " + stems.join(" ") + " ";
  var found = [];
  groups.forEach(function (group) {
    var present = group.filter(function (term) {
      return joined.indexOf(" " + term.stems.join(" ") + " ") !== -1;
    });
    if (present.length === 0) return;
    group.forEach(function (term) {
      if (present.indexOf(term) === -1) found.push.apply(found, term.words);
    });
  });
  return found;
}

function buildIndex(config, docs) {
  var groups = (config.synonyms || []).map(function (group) {
    return group.map(function (term) {
      var termWords = words(term);
      return { words: termWords, stems: termWords.map(stemOf) };
    });
  });
  var pageTitles = new Map();
  docs.forEach(function (doc) {
    if (doc.location.indexOf("#") === -1) pageTitles.set(doc.location, doc.title);
  });

  var sections = docs.map(function (doc) {
    var page = doc.location.split("#")[0];
    var text = plainText(doc.text);
    var titleText = plainText(doc.title);
    var textWords = words(text);
    var titleWords = words(titleText);
    var fields = { title: new Map(), text: new Map(), otherWords: new Map(),
      pageTitle: new Map() };
    countInto(fields.title, titleWords);
    countInto(fields.text, textWords);
    countInto(fields.otherWords,
      otherWordsOf(titleWords.concat(textWords).map(stemOf), groups));
    if (doc.location !== page) countInto(fields.pageTitle, words(plainText(pageTitles.get(page) || "")));
    return {
      location: doc.location, page: page, title: doc.title, text: text,
      boost: doc.boost || 1, fields: fields, length: textWords.length
    };
  });

  /* Every word, and every stem with the words it stands for. */
  var vocabulary = new Map();
  var stems = new Map();
  sections.forEach(function (section, id) {
    Object.keys(section.fields).forEach(function (field) {
      section.fields[field].forEach(function (count, word) {
        if (!vocabulary.has(word)) {
          vocabulary.set(word, new Set());
          var stem = stemOf(word);
          if (!stems.has(stem)) stems.set(stem, { words: [], sections: new Set() });
          stems.get(stem).words.push(word);
        }
        vocabulary.get(word).add(id);
        stems.get(stemOf(word)).sections.add(id);
      });
    });
  });
  var lengths = sections.map(function (section) { return section.length; });
  return {
    sections: sections, vocabulary: vocabulary, stems: stems,
    averageLength: lengths.reduce(function (a, b) { return a + b; }, 0) / sections.length
  };
}

/* Rare words weigh more; a word in nearly every section weighs almost nothing. */
function rarity(stem) {
  var n = index.sections.length;
  var found = index.stems.has(stem) ? index.stems.get(stem).sections.size : 0;
  return Math.log(1 + (n - found + 0.5) / (found + 0.5));
}

/* ---------------------------------------------------------------- query */

/* The words of the site a query word stands for, each with how well it matches. */
function candidatesFor(queryWord, isLast) {
  var found = new Map();
  function add(word, weight) {
    if ((found.get(word) || 0) < weight) found.set(word, weight);
  }
  if (index.vocabulary.has(queryWord)) add(queryWord, MATCH.same);
  var stem = stemOf(queryWord);
  if (index.stems.has(stem)) {
    index.stems.get(stem).words.forEach(function (word) { add(word, MATCH.wordForm); });
  }
  /* As a reader types, the last word is unfinished: it is a prefix. Other words are
     prefixes too from 4 letters on ("physio"). */
  if (isLast || queryWord.length >= 4) {
    index.vocabulary.forEach(function (sections, word) {
      if (word.length > queryWord.length && word.indexOf(queryWord) === 0) {
        add(word, MATCH.prefix * (isLast ? 1 : 0.9));
      }
    });
  }
  if (found.size === 0 && queryWord.length >= 5) {
    index.vocabulary.forEach(function (sections, word) {
      if (word.length >= 4 && !STOP_WORDS.has(word) && withinOneEdit(queryWord, word)) {
        add(word, MATCH.typo);
      }
    });
  }
  return found;
}

function fieldScore(section, word) {
  var score = 0;
  if (section.fields.title.has(word)) score += FIELD.title;
  var count = section.fields.text.get(word) || 0;
  if (count) {
    var k = 1.2, b = 0.75;
    var norm = 1 - b + b * section.length / index.averageLength;
    score += FIELD.text * count * (k + 1) / (count + k * norm);
  }
  if (section.fields.otherWords.has(word)) score += FIELD.otherWords;
  if (section.fields.pageTitle.has(word)) score += FIELD.pageTitle;
  return score;
}

function queryWordsOf(query) {
  var all = words(query);
  var meaningful = all.filter(function (word) { return !STOP_WORDS.has(word); });
  return meaningful.length ? meaningful : all;
}

function search(query) {
  var queryWords = queryWordsOf(query);
  if (!queryWords.length) return [];
  var scores = new Map();      /* section id -> total */
  var covered = new Map();     /* section id -> rarity of the query words it matched */
  var matchedWords = new Map(); /* section id -> words to mark */
  var totalRarity = 0;

  queryWords.forEach(function (queryWord, position) {
    var isLast = position === queryWords.length - 1 && !/\s$/.test(query);
    var candidates = candidatesFor(queryWord, isLast);
    var wordRarity = 0;
    candidates.forEach(function (weight, word) {
      wordRarity = Math.max(wordRarity, rarity(stemOf(word)));
    });
    if (!candidates.size) wordRarity = rarity(stemOf(queryWord));
    totalRarity += wordRarity;

    var best = new Map();
    candidates.forEach(function (weight, word) {
      var weightedRarity = weight * rarity(stemOf(word));
      index.vocabulary.get(word).forEach(function (id) {
        var score = weightedRarity * fieldScore(index.sections[id], word);
        if (score > (best.get(id) || 0)) best.set(id, score);
        if (!matchedWords.has(id)) matchedWords.set(id, new Set());
        matchedWords.get(id).add(word);
      });
    });
    best.forEach(function (score, id) {
      scores.set(id, (scores.get(id) || 0) + score);
      covered.set(id, (covered.get(id) || 0) + wordRarity);
    });
  });

  var ranked = [];
  scores.forEach(function (score, id) {
    var coverage = totalRarity ? covered.get(id) / totalRarity : 1;
    ranked.push({
      id: id,
      score: score * (0.15 + 0.85 * coverage * coverage) * index.sections[id].boost,
      words: matchedWords.get(id)
    });
  });
  ranked.sort(function (a, b) { return b.score - a.score; });
  if (!ranked.length) return [];
  var floor = ranked[0].score * MIN_SHARE_OF_BEST;
  return ranked.filter(function (hit) { return hit.score >= floor; });
}

/* ---------------------------------------------------------------- results */

/* The sentence of a section that holds most of the matched words, words marked. */
function teaser(text, matched) {
  var sentences = text.match(/[^.!?]+[.!?]*/g) || [text];
  var best = sentences[0], bestCount = -1;
  sentences.forEach(function (sentence) {
    var count = words(sentence).filter(function (word) { return matched.has(word); }).length;
    if (count > bestCount) { best = sentence; bestCount = count; }
  });
  best = best.trim();
  if (best.length > 200) best = best.slice(0, 197).replace(/\s+\S*$/, "") + "\u2026";
  return escapeHtml(best).replace(/[A-Za-z0-9\u00c0-\u024f'\u2019]+/g, function (word) {
    return matched.has(words(word)[0] || "") ? "<mark>" + word + "</mark>" : word;
  });
}

function resultDocument(section, score, matched) {
  var terms = {};
  matched.forEach(function (word) { terms[word] = true; });  /* never "Missing:" */
  return {
    location: section.location, title: section.title,
    text: section.text ? "<p>" + teaser(section.text, matched) + "</p>" : "",
    score: score, terms: terms
  };
}

/* Results by page, best first. In each: the best sections (shown), the page itself,
   then weaker sections (under "more on this page"). Material shows a page's sections
   whose score is at least the first one's, so shown sections share the best score. */
function results(query) {
  var hits = search(query);
  var groups = new Map();
  hits.forEach(function (hit) {
    var page = index.sections[hit.id].page;
    if (!groups.has(page)) {
      if (groups.size >= MAX_GROUPS) return;
      groups.set(page, []);
    }
    groups.get(page).push(hit);
  });
  var items = [];
  groups.forEach(function (pageHits, page) {
    var best = pageHits[0].score;
    var pageId = index.sections.findIndex(function (s) { return s.location === page; });
    var pageSection = index.sections[pageId];
    var shown = [], more = [], pageHit = null;
    pageHits.forEach(function (hit) {
      if (hit.id === pageId) pageHit = hit;
      else if (hit.score >= best * 0.6 && shown.length < 3) shown.push(hit);
      else more.push(hit);
    });
    var group = [];
    if (pageHit && pageHit.score === best) {
      group.push(resultDocument(pageSection, best, pageHit.words));
    }
    shown.forEach(function (hit) {
      group.push(resultDocument(index.sections[hit.id], best, hit.words));
    });
    if (!pageHit || pageHit.score !== best) {
      group.push(resultDocument(pageSection, best, pageHit ? pageHit.words : new Set()));
    }
    more.forEach(function (hit) {
      group.push(resultDocument(index.sections[hit.id], hit.score * 0.99, hit.words));
    });
    items.push(group);
  });
  return items;
}

/* Offline with no saved copy, the service worker (sw.js) sends an index marked
   unavailable: its one document, saying why, is the answer to every query. */
var unavailable = null;

addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    unavailable = message.data.config.unavailable ? message.data.docs[0] : null;
    index = unavailable ? null : buildIndex(message.data.config, message.data.docs);
    postMessage({ type: READY });
  } else if (message.type === QUERY && unavailable) {
    postMessage({ type: RESULT, data: { items: [[{
      location: unavailable.location, title: unavailable.title,
      text: "<p>" + unavailable.text + "</p>", score: 1, terms: {}
    }]] } });
  } else if (message.type === QUERY) {
    postMessage({ type: RESULT, data: { items: index ? results(message.data) : [] } });
  }
});
