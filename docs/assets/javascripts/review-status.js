// Show the "due for review" notice once a page's next review date has passed.
// The build shows it already when the date had passed at build time; this catches
// pages read long after the site was built (for example from the offline copy).
(function () {
  var today = new Date().toISOString().slice(0, 10);
  document.querySelectorAll("[data-next-review]").forEach(function (notice) {
    if (notice.getAttribute("data-next-review") < today) {
      notice.hidden = false;
    }
  });
})();
