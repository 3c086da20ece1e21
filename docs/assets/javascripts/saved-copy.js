// The saved copy's controls: "Save this guide to read offline" and "Remove the saved copy"
// on the Download page, with what is saved now; and the list of saved pages on the
// offline page. Loaded by sw-register.js; the work is done by the service worker (sw.js).
(function () {
  var here = document.currentScript.src; // assets/javascripts/saved-copy.js
  var workerUrl = new URL("../../sw.js", here).href;
  var cachePrefix = "toe-cramps-guide " + new URL("../../", here).href + " ";

  function megabytes(bytes) {
    return (bytes / 1000000).toFixed(1) + " MB";
  }

  /** The active service worker of a registration, once it has one; fails if the worker
      could not be set up (its install failed, on a connection lost mid-way). */
  function active(registration) {
    if (registration.active) return Promise.resolve(registration.active);
    return new Promise(function (resolve, reject) {
      var worker = registration.installing || registration.waiting;
      if (!worker) return reject(new Error("the worker was not set up"));
      worker.addEventListener("statechange", function () {
        if (worker.state === "activated") resolve(worker);
        if (worker.state === "redundant") reject(new Error("the worker was not set up"));
      });
    });
  }

  /* Our worker answers at once. One that does not (the offline zip's stand-in, which
     removes itself, on a web server) must not leave the controls waiting for ever. */
  var FIRST_REPLY_WITHIN = 5000; // ms

  /** Send a message to the service worker; onReply gets each reply. Fails if the worker
      cannot be set up or does not answer. */
  function ask(message, onReply) {
    return navigator.serviceWorker.register(workerUrl).then(active).then(function (worker) {
      return new Promise(function (answered, silent) {
        var channel = new MessageChannel();
        var timer = setTimeout(function () {
          channel.port1.onmessage = null;
          silent(new Error("the worker did not answer"));
        }, FIRST_REPLY_WITHIN);
        channel.port1.onmessage = function (event) {
          clearTimeout(timer);
          answered();
          onReply(event.data);
        };
        worker.postMessage(message, [channel.port2]);
      });
    });
  }

  function setUpControls(box) {
    var save = box.querySelector("[data-save]");
    var remove = box.querySelector("[data-remove]");
    var progress = box.querySelector("progress");
    var status = box.querySelector("[data-status]");
    var busy = false;
    var started = false; // a save was asked for: the first status reply is out of date

    function show(reply) {
      busy = reply.state === "saving";
      save.disabled = busy;
      progress.hidden = !busy;
      box.setAttribute("data-state", reply.state);
      if (reply.state === "saving" && !reply.total) {
        status.textContent = "Saving: starting.";
      } else if (reply.state === "saving") {
        progress.max = reply.total;
        progress.value = reply.done;
        status.textContent = "Saving: " + reply.done + " of " + reply.total + " files (" +
          megabytes(reply.bytes) + " of " + megabytes(reply.size) + ").";
      } else if (reply.state === "saved") {
        status.textContent = "Saved on this device: the guide as of " + reply.saved.dateText +
          ", " + megabytes(reply.saved.size) + ". It opens with no signal.";
        save.hidden = true;
        remove.hidden = false;
      } else if (reply.state === "failed") {
        status.textContent = "Not saved. " + reply.reason + (reply.total ? " (" + reply.done +
          " of " + reply.total + " files saved so far.)" : "");
        save.textContent = "Try again";
        save.hidden = false;
      } else if (reply.state === "unknown") {
        // No worker to ask, or it could not tell: saving may still work, so Save is there.
        status.textContent = "Not saved on this device yet.";
        save.hidden = false;
        remove.hidden = true;
      } else if (reply.state === "removed") {
        status.textContent = "The saved copy is removed. Nothing from this guide is stored on this device now.";
        save.hidden = false;
        remove.hidden = true;
      } else {
        status.textContent = "Not saved on this device yet. The whole guide is " +
          megabytes(reply.size) + " (content from " + reply.dateText + ").";
        save.hidden = false;
        remove.hidden = true;
      }
    }

    save.addEventListener("click", function () {
      if (busy) return;
      started = true;
      show({ state: "saving" });
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist();
      ask("save", show).catch(function () {
        show({ state: "failed", reason: "This browser could not start saving.", done: 0, total: 0 });
      });
    });

    remove.addEventListener("click", function () {
      caches.keys().then(function (names) {
        return Promise.all(names.filter(function (name) { return name.indexOf(cachePrefix) === 0; })
          .map(function (name) { return caches.delete(name); }));
      }).then(function () {
        return navigator.serviceWorker.getRegistration(workerUrl);
      }).then(function (registration) {
        return registration && registration.unregister();
      }).then(function () {
        show({ state: "removed" });
      }).catch(function () {
        status.textContent = "The saved copy could not be removed. Try again, or clear this " +
          "site's data in your browser's settings.";
      });
    });

    // The controls show from the first paint (partials/javascripts/first-paint.html,
    // site.css), the Save button disabled until the worker has said what is saved.
    ask("status", function (reply) {
      if (!started) show(reply);
    }).catch(function () {
      // No worker to ask: the browser will not register one (some private modes), its
      // first set-up failed, or it does not answer. Tapping Save tries again.
      if (!started) show({ state: "unknown" });
    });
  }

  function listPages(box) {
    var list = box.querySelector("ul");
    ask("status", function (reply) {
      var pages = reply.pages || []; // none when the worker could not tell
      pages.forEach(function (page) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = new URL("../../" + page.path, here).href;
        link.textContent = page.title;
        item.appendChild(link);
        list.appendChild(item);
      });
      box.hidden = pages.length === 0;
      box.setAttribute("data-state", reply.state);
    }).catch(function () {
      // No worker to ask (see setUpControls): nothing is saved, and the list stays hidden.
      box.setAttribute("data-state", "unknown");
    });
  }

  document.querySelectorAll("[data-saved-copy='controls']").forEach(setUpControls);
  document.querySelectorAll("[data-saved-copy='pages']").forEach(listPages);
})();
