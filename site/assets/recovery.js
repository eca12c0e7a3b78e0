// The recovery link carries its token in the fragment (#token=…), which the browser never
// sends, so that no server or proxy log holds it. This script moves it into the form's
// hidden field, hides "Codice di recupero" (no longer needed) and removes the fragment from
// the address bar and history. Without JavaScript the person types the e-mail's short code.
// It then asks whether the link still opens the form: a used or expired one is said at once,
// not after two passwords typed for nothing.
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
  const codeBox = form.querySelector("[data-recovery-code]");
  const linked = form.querySelector("[data-recovery-linked]");
  codeBox.hidden = true;
  const code = form.querySelector("#code");
  if (code) code.required = false;
  linked.hidden = false;
  // The code's field, hidden now, may have had the focus; a refused form's first wrong field
  // keeps the one the server gave it.
  const password = form.querySelector("#password");
  const wrong = form.querySelector("[aria-invalid=true]:not(#code)");
  if (wrong) wrong.focus();
  else if (password) password.focus();

  const csrf = form.querySelector("input[name=csrf]");
  fetch(form.dataset.check, {
    method: "POST",
    body: new URLSearchParams({ csrf: csrf ? csrf.value : "", token: field.value }),
    credentials: "same-origin",
  })
    .then((response) => (response.ok ? response.json() : null))
    .then((answer) => {
      if (!answer || answer.open !== false) return;
      // The link is spent: the form goes back to the e-mail's code (a newer e-mail's code
      // still opens it) and the notice says why.
      field.value = "";
      // Sent with the form: the passwords typed before this answer came, without a code,
      // are told the link is spent again, not asked for a code "without JavaScript".
      const closed = document.createElement("input");
      closed.type = "hidden";
      closed.name = "link_closed";
      closed.value = "1";
      form.appendChild(closed);
      linked.hidden = true;
      codeBox.hidden = false;
      if (code) code.required = true;
      const notice = document.querySelector("[data-recovery-closed]");
      if (notice) notice.hidden = false;
      if (code) code.focus();
    })
    .catch(() => {}); // Unanswered: the form says it when it is sent, as before.
})();
