// Copy-ready addresses (For clinics), written into the page by main.html and run as
// the page is read, so nothing moves after the first paint. The build writes each address from the site's
// configured address (site_url). Read over http(s), this shows instead the address of
// the copy the reader is on (a clinic's own copy included), and adds a Copy button to
// each address and to the snippet. Without JavaScript, the build's addresses stay as
// plain text to select and copy by hand.
(function () {
  "use strict";

  // The same pieces as toecramps/extensions/site_address.py: a line may wrap only after
  // the scheme, "/", "#" or ".", never at a hyphen inside a name.
  var PIECES = /^[a-z]+:\/\/|[^\/#.]*[\/#.]|[^\/#.]+$/g;

  function showAddress(element, address) {
    element.textContent = "";
    (address.match(PIECES) || [address]).forEach(function (piece, index) {
      if (index > 0) {
        element.appendChild(document.createElement("wbr"));
      }
      var span = document.createElement("span");
      span.textContent = piece;
      element.appendChild(span);
    });
  }

  if (location.protocol === "http:" || location.protocol === "https:") {
    document.querySelectorAll(".site-address[data-path]").forEach(function (element) {
      showAddress(element, new URL(element.getAttribute("data-path"), location.href).href);
    });
  }

  if (!navigator.clipboard || !navigator.clipboard.writeText) {
    return;  // the addresses stay selectable text
  }
  // One polite announcement for screen readers after each copy.
  var status = document.createElement("p");
  status.className = "copy-status";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  document.querySelectorAll(".copy-text").forEach(function (target) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Copy";
    button.setAttribute("aria-label",
      target.getAttribute("data-copy-label") || "Copy " + target.textContent);
    button.addEventListener("click", function () {
      var text = target.textContent;
      navigator.clipboard.writeText(text).then(function () {
        button.textContent = "Copied";
        status.textContent = "Copied: " + text;
      }, function () {
        // No clipboard (a browser setting): select the text to copy by hand.
        window.getSelection().selectAllChildren(target);
        button.textContent = "Press Ctrl+C to copy";
      });
      setTimeout(function () { button.textContent = "Copy"; }, 4000);
    });
    var holder = target.closest("pre") || target;
    holder.insertAdjacentElement("afterend", button);
  });
})();
