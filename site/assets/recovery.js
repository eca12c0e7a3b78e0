// The recovery link carries its token in the fragment (#token=…), which the browser never
// sends, so that no server or proxy log holds it. This script moves it into the form's
// hidden field, hides "Codice di recupero" (no longer needed) and removes the fragment from
// the address bar and history. Without JavaScript the person types the e-mail's short code.
"use strict";

(function () {
  const form = document.querySelector("form[data-recovery]");
  if (!form) return;
  const field = form.querySelector("input[name=token]");
  const match = /(?:^#|&)token=([A-Za-z0-9_-]{43})(?:&|$)/.exec(window.location.hash);
  if (match) {
    field.value = match[1];
    history.replaceState(null, "", window.location.pathname);
  }
  if (!field.value) return;
  form.querySelector("[data-recovery-code]").hidden = true;
  const code = form.querySelector("#code");
  if (code) code.required = false;
  form.querySelector("[data-recovery-linked]").hidden = false;
  // The code's field, hidden now, may have had the focus; a refused form's first wrong field
  // keeps the one the server gave it.
  const password = form.querySelector("#password");
  const wrong = form.querySelector("[aria-invalid=true]:not(#code)");
  if (wrong) wrong.focus();
  else if (password) password.focus();
})();
