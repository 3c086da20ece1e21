// Lets the guide work with no signal: registers the service worker (sw.js, in the site's
// top folder) once the page has loaded, so the first view is not slowed. Only over
// http(s): never from the offline zip (file://), whose own sw.js keeps nothing anyway.
// Also loads saved-copy.js on pages with its controls (Download, offline page), and
// shows the "newer version" notice (overrides/main.html) when a new build takes over.
(function () {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var here = document.currentScript.src; // this file: assets/javascripts/sw-register.js
  function start() {
    var controlled = !!navigator.serviceWorker.controller;
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      var notice = document.querySelector("[data-sw-update]");
      if (controlled && notice) notice.hidden = false;
      controlled = true;
    });
    navigator.serviceWorker.register(new URL("../../sw.js", here).href).catch(function () {
      // No service worker (an old browser, or a copy of the site without sw.js): the
      // pages work as before, online only.
    });
    if (document.querySelector("[data-saved-copy]")) {
      var script = document.createElement("script");
      script.src = new URL("saved-copy.js", here).href;
      document.head.appendChild(script);
    }
  }
  if (document.readyState === "complete") start();
  else addEventListener("load", start);
})();
