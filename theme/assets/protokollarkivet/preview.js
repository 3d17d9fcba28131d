/* The preview (`mkdocs serve`) only: when the content has errors, every page says so at its top,
   listing each problem as `file:line: message`, while the pages keep showing the last valid
   content. The list comes from a file the preview rewrites after every edit; a valid edit empties
   it, and the live reload that follows takes the banner away. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var source = new URL("../../_forhandsvisning/problem.json", script.src);

  function banner(problems) {
    var box = document.createElement("section");
    box.className = "pa-preview-problems";
    box.setAttribute("role", "alert");
    box.setAttribute("aria-labelledby", "pa-preview-problems-title");
    var title = document.createElement("h2");
    title.id = "pa-preview-problems-title";
    title.textContent = problems.length === 1
      ? "Innehållet har 1 fel som måste rättas"
      : "Innehållet har " + problems.length + " fel som måste rättas";
    var note = document.createElement("p");
    note.textContent = "Förhandsvisningen visar senaste giltiga version tills felen är rättade. " +
      "Sidan laddas om av sig själv när filen sparas.";
    var list = document.createElement("ul");
    problems.forEach(function (text) {
      var entry = document.createElement("li");
      var code = document.createElement("code");
      code.textContent = text;
      entry.appendChild(code);
      list.appendChild(entry);
    });
    box.appendChild(title);
    box.appendChild(note);
    box.appendChild(list);
    var main = document.querySelector(".md-content__inner") || document.body;
    main.insertBefore(box, main.firstChild);
  }

  fetch(source, { cache: "no-store" })
    .then(function (response) { return response.ok ? response.json() : []; })
    .then(function (problems) { if (Array.isArray(problems) && problems.length) banner(problems); })
    .catch(function () { /* no list: nothing to show */ });
})();
