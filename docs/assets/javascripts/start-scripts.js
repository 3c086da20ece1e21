/* Readers need the words first. No script competes with the first paint: the page is
   whole without them (menus, contents and answers work in plain HTML and CSS).
   The build (toecramps/material.py) turns each page's script tags into inert
   <script type="text/plain" data-src=... data-start=...> tags, and this file starts them:
   - data-start="load": our own small scripts, once the page has loaded and its first
     paint is on the screen (a fast connection can finish loading before it);
   - data-start="interaction": Material's bundle (search, the colour-scheme switch, the
     contents that follow the reading position, the back-to-top button), on the reader's
     first tap, key, scroll or focus: until then nothing of it is seen.
   Scripts of a group start in page order. Material sets itself up when the document
   reports it is ready, and opens search on focus or on a key: both happened before it
   arrived, so they are told again once it has run, as is a tap on the scheme switch. */
(function () {
  "use strict";

  /* Each script is added to the head and its inert tag is left where it is. Adding an
     element to the body makes Chromium recalculate the style of the whole page (on For
     clinics, about 25 ms more main-thread work after load, measured in traces); adding
     one to the head causes no such recalculation. */
  function start(group, done) {
    var inert = document.querySelectorAll('script[type="text/plain"][data-start="' + group + '"]');
    var waiting = inert.length;
    if (!waiting && done) done();
    Array.prototype.forEach.call(inert, function (tag) {
      var script = document.createElement("script");
      script.src = tag.getAttribute("data-src");
      script.async = false;  /* in page order */
      script.onload = script.onerror = function () {
        waiting -= 1;
        if (!waiting && done) done();
      };
      tag.removeAttribute("data-start");  /* started: never twice */
      document.head.appendChild(script);
    });
  }

  /* Our own scripts wait until the first paint is on the screen. A frame callback runs
     before the frame is drawn, and a task queued from it runs 20 to 40 ms before the
     frame is shown (Chromium traces): their requests would fall before the paint the
     reader sees, and Lighthouse counts such requests in its estimate of that paint. The
     browser reports the first contentful paint once it is shown (Paint Timing). Where it
     reports no paints, after the next frame; where a report never comes, after a few
     seconds, so the guide can still be saved for offline use. */
  var FIRST_PAINT_AT_MOST_MS = 3000;
  function afterFirstPaintShown(work) {
    var started = false;
    function startOnce() {
      if (started) return;
      started = true;
      setTimeout(work, 0);
    }
    var reported = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (reported.indexOf("paint") === -1) {
      requestAnimationFrame(startOnce);
      return;
    }
    if (performance.getEntriesByName("first-contentful-paint").length) {
      startOnce();
      return;
    }
    var observer = new PerformanceObserver(function (list) {
      if (!list.getEntriesByName("first-contentful-paint").length) return;
      observer.disconnect();
      startOnce();
    });
    observer.observe({ type: "paint", buffered: true });
    setTimeout(startOnce, FIRST_PAINT_AT_MOST_MS);
  }
  /* Long pages render their blocks on demand (site.css, content-visibility): each block as
     it nears the screen, so nothing else is done for them after the first paint. (Rendering
     the rest in idle moments took about 60 frames on Causes, and added 40 to 70 ms of
     Lighthouse's blocking time on long pages.) A link to a section far down: the blocks
     above it are rendered at once, at their real height, so the section lands where the
     reader expects and nothing above it changes size later (browsers without scroll
     anchoring would let the text jump). */
  function linkedSection() {
    try {
      return location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    } catch (malformed) { return null; /* a mangled address: no section to keep in place */ }
  }
  function renderUpTo(section) {
    var grew = false;
    /* A handout's blocks are in its card (site.css). */
    var blocks = document.querySelectorAll(".md-typeset > :not(.print-card), .md-typeset > .print-card > *");
    Array.prototype.some.call(blocks, function (block) {
      grew = grew || block.style.contentVisibility !== "visible";
      block.style.contentVisibility = "visible";
      /* No containment now, so no clip (site.css); a table keeps its own, which lets it
         scroll sideways. */
      if (block.tagName !== "TABLE") block.style.overflow = "visible";
      return block === section || block.contains(section);
    });
    return grew;
  }
  if (linkedSection()) renderUpTo(linkedSection());
  /* In the page (a contents link), the browser has scrolled before this hears of it.
     Not so for a search result on this page on a phone: Material holds the page still
     while its search is open (data-md-scrolllock on the body), so the browser could not
     scroll, and Material then scrolls back to where the reader was. Once it has let go,
     the section is brought into view. */
  var sectionAfterSearch = null;
  var searchLetGo = new MutationObserver(function () {
    if (!sectionAfterSearch || document.body.hasAttribute("data-md-scrolllock")) return;
    sectionAfterSearch.scrollIntoView();
    sectionAfterSearch = null;
  });
  function goToLinkedSection() {
    var section = linkedSection();
    if (!section) return;
    var grew = renderUpTo(section);
    if (document.body.hasAttribute("data-md-scrolllock")) {
      if (!sectionAfterSearch) {
        searchLetGo.observe(document.body, { attributes: true, attributeFilter: ["data-md-scrolllock"] });
      }
      sectionAfterSearch = section;  /* the latest link wins */
    } else if (grew) {
      section.scrollIntoView();
    }
  }
  addEventListener("hashchange", goToLinkedSection);
  /* A link to the address the reader is already on (a search result for the section they
     came to by a link, then read on from) changes no hash, so there is no hashchange. Heard
     as the click starts (capture), before Material's search lets go of the page. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    var elsewhere = event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
    if (!link || link.target || link.hasAttribute("download") || elsewhere) return;  /* a new tab */
    if (location.hash && link.href === location.href) goToLinkedSection();
  }, true);
  function startOurs() { afterFirstPaintShown(function () { start("load"); }); }
  if (document.readyState === "complete") startOurs();
  else addEventListener("load", startOurs, { once: true });

  var FIRST_INTERACTION = ["pointerdown", "keydown", "touchstart", "wheel", "scroll", "focusin"];
  var firstKey = null;
  var materialReady = false;
  var schemeSwitch = null;

  /* A tap on the scheme switch before Material has arrived would be lost: Material starts
     from the stored or the device's scheme. It is held, and given to Material. */
  document.addEventListener("click", function (event) {
    var label = event.target.closest && event.target.closest('label[for^="__palette_"]');
    if (label && !materialReady) {
      event.preventDefault();
      schemeSwitch = label;
    }
  }, true);

  /* Material's keys for search ("/", "s", "f"): the box opens at once, so what the reader
     types next goes into it, not into a page that Material has not reached yet. */
  function openSearchForKey(event) {
    var box = document.querySelector(".md-search__input");
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName || "");
    if (!box || typing || event.ctrlKey || event.metaKey || event.altKey ||
        ["/", "s", "f"].indexOf(event.key) === -1) return false;
    event.preventDefault();
    var toggle = document.getElementById("__search");
    if (toggle) toggle.checked = true;
    box.focus();
    return true;
  }

  function interacted(event) {
    FIRST_INTERACTION.forEach(function (type) { removeEventListener(type, interacted, true); });
    if (event.type === "keydown" && !openSearchForKey(event)) firstKey = event;
    start("interaction", function () {
      document.dispatchEvent(new Event("DOMContentLoaded"));
      materialReady = true;
      var focused = document.activeElement;
      /* Clicking the switch's label would move focus to its radio button, taking it from
         the search box the reader may be typing in; clicking the radio button itself
         changes the scheme and leaves focus where it is. */
      var schemeRadio = schemeSwitch && document.getElementById(schemeSwitch.htmlFor);
      if (schemeRadio) schemeRadio.click();
      if (focused && focused !== document.body) {
        focused.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
      }
      if (firstKey && !(focused && /^(INPUT|TEXTAREA)$/.test(focused.tagName))) {
        document.dispatchEvent(new KeyboardEvent("keydown", { key: firstKey.key, bubbles: true }));
      }
    });
  }

  FIRST_INTERACTION.forEach(function (type) {
    addEventListener(type, interacted, { capture: true, passive: type !== "keydown" });
  });

  /* On phones, search opens from a button in the header. Material focuses the box when
     it is tapped; until Material has arrived, this does. */
  var searchToggle = document.getElementById("__search");
  if (searchToggle) {
    searchToggle.addEventListener("change", function () {
      var box = document.querySelector(".md-search__input");
      if (searchToggle.checked && box) box.focus();
    });
  }
})();
