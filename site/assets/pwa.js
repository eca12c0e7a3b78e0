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
