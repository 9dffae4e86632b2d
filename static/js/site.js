/* Mishov: small enhancements on top of pages that are complete without JavaScript. */
(function () {
  "use strict";

  /* Reading progress: a bar at the top of the window that fills as the article is read. */
  var article = document.querySelector("[data-reading-progress]");
  if (article && "requestAnimationFrame" in window) {
    var bar = document.createElement("progress");
    bar.className = "reading-progress";
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", article.getAttribute("data-reading-progress"));
    // Inside the banner landmark, so that assistive technology finds it with the header.
    var header = document.querySelector(".site-header") || document.body;
    header.insertBefore(bar, header.firstChild);

    var pending = false;
    var update = function () {
      pending = false;
      var box = article.getBoundingClientRect();
      var readable = box.height - window.innerHeight;
      var read = readable > 0 ? -box.top / readable : (box.top < 0 ? 1 : 0);
      bar.value = Math.round(Math.min(1, Math.max(0, read)) * 100);
    };
    var schedule = function () {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(update);
      }
    };
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule, { passive: true });
    schedule();
  }

  /* The comment form in a cached page carries a token every reader of that copy shares, and a
     token is good for one post: a reader who starts writing gets one of their own. */
  var commentForm = document.querySelector("form[data-token-url]");
  if (commentForm && window.fetch) {
    var asked = false;
    commentForm.addEventListener("focusin", function () {
      if (asked) {
        return;
      }
      asked = true;
      fetch(commentForm.getAttribute("data-token-url"), { cache: "no-store" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (data && data.token) {
            commentForm.elements.token.value = data.token;
          }
        })
        .catch(function () { asked = false; });
    });
  }

  /* The comment's length as it is typed, against the limit the server checks on posting. */
  var count = document.querySelector(".field__count[data-limit]");
  var body = count && document.getElementById(count.id.replace(/_count$/, ""));
  if (body) {
    var limit = Number(count.getAttribute("data-limit"));
    var number = new Intl.NumberFormat(document.documentElement.lang);
    var described = body.getAttribute("aria-describedby");
    body.setAttribute("aria-describedby", (described ? described + " " : "") + count.id);
    var show = function () {
      var used = body.value.length;
      var over = used > limit;
      count.textContent = count.getAttribute(over ? "data-over" : "data-template")
        .replace("{count}", number.format(used)).replace("{limit}", number.format(limit));
      count.classList.toggle("field__count--over", over);
    };
    body.addEventListener("input", show);
    show();
  }

  /* Printing shows the FAQ answers, which are folded away on screen. */
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.setAttribute("open", "");
      details.setAttribute("data-opened-for-print", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("[data-opened-for-print]").forEach(function (details) {
      details.removeAttribute("open");
      details.removeAttribute("data-opened-for-print");
    });
  });
})();
