// crosscheck HTML report: filters, counts, and opening a collapsed source
// when a link points into it. The page is complete without this script.
(function () {
  "use strict";
  var doc = document;
  function all(sel) { return Array.prototype.slice.call(doc.querySelectorAll(sel)); }
  var findings = all("section.finding");
  var marks = all("mark.claim");
  var boxes = all("#filters input[type=checkbox]");

  // Draft marks are filtered by standing, source marks by finding kind.
  function groupOf(mark) {
    var d = mark.closest(".doc");
    return d && d.getAttribute("data-role") === "draft" ? "standing" : "kind";
  }
  function checked(group) {
    var on = {};
    boxes.forEach(function (b) {
      if (b.getAttribute("data-group") === group && b.checked) { on[b.value] = true; }
    });
    return on;
  }
  function apply() {
    var on = { kind: checked("kind"), severity: checked("severity"), standing: checked("standing") };
    var shown = 0;
    findings.forEach(function (f) {
      var visible = !!on.kind[f.getAttribute("data-kind")] && !!on.severity[f.getAttribute("data-severity")];
      f.hidden = !visible;
      if (visible) { shown += 1; }
    });
    marks.forEach(function (m) {
      m.classList.toggle("off", !on[groupOf(m)][m.getAttribute("data-verdict")]);
    });
    var out = doc.getElementById("shown");
    if (out) { out.textContent = shown + " of " + findings.length + " findings shown"; }
    doc.body.setAttribute("data-shown", String(shown));
  }

  // How many of each, beside each checkbox.
  var firstMarks = marks.filter(function (m) { return !m.classList.contains("cont"); });
  boxes.forEach(function (b) {
    var group = b.getAttribute("data-group");
    var n = group === "standing"
      ? firstMarks.filter(function (m) { return groupOf(m) === "standing" && m.getAttribute("data-verdict") === b.value; }).length
      : findings.filter(function (f) { return f.getAttribute("data-" + group) === b.value; }).length;
    var span = b.parentNode.querySelector(".count");
    if (span) { span.textContent = "(" + n + ")"; }
    b.addEventListener("change", apply);
  });

  // ?hide=agreement,info starts with those boxes unchecked: a link to a filtered view.
  var hide = /[?&]hide=([^&#]*)/.exec(location.search);
  if (hide) {
    decodeURIComponent(hide[1]).split(",").forEach(function (v) {
      boxes.forEach(function (b) { if (b.value === v) { b.checked = false; } });
    });
  }

  // The counts as this page holds them, for a reader and for tests.
  var summary = doc.getElementById("js-summary");
  if (summary) {
    var parts = [];
    ["conflict", "agreement", "unsupported"].forEach(function (k) {
      var n = findings.filter(function (f) { return f.getAttribute("data-kind") === k; }).length;
      summary.setAttribute("data-" + k, String(n));
      parts.push(n + " " + k);
    });
    var draftMarks = firstMarks.filter(function (m) { return groupOf(m) === "standing"; }).length;
    summary.setAttribute("data-findings", String(findings.length));
    summary.setAttribute("data-marks", String(firstMarks.length));
    summary.textContent = "This page: " + findings.length + " findings (" + parts.join(", ") + "), " +
      firstMarks.length + " claims marked" + (draftMarks ? ", " + draftMarks + " in the draft" : "") + ".";
  }

  // A link into a collapsed source opens it.
  function reveal(id) {
    var target = id && doc.getElementById(id);
    for (var d = target && target.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
      d.open = true;
    }
    return target;
  }
  doc.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[href^='#']");
    if (a) { reveal(decodeURIComponent(a.getAttribute("href").slice(1))); }
  });
  window.addEventListener("hashchange", function () { reveal(location.hash.slice(1)); });
  var start = reveal(decodeURIComponent(location.hash.slice(1)));
  if (start) { start.scrollIntoView(); }

  var form = doc.getElementById("filters");
  if (form) { form.hidden = false; }
  apply();
  doc.body.setAttribute("data-ready", "1");
})();
