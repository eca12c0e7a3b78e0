/*
 * Registers the service worker that makes the portal installable and keeps the manual
 * readable offline. The worker sits at the site root (one level above this file), so that
 * its scope covers the whole portal. Without JavaScript, or in an old browser, the portal
 * works the same, only not offline.
 */
'use strict';

(function () {
  if (!('serviceWorker' in navigator) || !document.currentScript) return;
  const worker = new URL('../sw.js', document.currentScript.src);
  window.addEventListener('load', function () {
    navigator.serviceWorker.register(worker.href, { scope: new URL('./', worker).href }).catch(function () {
      // Not being installable is no error for the page itself: nothing to tell the person.
    });
  });
})();

/*
 * "Esci" takes this browser's drafts of ticket forms with it (assets/drafts.js keeps them in
 * localStorage): the logout answer asks for it (Clear-Site-Data), which some browsers
 * (WebKitGTK) ignore, so the page clears them itself as the form leaves.
 */
(function () {
  document.addEventListener('submit', function (event) {
    // Every "Esci" (the top bar's, "Scelta Tenant"'s, the login page's for another address).
    if (!event.target.matches || !event.target.matches('form[action="/logout"]')) return;
    try {
      const store = window.localStorage;
      for (let index = store.length - 1; index >= 0; index--) {
        const name = store.key(index);
        if (name && name.indexOf('portale-bozza:') === 0) store.removeItem(name);
      }
    } catch (error) {
      // Storage turned off: there are no drafts to clear.
    }
  });
})();

/*
 * A form pressed twice before its answer has come (a double click, a slow connection) is sent
 * once. The second "Invia" of the e-mail code found the code used by the first and signed the
 * person out (the first answer's session cookie was dropped with it); a second "Accedi" or
 * "Richiedi un nuovo codice" mailed a second code that voided the first. A script's own refusal
 * (the drafts' limits) runs first and is respected; after 10 seconds without an answer the
 * form may be sent again, as a person retrying a page that never comes would.
 */
