/* Runs in the head, before the first paint. What a page shows can depend on the browser
   and on the date; settled here, as classes on the root element that site.css reads,
   nothing moves once the reader has started. (A script in the body would let the
   browser paint the part above it first.)
   - "js": Material's bundle waits for the reader's first interaction, so the page says
     it is scripted now: the search box (which starts Material when used) shows at once.
   - "can-save-offline": the guide can be saved on this device (a service worker, over
     http(s)), so the Download page's controls show and keep their room.
   - "review-due": the page's next review date (meta next-review) has passed since the
     build, so its "due for review" notice shows (the build shows it when it had passed
     by then, for readers without JavaScript too). */
(function (root) {
  root.classList.replace("no-js", "js");
  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    root.classList.add("can-save-offline");
  }
  var nextReview = document.querySelector('meta[name="next-review"]');
  if (nextReview && nextReview.content < new Date().toISOString().slice(0, 10)) {
    root.classList.add("review-due");
  }
})(document.documentElement);
