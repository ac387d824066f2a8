// dossier: optional conveniences only; every page reads fine without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Facts matrix: a checkbox to show only facts a single outlet reports.
  var table = document.querySelector("table.matrix");
  if (!table || !table.querySelector("tr.single")) { return; }
  var label = document.createElement("label");
  var box = document.createElement("input");
  box.type = "checkbox";
  box.id = "only-single";
  label.appendChild(box);
  label.appendChild(document.createTextNode(" only single-outlet facts"));
  table.parentNode.parentNode.insertBefore(label, table.parentNode);
  box.addEventListener("change", function () {
    table.classList.toggle("only-single", box.checked);
  });
});
