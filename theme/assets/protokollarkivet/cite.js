/* "Kopiera hänvisning": copies an item's or decision's citation with its permanent URL. */
(function () {
  "use strict";
  var status = document.createElement("p");
  status.className = "pa-visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "pa-visually-hidden";
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand("copy");
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.pa-copy");
    if (!button) return;
    var url = location.origin + location.pathname + "#" + button.dataset.copyAnchor;
    var text = button.dataset.copyText + ", " + url;
    copy(text).then(function () {
      status.textContent = "Hänvisningen är kopierad: " + text;
      button.classList.add("pa-copied");
      setTimeout(function () { button.classList.remove("pa-copied"); }, 2000);
    }, function () {
      status.textContent = "Kunde inte kopiera. Markera texten och kopiera den själv: " + text;
    });
  });
})();
