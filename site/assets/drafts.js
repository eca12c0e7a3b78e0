// Drafts and limits of the ticket forms (a new ticket, a reply). While the person types,
// what is written is kept in this browser (localStorage, per address) and offered back when
// the form is opened again without it. Before sending, files and text over the limits are
// refused beside their field, so that nothing is sent only to be refused by the server.
// Files are never part of a draft: a browser cannot keep them. The words and the limits come
// from the page (the form's hidden ".draft-config"). Drafts are kept per person and company
// (the form's data-draft-owner): a browser shared by colleagues offers each only their own.
// Without this script the server checks the same and keeps a form sent after its session ended.
"use strict";

(function () {
  const PREFIX = "portale-bozza:";
  const SKIPPED = ["csrf", "kept", "action"];

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null; // storage turned off: no drafts, the limits still hold
    }
  }

  // The desk's form drafts its two texts only (data-draft-only): its selects, brought back
  // from an old draft, would be stale choices.
  function drafted(form) {
    const only = (form.dataset.draftOnly || "").split(" ").filter(Boolean);
    return Array.from(form.elements).filter(
      (field) => field.name && !SKIPPED.includes(field.name) && !["file", "hidden", "submit", "button"].includes(field.type) &&
        (only.length === 0 || only.includes(field.name))
    );
  }

  function snapshot(form) {
    const values = {};
    for (const field of drafted(form)) {
      if (field.type === "radio") {
        if (field.checked) values[field.name] = field.value;
      } else if (field.type === "checkbox") {
        values["#" + field.id] = field.checked;
      } else {
        values[field.name] = field.value;
      }
    }
    return values;
  }

  // The fields a person writes in: a new ticket's, a reply's, the desk's reply and note.
  const TEXTS = ["title", "description", "message", "reply", "note"];

  // What a person wrote (not the choices the page starts with): a draft worth offering.
  function written(values) {
    return Object.keys(values).some(
      (name) => typeof values[name] === "string" && values[name].trim() && TEXTS.includes(name)
    );
  }

  function sameText(a, b) {
    return TEXTS.every((name) => (a[name] || "").trim() === (b[name] || "").trim());
  }

  function restore(form, values) {
    for (const field of drafted(form)) {
      if (field.type === "radio") {
        if (field.name in values) field.checked = field.value === values[field.name];
      } else if (field.type === "checkbox") {
        if ("#" + field.id in values) field.checked = values["#" + field.id];
      } else if (field.name in values) {
        field.value = values[field.name];
        // The formatting editor over it shows the Markdown formatted (editor.js, one way for a
        // draft and a kept text alike).
        field.dispatchEvent(new Event("portale:ripristinato"));
      }
    }
  }

  function offer(form, config, key, draft) {
    const notice = document.createElement("div");
    notice.className = "notice notice--info draft-offer";
    notice.setAttribute("role", "status");
    const text = document.createElement("p");
    // Italian time, as every other time of the portal (the server's pages are in Rome's time
    // whatever the browser's zone).
    // As the pages write a time ("01/12/2026 20:42"): toLocaleString put a comma between them.
    const at = {};
    new Intl.DateTimeFormat("it-IT", {
      day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
      timeZone: "Europe/Rome",
    }).formatToParts(new Date(draft.at)).forEach((part) => { at[part.type] = part.value; });
    const when = at.day + "/" + at.month + "/" + at.year + " " + at.hour + ":" + at.minute;
    text.textContent = config.offer.replace("{quando}", when);
    const actions = document.createElement("p");
    actions.className = "form-actions";
    const restoreButton = document.createElement("button");
    restoreButton.type = "button";
    restoreButton.className = "button button--primary";
    restoreButton.textContent = config.restore;
    const discardButton = document.createElement("button");
    discardButton.type = "button";
    discardButton.className = "button";
    discardButton.textContent = config.discard;
    actions.append(restoreButton, discardButton);
    notice.append(text, actions);
    form.querySelector(".draft-config").insertAdjacentElement("afterend", notice);
    // The pressed button goes away with its choice: focus stays where it was (the notice,
    // or the form's first text field once the notice is gone) instead of falling back to
    // the page's start, and the page does not move under the pointer.
    restoreButton.addEventListener("click", () => {
      restore(form, draft.values);
      text.textContent = config.restored;
      actions.remove();
      notice.tabIndex = -1;
      notice.focus({ preventScroll: true });
    });
    discardButton.addEventListener("click", () => {
      const store = storage();
      if (store) store.removeItem(key);
      notice.remove();
      const field = form.querySelector("textarea, input[type=text], input:not([type])");
      if (field) field.focus({ preventScroll: true });
    });
  }

  // Rounded up: a file a byte over 4 MB "pesa 4,1 MB", never "4,0 MB" beside "al massimo 4 MB".
  function megabytes(bytes) {
    return (Math.ceil(bytes / 104857.6) / 10).toFixed(1).replace(".", ",") + " MB";
  }

  function showError(form, field, message) {
    const box = field.closest(".field") || field.parentElement;
    let error = box.querySelector(".field-error[data-draft-error]");
    if (!error) {
      error = document.createElement("p");
      error.className = "field-error";
      error.setAttribute("role", "alert");
      error.dataset.draftError = "1";
      error.id = field.id + "-limit";
      box.appendChild(error);
    }
    error.textContent = message;
    box.classList.add("field--invalid");
    const editable = form.querySelector('[data-editor-for="' + field.id + '"]');
    // A file field's picker is out of sight where "+ Scegli" stands for it (pwa.js): the
    // focus goes to the button, which the error describes too.
    const chooser = field.type === "file" && field.classList.contains("visually-hidden")
      ? form.querySelector('.file-choose[data-for="' + field.id + '"]') : null;
    // Tied to the field as the server's errors are: announced once by the alert, and read
    // again whenever the field (or its editable area, or its button) has the focus.
    for (const target of [field, editable || chooser].filter(Boolean)) {
      if (target !== chooser) target.setAttribute("aria-invalid", "true");
      const described = (target.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      if (!described.includes(error.id)) target.setAttribute("aria-describedby", described.concat(error.id).join(" "));
    }
    (editable || chooser || field).focus();
  }

  function clearErrors(form) {
    form.querySelectorAll(".field-error[data-draft-error]").forEach((error) => {
      const box = error.parentElement;
      form.querySelectorAll('[aria-describedby~="' + error.id + '"]').forEach((target) => {
        const rest = target.getAttribute("aria-describedby").split(" ").filter((id) => id && id !== error.id);
        if (rest.length) target.setAttribute("aria-describedby", rest.join(" "));
        else target.removeAttribute("aria-describedby");
        if (!box.querySelector(".field-error:not([data-draft-error])")) target.removeAttribute("aria-invalid");
      });
      error.remove();
      if (!box.querySelector(".field-error")) box.classList.remove("field--invalid");
    });
  }

  // The first limit the form goes over, with the field to show it beside; null when none.
  function overLimit(form, config) {
    for (const area of form.querySelectorAll("textarea[data-maxlength]")) {
      if (area.value.length > Number(area.dataset.maxlength)) return [area, config.tooLong];
    }
    const maxFile = Number(config.maxFileSize);
    for (const input of form.querySelectorAll("input[type=file]")) {
      const files = Array.from(input.files || []);
      const kept = form.querySelectorAll("input[name=kept]:checked").length;
      for (const file of files) {
        if (file.size > maxFile) {
          const archive = /\.(zip|7z|rar|gz|tgz|bz2|xz)$/i.test(file.name);
          const message = archive ? config.archiveTooLarge : config.tooLarge;
          return [input, message.replace("{nome}", file.name).replace("{peso}", megabytes(file.size))];
        }
      }
      if (files.length + kept > Number(config.maxFiles)) return [input, config.tooMany];
      const total = files.reduce((sum, file) => sum + file.size, 0);
      if (total > Number(config.maxTotal)) return [input, config.tooMuch.replace("{peso}", megabytes(total))];
    }
    return null;
  }

  // The page's draft, when anything is written. A full storage (a text area holds what was
  // pasted, with no browser limit now) leaves the draft as it was rather than stop the script.
  function keep(store, key, values) {
    if (!written(values)) return;
    try {
      store.setItem(key, JSON.stringify({ at: Date.now(), values: values }));
    } catch (error) {
      // QuotaExceededError: the older draft stays.
    }
  }

  // Drafts kept before they had an owner ("portale-bozza:/ticket/nuovo"): nobody's to offer.
  function forgetOwnerless(store) {
    for (let index = store.length - 1; index >= 0; index--) {
      const name = store.key(index);
      if (name && name.startsWith(PREFIX + "/")) store.removeItem(name);
    }
  }

  // «Aggiorna» loads the page again to show new messages: what was being written comes back
  // in its field by itself (it came back only as a draft offered to restore, and looked lost).
  const RELOAD = "portale-aggiorna";
  let reloaded = false;
  try {
    reloaded = window.sessionStorage.getItem(RELOAD) === window.location.pathname;
    window.sessionStorage.removeItem(RELOAD);
  } catch (error) {
    // Storage turned off: the draft is offered as after any other visit.
  }

  // Which forms this tab has sent (sessionStorage is the tab's own): the answer's page deletes
  // only their drafts, once.
  const SENT = "portale-inviato:";
  function markSent(key) {
    try {
      window.sessionStorage.setItem(SENT + key, "1");
    } catch (error) {
      // Storage turned off: the answer's page deletes the draft as before.
    }
  }
  function sentHere(key) {
    try {
      if (window.sessionStorage.getItem(SENT + key) === null) return false;
      window.sessionStorage.removeItem(SENT + key);
      return true;
    } catch (error) {
      return true;
    }
  }

  function restoredAtOnce(form, config, draft) {
    restore(form, draft.values);
    const notice = document.createElement("div");
    notice.className = "notice notice--info draft-offer";
    notice.setAttribute("role", "status");
    const text = document.createElement("p");
    text.textContent = config.restored;
    notice.append(text);
    form.querySelector(".draft-config").insertAdjacentElement("afterend", notice);
  }

  document.querySelectorAll("form").forEach((form) => {
    const holder = form.querySelector(".draft-config");
    if (!holder) return;
    const config = holder.dataset;
    const owner = PREFIX + (form.dataset.draftOwner || "") + ":";
    const key = owner + window.location.pathname;
    const store = storage();
    if (store) {
      forgetOwnerless(store);
      // The forms the server has just accepted (a new ticket, this reply): their drafts are done,
      // when this tab sent them. The page's address says «accepted» on every reload and in
      // every tab restored with it: a draft written since (a second reply, another tab's new
      // ticket) was deleted by a reload.
      const done = (form.dataset.draftSent || "").split(" ").filter(Boolean).filter((path) => sentHere(owner + path));
      // A send refused (its page again, not accepted): the mark goes, or a later reload of an
      // earlier answer's page would take it for this one.
      if (!form.dataset.draftSent) sentHere(key);
      done.forEach((path) => store.removeItem(owner + path));
      // What the page shows still typed beside what was sent (the desk's note, its reply not
      // sent with it) is the page's draft anew: it went with the sent one, and leaving the page
      // lost it.
      if (done.length) {
        const values = snapshot(form);
        keep(store, key, values);
      }
    }

    if (store) {
      let draft = null;
      try {
        draft = JSON.parse(store.getItem(key) || "null");
      } catch (error) {
        store.removeItem(key);
      }
      if (draft && draft.values && written(draft.values) && !sameText(draft.values, snapshot(form))) {
        if (reloaded) restoredAtOnce(form, config, draft);
        else offer(form, config, key, draft);
      }
      // Kept now, not after the typing pause: «Aggiorna» pressed right after the last key.
      document.querySelectorAll(".refresh-link").forEach((link) => {
        link.addEventListener("click", (event) => {
          // A new tab or window leaves this page as it is; and with nothing written there is
          // nothing to bring back (an older draft stays an offer, never filled in unasked).
          if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
          const values = snapshot(form);
          if (!written(values)) return;
          keep(store, key, values);
          try {
            window.sessionStorage.setItem(RELOAD, window.location.pathname);
          } catch (error) {
            // The draft is offered instead.
          }
        });
      });
      let timer = null;
      const save = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const values = snapshot(form);
          keep(store, key, values);
        }, 400);
      };
      form.addEventListener("input", save);
      form.addEventListener("change", save);
    }

    // The buttons that send the form's text (a reply, a note, a new ticket): «Anteprima»,
    // «Conferma» and the desk's controls send it too but leave it to be sent.
    const SENDS = ["send", "reply", "note"];

    // After the editor's own submit listener (it writes its Markdown into the text area first).
    form.addEventListener("submit", (event) => {
      clearErrors(form);
      const found = overLimit(form, config);
      if (found) {
        event.preventDefault();
        showError(form, found[0], found[1]);
        return;
      }
      // The draft stays until the server's answer says the form was accepted (data-draft-sent):
      // a refused form (a file not allowed, a session ended) must not lose it. Kept now, not
      // after the typing pause: a press right after the last key would leave it behind.
      if (store) {
        const values = snapshot(form);
        keep(store, key, values);
        const button = event.submitter;
        if (!button || button.name !== "action" || SENDS.includes(button.value)) markSent(key);
      }
    });
  });
})();
