// Small behaviours of every page, without inline script (the Content-Security-Policy forbids it).
//   <select data-submit-on-change>           submits its form when the choice changes
//   <form data-confirm="Question?">          asks before submitting
"use strict";

document.addEventListener("change", (event) => {
  const field = event.target;
  if (field instanceof HTMLElement && field.matches("[data-submit-on-change]") && field.form) {
    field.form.requestSubmit ? field.form.requestSubmit() : field.form.submit();
  }
});

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
