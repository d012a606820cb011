// "Xem theo ngày": opens the day archive of the chosen date, or says that the day has no article.
// Classic scripts, not modules, so that they also run in a copy opened straight from disk.
(function () {
  "use strict";
  var script = document.currentScript;
  // The site root, found from this script's own address: works under a sub-path and from file://.
  var root = script ? script.src.replace(/js\/date-picker\.js(?:[?#].*)?$/, "") : "/";

  function setUp(form) {
    var input = form.querySelector('input[type="date"]');
    var message = form.querySelector("[data-message]");
    form.addEventListener("submit", function (event) {
      var value = input.value;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
      event.preventDefault();
      var parts = value.split("-");
      // Filled by js/article-days.js, written by the build.
      var days = window.BANTIN_ARTICLE_DAYS;
      if (days && days.indexOf(value) === -1) {
        message.textContent = message.getAttribute("data-message").replace("{date}", parts[2] + "/" + parts[1] + "/" + parts[0]);
        return;
      }
      message.textContent = "";
      window.location.href = root + parts.join("/") + "/" + (location.protocol === "file:" ? "index.html" : "");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var forms = document.querySelectorAll("form[data-date-picker]");
    for (var i = 0; i < forms.length; i++) setUp(forms[i]);
  });
})();
