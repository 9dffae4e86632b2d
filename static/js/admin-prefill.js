// A new page started from the search report (apps/search/reports.py): its ?title=…&lang=… fill
// that language's title field, when it is empty.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var title = params.get("title");
  var lang = params.get("lang");
  if (!title || !/^[a-z]{2}$/.test(lang || "")) {
    return;
  }
  var field = document.getElementById("id_title_" + lang);
  if (field && !field.value) {
    field.value = title;
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }
})();
