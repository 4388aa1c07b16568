// The person and child choosers (accounts/autocomplete.py), enhanced with alphagov's
// accessible-autocomplete over the scoped JSON search endpoints. Without JavaScript the page
// shows the current choice and a search box, resolved on submit (the search step).
(function () {
  "use strict";
  if (!window.accessibleAutocomplete || !window.fetch || !window.URL) return;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function enhance(root) {
    var name = root.getAttribute("data-name");
    var inputId = root.getAttribute("data-input-id");
    var noun = root.getAttribute("data-noun") || "match";
    var source = root.getAttribute("data-source");
    var search = root.querySelector(".app-chooser__search input");
    if (!name || !inputId || !source || !search) return;
    var group = root.closest(".govuk-form-group");
    var hasError = group && group.classList.contains("govuk-form-group--error");

    // the chosen record: the select's value or the checked radio, with its label
    var chosen = "";
    var chosenLabel = "";
    var select = root.querySelector("select.app-chooser__choices");
    var radio = root.querySelector(".app-chooser__choices input:checked");
    if (select && select.value) {
      chosen = select.value;
      chosenLabel = root.getAttribute("data-label") || "";
    } else if (radio) {
      chosen = radio.value;
      var label = root.querySelector('label[for="' + radio.id + '"]');
      chosenLabel = label ? label.textContent.trim() : "";
    }
    var typed = search.value;

    var hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = name;
    hidden.value = chosen;
    var container = document.createElement("div");
    container.className = "app-chooser__autocomplete";
    // the field's hint and error stay announced with the new input
    var describedBy = [];
    ["_hint", "_1_error", "-error"].forEach(function (suffix) {
      if (document.getElementById(inputId + suffix)) describedBy.push(inputId + suffix);
    });
    while (root.firstChild) root.removeChild(root.firstChild);
    root.appendChild(hidden);
    root.appendChild(container);

    var label = document.querySelector('label[for="' + inputId + '"]');
    if (label && !label.id) label.id = inputId + "-label";
    var url = new URL(source, window.location.href);
    window.accessibleAutocomplete({
      element: container,
      id: inputId,
      name: name + "_search",
      defaultValue: typed || chosenLabel,
      minLength: 2,
      autoselect: false,
      confirmOnBlur: false,
      showNoOptionsFound: true,
      inputClasses: "govuk-input" + (hasError ? " govuk-input--error" : ""),
      menuAttributes: label ? { "aria-labelledby": label.id } : {},
      tNoResults: function () {
        return "No " + noun + " found";
      },
      source: function (query, populateResults) {
        url.searchParams.set("q", query);
        window
          .fetch(url.toString(), {
            credentials: "same-origin",
            headers: { Accept: "application/json" },
          })
          .then(function (response) {
            return response.ok ? response.json() : { results: [] };
          })
          .then(function (data) {
            populateResults(data.results || []);
          })
          .catch(function () {
            populateResults([]);
          });
      },
      templates: {
        inputValue: function (result) {
          return result ? result.name : "";
        },
        suggestion: function (result) {
          if (!result) return "";
          if (typeof result === "string") return escapeHtml(result);
          return (
            escapeHtml(result.name) +
            (result.hint
              ? ' <span class="app-chooser__option-hint">' + escapeHtml(result.hint) + "</span>"
              : "")
          );
        },
      },
      onConfirm: function (result) {
        if (result && result.id) hidden.value = String(result.id);
      },
    });

    var input = document.getElementById(inputId);
    if (!input) return;
    if (describedBy.length) {
      input.setAttribute(
        "aria-describedby",
        describedBy.concat([inputId + "__assistiveHint"]).join(" "),
      );
    }
    // typing again forgets the earlier choice until a new one is confirmed; an empty box
    // clears the choice (the server searches whatever text is left unconfirmed)
    input.addEventListener("input", function () {
      hidden.value = "";
    });
  }

  var roots = document.querySelectorAll('[data-module="app-chooser"]');
  for (var i = 0; i < roots.length; i++) enhance(roots[i]);
})();
