// A little help for the pages, which work without it: "/" goes to the
// search box, j/k or the arrow keys move through results, Enter opens the
// one chosen; ticking a facet value applies it at once; a filter box
// narrows a long list of values.
(function () {
  "use strict";
  var hits = Array.prototype.slice.call(document.querySelectorAll(".hits .hit"));
  var current = -1;

  function choose(i) {
    if (!hits.length) return;
    if (current >= 0) hits[current].classList.remove("selected");
    current = Math.max(0, Math.min(hits.length - 1, i));
    hits[current].classList.add("selected");
    hits[current].scrollIntoView({ block: "nearest" });
    var link = hits[current].querySelector("a");
    if (link) link.focus({ preventScroll: true });
  }

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
    if (e.key === "/" && !typing) {
      var box = document.getElementById("q");
      if (box) { e.preventDefault(); box.focus(); box.select(); }
      return;
    }
    if (typing || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "j" || e.key === "ArrowDown") { e.preventDefault(); choose(current + 1); }
    else if (e.key === "k" || e.key === "ArrowUp") { e.preventDefault(); choose(current - 1); }
    else if (e.key === "Enter" && current >= 0) {
      var link = hits[current].querySelector("a");
      if (link) { e.preventDefault(); window.location.href = link.href; }
    }
  });

  var form = document.getElementById("search");
  if (form) {
    // Empty fields stay out of the URL.
    form.addEventListener("submit", function () {
      Array.prototype.forEach.call(form.querySelectorAll("input[name]"), function (input) {
        if (input.value === "" && input.name !== "reverse") input.disabled = true;
      });
    });
    Array.prototype.forEach.call(form.querySelectorAll(".facet input[type=checkbox]"), function (box) {
      box.addEventListener("change", function () { form.submit(); });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll(".facet-filter"), function (input) {
    var list = document.getElementById(input.getAttribute("data-list"));
    if (!list) return;
    input.addEventListener("input", function () {
      var word = input.value.toLowerCase();
      Array.prototype.forEach.call(list.children, function (li) {
        li.hidden = word !== "" && li.textContent.toLowerCase().indexOf(word) < 0;
      });
    });
    // Enter in the filter box must not submit the whole form.
    input.addEventListener("keydown", function (e) { if (e.key === "Enter") e.preventDefault(); });
  });
}());
