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
    if (!event.target.matches || !event.target.matches('.logout-form')) return;
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
 * The menu, "Filtri" and the chat's size are checkboxes styled as buttons (they work without
 * JavaScript); a button answers Enter as well as Space, so these do too.
 */
(function () {
  document.addEventListener('keydown', function (event) {
    const target = event.target;
    if (event.key !== 'Enter' || !target.matches || !target.matches('.menu-toggle, .filters-toggle, .chat-toggle')) return;
    event.preventDefault();
    target.click();
  });
})();
