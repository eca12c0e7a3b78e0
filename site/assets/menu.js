/*
 * A menu hidden on a laptop is hidden before the page is first drawn. This file is the one
 * script the pages load without `defer`, right after the menu's checkbox: pwa.js, deferred,
 * runs after the first paint, and the menu it hid showed for a moment on every page.
 * Kept to these lines so that waiting for it costs nothing noticeable; pwa.js does the rest
 * (the button, storing the choice, a window that crosses the phone/laptop line); its key
 * ('portale-menu') and its 800-pixel line are pwa.js's, which change with them.
 */
(function () {
  try {
    var box = document.getElementById('menu-toggle');
    if (box && window.matchMedia('(min-width: 800px)').matches
        && window.localStorage.getItem('portale-menu') === 'nascosto') {
      box.checked = true;
    }
  } catch (error) {
    // Storage turned off: the menu is shown, as without JavaScript.
  }
})();
