// The web app's few behaviours that HTML cannot express. No inline script anywhere (the Content-Security-Policy
// forbids it), so everything hooks in here.
(function () {
  "use strict";

  function meta(name) {
    const element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.content : null;
  }

  // every htmx request carries the session's CSRF token, like the forms' hidden field
  document.addEventListener("htmx:configRequest", function (event) {
    const header = meta("csrf-header");
    const token = meta("csrf-token");
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  // date fields that default to today use the browser's day, not the server's
  function localToday() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }
  function setToday(root) {
    root.querySelectorAll("input[data-default-today]").forEach(function (input) {
      if (input.dataset.defaultToday === input.value) {
        input.value = localToday();
        input.dataset.defaultToday = input.value;
      }
    });
  }

  // after a swap, put the keyboard where the person continues: the element marked data-autofocus
  function focusMarked(root) {
    const target = root.querySelector ? root.querySelector("[data-autofocus]") : null;
    if (target) {
      target.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    setToday(document);
  });
  document.addEventListener("htmx:load", function (event) {
    setToday(event.detail.elt);
    fillSuggestedCategory(event.detail.elt);
  });

  // quick add's suggested category goes into the field when it is confident enough, unless the person typed their own
  function fillSuggestedCategory(hint) {
    if (hint.id !== "qa-category-hint" || !hint.hasAttribute("data-fill")) {
      return;
    }
    const field = document.getElementById("qa-category");
    if (field && (field.value === "" || field.value === field.dataset.suggested)) {
      field.value = hint.dataset.category;
      field.dataset.suggested = hint.dataset.category;
    }
  }
  document.addEventListener("htmx:afterSettle", function (event) {
    focusMarked(event.detail.elt);
  });

  // a network failure (the web app itself unreachable) says so instead of doing nothing
  document.addEventListener("htmx:sendError", function () {
    const flash = document.getElementById("flash");
    if (flash) {
      flash.innerHTML = "";
      const p = document.createElement("p");
      p.className = "alert";
      p.setAttribute("role", "alert");
      p.textContent = "The web app cannot be reached. Check your connection and try again.";
      flash.appendChild(p);
    }
  });

  // Escape in an edit form cancels it
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    const form = event.target.closest ? event.target.closest("form[data-cancel]") : null;
    if (form) {
      const cancel = form.querySelector("[data-cancel-button]");
      if (cancel) {
        event.preventDefault();
        cancel.click();
      }
    }
  });

  // "select all" checkbox of the expense list
  document.addEventListener("change", function (event) {
    const all = event.target;
    if (all.matches && all.matches("input[data-select-all]")) {
      document.querySelectorAll('input[name="id"][form="' + all.dataset.selectAll + '"]').forEach(function (box) {
        box.checked = all.checked;
      });
    }
  });

})();