(function () {
  let sent = new WeakMap();
  document.addEventListener('submit', function (event) {
    const form = event.target;
    if (event.defaultPrevented || !(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
    const last = sent.get(form);
    if (last !== undefined && Date.now() - last < 10000) {
      event.preventDefault();
      return;
    }
    sent.set(form, Date.now());
  });
  // Back to a page kept by the browser: its forms may be sent again at once.
  window.addEventListener('pageshow', function () {
    sent = new WeakMap();
  });
})();

/*
 * The menu, "Filtri" and the chat's size work without JavaScript as a checkbox, whose state
 * the stylesheet reads, and its label styled as a button. With JavaScript the label becomes
 * a real button: a screen reader hears a button that says whether its part is shown (or the
 * chat enlarged), Enter and Space press it, and it is found by its role as it looks. The
 * checkbox stays as the state, out of the tab order and of the accessibility tree.
 */
(function () {
  // What each switch shows or hides; the chat's size has no part of its own: it is pressed.
  const parts = { 'menu-toggle': '.sidebar', 'filters-toggle': '.ticket-filters' };
  function shown(element) {
    return element.getClientRects().length > 0;
  }
  // assets/menu.js reads the same key and the same 800-pixel line before the first paint.
  const menuKey = 'portale-menu';
  function storedMenu() {
    try {
      return window.localStorage.getItem(menuKey);
    } catch (error) {
      return null; // Storage turned off: the menu is shown on every page, as without JavaScript.
    }
  }
  function storeMenu(value) {
    try {
      if (value) window.localStorage.setItem(menuKey, value);
      else window.localStorage.removeItem(menuKey);
    } catch (error) {
      // Storage turned off or full: only this page keeps the menu hidden.
    }
  }
  document.querySelectorAll('label[for="menu-toggle"], label[for="filters-toggle"], label[for="chat-toggle"]').forEach(function (label) {
    const box = document.getElementById(label.htmlFor);
    if (!box || box.type !== 'checkbox') return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = label.className;
    while (label.firstChild) button.appendChild(label.firstChild);
    label.replaceWith(button);
    box.tabIndex = -1;
    box.setAttribute('aria-hidden', 'true');
    // Its name goes with it to the button: found by it, the checkbox (out of sight) could
    // not be pressed.
    if (box.hasAttribute('aria-label')) {
      button.setAttribute('aria-label', box.getAttribute('aria-label'));
      box.removeAttribute('aria-label');
    }
    const part = parts[box.id] && document.querySelector(parts[box.id]);
    // A menu hidden on a laptop stays hidden on the next page, as in the portal we replace,
    // which never leaves its page: here each link loads a page of its own, and the menu came
    // back on every one. Not on a phone, where the menu is opened over the page for one choice.
    const laptop = window.matchMedia('(min-width: 800px)');
    const remembers = box.id === 'menu-toggle';
    // The checkbox means "hidden" on a laptop and "open" on a phone: on a laptop it follows what
    // was chosen last, also on a page the browser brings back (Back kept the page's own state,
    // hidden where the menu had been shown since); crossing the line (a tablet turned), a menu
    // hidden on a laptop opened over the whole page on a phone: there it starts closed.
    function follow() {
      if (!remembers) return;
      box.checked = laptop.matches ? storedMenu() === 'nascosto' : false;
      state();
    }
    if (remembers && laptop.matches) box.checked = storedMenu() === 'nascosto';
    function state() {
      if (part) button.setAttribute('aria-expanded', String(shown(part)));
      else button.setAttribute('aria-pressed', String(box.checked));
    }
    button.addEventListener('click', function () {
      box.checked = !box.checked;
      box.dispatchEvent(new Event('change', { bubbles: true }));
      state();
      if (remembers && laptop.matches) storeMenu(box.checked ? 'nascosto' : null);
    });
    // On a laptop the menu is shown unless switched off, on a phone hidden unless switched on.
    window.addEventListener('resize', state);
    if (remembers) {
      if (laptop.addEventListener) laptop.addEventListener('change', follow);
      window.addEventListener('pageshow', function (event) {
        if (event.persisted) follow();
      });
    }
    state();
    // On a phone the open menu and the open "Filtri" close with Escape, as the portal's
    // other panels do, and the focus goes back to their button (shown only below the
    // stylesheet's lines). A field's own Escape comes first: a search box with text
    // clears it, a text area or the editor keeps it; the menu leaves every field alone, the
    // filters (mostly fields) only those outside them.
    // On a phone a menu entry within this page («Sessioni attive», «Dispositivi sicuri» on the
    // profile) loads no page: the menu closes as a new page would leave it (it stayed open over
    // the section it had scrolled to).
    if (box.id === 'menu-toggle' && part) {
      part.addEventListener('click', function (event) {
        const link = event.target.closest && event.target.closest('a[href*="#"]');
        if (!link || link.pathname !== window.location.pathname || !box.checked) return;
        if (!window.matchMedia('(max-width: 799.98px)').matches) return;
        box.checked = false;
        box.dispatchEvent(new Event('change', { bubbles: true }));
        state();
      });
    }
    if ((box.id === 'menu-toggle' || box.id === 'filters-toggle') && part) {
      document.addEventListener('keydown', function (event) {
        if (event.key !== 'Escape' || event.defaultPrevented || !box.checked) return;
        // The stylesheet's lines: the menu's at 800 pixels, "Filtri"'s at 900 (one column).
        const line = box.id === 'menu-toggle' ? '(max-width: 799.98px)' : '(max-width: 900px)';
        if (!window.matchMedia(line).matches || !shown(button)) return;
        const focused = document.activeElement;
        if (focused && focused.closest) {
          if (focused.closest('textarea, [contenteditable="true"]')) return;
          if (focused.matches('input[type="search"]') && focused.value !== '') return;
          if (focused.closest('input, select') && (box.id === 'menu-toggle' || !part.contains(focused))) return;
        }
        // One Escape closes one panel: the other listener sees it handled.
        event.preventDefault();
        button.click();
        button.focus();
      });
    }
  });
})();

// The stylesheet's mark of a page where scripts run (html.js: the menu's checkbox hidden).
document.documentElement.classList.add('js');

/*
 * "+ Scegli" (the manual's button) opens the file picker, and the names chosen are listed
 * beside it in Italian: the browser's own picker, hidden here, reads in the browser's
 * language. Without JavaScript the picker is shown as it is. Files dropped on the field join
 * the chosen ones, as they did on the picker.
 */
(function () {
  document.querySelectorAll('button.file-choose[data-for]').forEach(function (button) {
    const input = document.getElementById(button.getAttribute('data-for'));
    const chosen = document.getElementById(button.getAttribute('data-for') + '-chosen');
    const chooser = button.closest('.file-chooser');
    const box = input && input.closest('.field');
    if (!input || !chosen || !chooser || !box) return;
    function show() {
      // As the portal will store them: without control, direction and invisible characters
      // (which made "\u202Egpj.exe" read "exe.jpg" here), each ":" as "_". The same set as
      // AttachmentRules.fileName and Unicode.Scalar.isInvisibleFormatting on the server.
      const hidden = /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u2069\u2800\u3164\ufeff\uffa0\ufff9-\ufffb]|\ud82f[\udca0-\udca3]|\ud834[\udd73-\udd7a]/g;
      const names = Array.from(input.files || []).map(function (file) {
        return file.name.replace(hidden, '').replace(/:/g, '_');
      });
      // Files kept from a refused attempt, still ticked below, go with the form too.
      const kept = box.querySelector('input[name="kept"]:checked');
      chosen.textContent = names.length ? names.join(', ') : chosen.getAttribute(kept ? 'data-none-more' : 'data-none');
    }
    // Still named by its label ("Allegati") for assistive technology; reached by Tab once,
    // through "+ Scegli".
    // Autofocus may not have been applied yet when this runs (Firefox and Chromium apply it
    // after deferred scripts): the attribute says so too.
    const focused = document.activeElement === input || input.hasAttribute('autofocus');
    input.removeAttribute('autofocus');
    input.classList.add('visually-hidden');
    input.tabIndex = -1;
    chooser.hidden = false;
    // The refused file's field had the focus (autofocus): it goes to "+ Scegli", its control now.
    if (focused) button.focus();
    // Focus given to the field out of sight (the browser's autofocus, its label pressed) goes
    // to "+ Scegli": on the field nobody saw where the focus was, and Enter opened the picker.
    input.addEventListener('focus', function () { button.focus(); });
    button.addEventListener('click', function () { input.click(); });
    // Pasted screenshots, kept files unticked and a form restored by the browser change it too.
    box.addEventListener('change', show);
    window.addEventListener('pageshow', show);
    if (typeof DataTransfer !== 'undefined') {
      box.addEventListener('dragover', function (event) {
        if (!event.dataTransfer || Array.from(event.dataTransfer.types || []).indexOf('Files') < 0) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      });
      box.addEventListener('drop', function (event) {
        if (!event.dataTransfer || !event.dataTransfer.files || !event.dataTransfer.files.length) return;
        event.preventDefault();
        // A folder dropped is no file (Chromium's upload of the form failed on it); a file
        // dropped twice is chosen once.
        const items = Array.from(event.dataTransfer.items || []);
        const folders = items.filter(function (item) {
          const entry = item.webkitGetAsEntry && item.webkitGetAsEntry();
          return entry && entry.isDirectory;
        }).map(function (item) { return item.getAsFile(); });
        const key = function (file) { return file.name + '|' + file.size + '|' + file.lastModified; };
        const transfer = new DataTransfer();
        const seen = {};
        Array.from(input.files || []).concat(Array.from(event.dataTransfer.files)).forEach(function (file) {
          const isFolder = folders.some(function (folder) { return folder && key(folder) === key(file); });
          if (isFolder || seen[key(file)]) return;
          seen[key(file)] = true;
          transfer.items.add(file);
        });
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
    }
    show();
  });
})();

/*
 * An error beside a field goes as soon as the field is changed: «Il titolo è obbligatorio.»
 * stayed beside the title typed since, and a file's «pesa 5,1 MB» beside the files chosen
 * instead, until the next press. That press is checked again (by the server, and by
 * drafts.js's limits) and says what is still wrong. The message is removed, not hidden: a
 * hidden element named by aria-describedby is still read out with its field.
 */
(function () {
  // The editor's "Link" box (editor.js) is a tool inside the description's field, with an error
  // of its own: typing an address there changes no field, and its error stays its own.
  function own(element) {
    return !element.closest('.editor-link');
  }
  function settle(event) {
    const target = event.target;
    if (!(target instanceof Element) || !own(target)) return;
    const box = target.closest('.field--invalid');
    if (!box) return;
    box.classList.remove('field--invalid');
    Array.prototype.filter.call(box.querySelectorAll('.field-error'), own).forEach(function (error) {
      if (error.id) {
        document.querySelectorAll('[aria-describedby]').forEach(function (control) {
          const rest = control.getAttribute('aria-describedby').split(' ').filter(function (id) {
            return id && id !== error.id;
          });
          if (rest.length) control.setAttribute('aria-describedby', rest.join(' '));
          else control.removeAttribute('aria-describedby');
        });
      }
      error.remove();
    });
    Array.prototype.filter.call(box.querySelectorAll('[aria-invalid="true"]'), own).forEach(function (control) {
      control.removeAttribute('aria-invalid');
    });
  }
  document.addEventListener('input', settle);
  document.addEventListener('change', settle);
})();

/*
 * A confirmation after a redirect ("?avviso=…": «Ticket inviato», «Invito inviato») is in the
 * page as it arrives, and screen readers announce a live region's changes, not what it held
 * when the page loaded: the confirmation was seen but not heard. The notice takes the focus
 * (as GOV.UK's notification banner does), so that it is read, unless the page gave the focus
 * to something else (a field's autofocus). It was said again through a hidden region of this
 * script's: the same words twice in the page, which a lookup by text found as two. Without
 * JavaScript the notice is still the first thing after the page's title.
 */
(function () {
  if (!/[?&]avviso=/.test(window.location.search)) return;
  function announce() {
    const notice = document.querySelector('main .notice[role="status"], main .notice[role="alert"]');
    if (!notice || !notice.textContent.trim()) return;
    if (document.activeElement && document.activeElement !== document.body) return;
    notice.setAttribute('tabindex', '-1');
    notice.setAttribute('data-announced', '');
    notice.focus({ preventScroll: true });
    notice.addEventListener('blur', function () { notice.removeAttribute('tabindex'); }, { once: true });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', announce);
  else announce();
})();

/*
 * A file field with its own limit (the profile's picture: data-max-bytes, data-too-large)
 * says a file over it before the form is sent: sent, a large photo met nginx's bare «Dati
 * troppo grandi» page, or waited for the whole upload to be told. The ticket forms have
 * their limits checked by drafts.js.
 */
(function () {
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach(function (input) {
    const form = input.form;
    const box = input.closest('.field');
    if (!form || !box) return;
    const errorID = input.id + '-limit';
    function clear() {
      const shown = document.getElementById(errorID);
      if (!shown) return;
      shown.remove();
      if (!box.querySelector('.field-error')) {
        box.classList.remove('field--invalid');
        input.removeAttribute('aria-invalid');
      }
    }
    input.addEventListener('change', clear);
    form.addEventListener('submit', function (event) {
      const limit = Number(input.getAttribute('data-max-bytes'));
      const over = Array.from(input.files || []).some(function (file) { return file.size > limit; });
      if (!over) return;
      event.preventDefault();
      let error = document.getElementById(errorID);
      if (!error) {
        error = document.createElement('p');
        error.className = 'field-error';
        error.id = errorID;
        error.setAttribute('role', 'alert');
        box.appendChild(error);
      }
      error.textContent = input.getAttribute('data-too-large');
      box.classList.add('field--invalid');
      input.setAttribute('aria-invalid', 'true');
      const chooser = document.querySelector('.file-choose[data-for="' + input.id + '"]');
      [input, chooser].forEach(function (target) {
        if (!target) return;
        const described = (target.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
        if (described.indexOf(errorID) < 0) target.setAttribute('aria-describedby', described.concat(errorID).join(' '));
      });
      (chooser && !chooser.closest('[hidden]') ? chooser : input).focus();
    });
  });
})();
