/* Written into the page just after the "due for review" notice (main.html), so it runs
   before the first paint: a notice shown later would push the whole page down.
   The build shows the notice already when the date had passed at build time; this
   catches pages read long after the site was built (from the offline copy, say). */
(function (notice) {
  var today = new Date().toISOString().slice(0, 10);
  if (notice.getAttribute("data-next-review") < today) notice.hidden = false;
})(document.currentScript.previousElementSibling);
