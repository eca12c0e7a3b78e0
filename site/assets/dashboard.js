// The dashboard editor. The server renders the saved widgets with their data (readable
// without JavaScript); this script adds "Modifica", "Aggiungi" and "Fatto", the
// "Aggiungi Widget" panel, dragging and resizing with the mouse (pointer events, so that
// touch works too) and, for the keyboard, the buttons of each widget. Every change is
// announced in the page's live region. The layout is saved as JSON with the session's CSRF
// token a moment after each change while editing, and by "Fatto"; a layout the server
// refuses stays on screen with its message. Left by any other way while editing (a menu
// link, the profile icon, a reload), the changes were dropped without a word, and the real
// portal's manual has no "Fatto" to press; a change made just before leaving goes on the
// way out (a fetch with keepalive, which outlives the page), which a reload of the dashboard
// itself may overtake: hence the save after each change.
// The script never draws a widget: one it adds, or refreshes on "Aggiorna", is the server's
// own markup (GET /api/dashboard/widget/{id}), so the page with and without JavaScript is the same.
// No inline script, no style attribute in the markup (the CSP): positions are classes.
"use strict";

(function () {
  const root = document.getElementById("dashboard");
  if (!root || !root.dataset.csrf) return;

  const COLUMNS = Number(root.dataset.columns) || 12;
  const ROWS = Number(root.dataset.rows) || 12;
  const grid = root.querySelector(".dashboard-grid");
  const panel = document.getElementById("widget-panel");
  const search = document.getElementById("widget-search");
  const noMatch = document.getElementById("widget-search-none");
  const status = document.getElementById("dashboard-status");
  const errorBox = document.getElementById("dashboard-error");
  const empty = root.querySelector(".dashboard-empty");
  const toolbar = root.querySelector(".dashboard-toolbar");
  const texts = readTexts();
  let editing = false;
  let drag = null;
  // The layout as the server has it (set below, once the page's widgets are read).
  let savedBody = "";

  // ------------------------------------------------------------------ texts and announcements

  function readTexts() {
    const result = {};
    const template = document.getElementById("dashboard-texts");
    if (template) {
      template.content.querySelectorAll("[data-text]").forEach((node) => {
        result[node.dataset.text] = node.textContent;
      });
    }
    return result;
  }

  function fill(key, values) {
    return (texts[key] || "").replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
  }

  // Cleared first, so that the same sentence twice in a row is read twice; and cleared again
  // once read out: a sentence left there ("Stato Ticket aggiunto…") was one more element with
  // the widget's title for a search of the page by text.
  let silence = 0;
  function say(key, values) {
    const sentence = fill(key, values || {});
    status.textContent = "";
    window.clearTimeout(silence);
    window.setTimeout(() => {
      status.textContent = sentence;
      silence = window.setTimeout(() => {
        if (status.textContent === sentence) status.textContent = "";
      }, 1500);
    }, 30);
  }

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
  }

  // ------------------------------------------------------------------ the grid's model: data attributes

  function widgets() {
    return Array.from(grid.querySelectorAll(":scope > .widget"));
  }

  function rectOf(widget) {
    const d = widget.dataset;
    return { x: Number(d.x), y: Number(d.y), w: Number(d.w), h: Number(d.h) };
  }

  function choiceFor(id) {
    return panel.querySelector('.widget-choice[data-widget="' + id + '"]');
  }

  function onGrid(id) {
    return widgets().some((widget) => widget.dataset.widget === id);
  }

  function titleOf(widget) {
    return choiceFor(widget.dataset.widget).dataset.title;
  }

  function minimumOf(id) {
    const choice = choiceFor(id);
    return { w: Number(choice.dataset.minW), h: Number(choice.dataset.minH) };
  }

  function overlaps(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }

  function fits(rect, except) {
    if (rect.x < 0 || rect.y < 0 || rect.w < 1 || rect.h < 1) return false;
    if (rect.x + rect.w > COLUMNS || rect.y + rect.h > ROWS) return false;
    return widgets().every((other) => other === except || !overlaps(rect, rectOf(other)));
  }

  function setPosition(element, rect) {
    element.className = element.className.replace(/\bdash-[xywh]-\d+\b/g, "").replace(/\s+/g, " ").trim();
    element.classList.add("dash-x-" + rect.x, "dash-y-" + rect.y, "dash-w-" + rect.w, "dash-h-" + rect.h);
  }

  function place(widget, rect) {
    Object.assign(widget.dataset, { x: rect.x, y: rect.y, w: rect.w, h: rect.h });
    setPosition(widget, rect);
    keepReadingOrder();
  }

  // The document order follows the grid (row, then column): the tab order and a screen
  // reader meet the widgets as they are seen, and small screens stack them in that order.
  function keepReadingOrder() {
    const focused = document.activeElement;
    const sorted = widgets().sort((a, b) => rectOf(a).y - rectOf(b).y || rectOf(a).x - rectOf(b).x);
    const current = widgets();
    if (sorted.every((widget, index) => widget === current[index])) return;
    sorted.forEach((widget) => grid.appendChild(widget));
    if (focused && focused !== document.activeElement && grid.contains(focused)) focused.focus();
  }

  function layout() {
    return widgets().map((widget) => {
      const rect = rectOf(widget);
      return { widget: widget.dataset.widget, x: rect.x, y: rect.y, w: rect.w, h: rect.h };
    });
  }

  function firstFreeSpot(size) {
    for (let y = 0; y + size.h <= ROWS; y++) {
      for (let x = 0; x + size.w <= COLUMNS; x++) {
        const rect = { x, y, w: size.w, h: size.h };
        if (fits(rect, null)) return rect;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ widgets from the server

  function element(name, className, text) {
    const node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // One widget with its data, unplaced, as the server renders it on the page. Parsed in an
  // inert template: nothing in it runs or loads before it is placed.
  async function fetchWidget(id) {
    const response = await fetch(root.dataset.widgetUrl + encodeURIComponent(id), {
      credentials: "same-origin", headers: { Accept: "text/html" },
    });
    if (response.status === 401) {
      window.location.assign("/login?next=/dashboard");
      throw new Error("session");
    }
    if (!response.ok) throw new Error("status " + response.status);
    const template = document.createElement("template");
    template.innerHTML = await response.text();
    const widget = template.content.querySelector('.widget[data-widget="' + id + '"]');
    if (!widget) throw new Error("no widget");
    return widget;
  }

  // ------------------------------------------------------------------ modes: view and edit

  function button(action, scope) {
    return (scope || toolbar).querySelector('[data-action="' + action + '"]');
  }

  // One "Aggiungi": in the middle of an empty dashboard, in the toolbar otherwise. Two, one
  // of them hidden, made the first found by its name one that could not be pressed.
  const addButton = root.querySelector('[data-action="add"]');

  function updateChrome() {
    const hasWidgets = widgets().length > 0;
    const inEmpty = !editing && !hasWidgets;
    root.classList.toggle("is-editing", editing);
    empty.hidden = editing || hasWidgets;
    toolbar.hidden = !editing && !hasWidgets;
    if (inEmpty && addButton.parentNode !== empty) {
      empty.appendChild(addButton);
      addButton.className = "button button--primary";
    } else if (!inEmpty && addButton.parentNode !== toolbar) {
      toolbar.insertBefore(addButton, button("done"));
      addButton.className = "button";
    }
    button("refresh").hidden = editing;
    button("edit").hidden = editing;
    addButton.hidden = !inEmpty && editing && !panel.hidden;
    button("done").hidden = !editing;
  }

  function updateChoices() {
    const placed = new Set(widgets().map((widget) => widget.dataset.widget));
    panel.querySelectorAll(".widget-choice").forEach((choice) => {
      const isPlaced = placed.has(choice.dataset.widget);
      choice.classList.toggle("is-placed", isPlaced);
      choice.querySelector(".widget-choice-placed").hidden = !isPlaced;
      choice.querySelector('[data-action="add-widget"]').disabled = isPlaced;
      // A placed widget's title only in the attribute (the stylesheet draws it): as text it
      // was a second element with the title of the widget in the grid.
      const title = choice.querySelector(".widget-choice-title");
      title.textContent = isPlaced ? "" : title.dataset.title;
    });
  }

  function startEditing(withPanel) {
    showError("");
    if (!editing) {
      editing = true;
      say("editing");
    }
    if (withPanel) panel.hidden = false;
    updateChoices();
    updateChrome();
    if (withPanel) {
      search.focus();
    } else {
      const first = grid.querySelector(".widget-tool");
      (first || button("done")).focus();
    }
  }

  function closePanel() {
    panel.hidden = true;
    updateChrome();
    (editing ? addButton : button("edit")).focus();
  }

  function saveLayout(body, keepalive) {
    return fetch(root.dataset.api + "/layout", {
      method: "PUT",
      credentials: "same-origin",
      keepalive,
      headers: { "Content-Type": "application/json", "X-CSRF-Token": root.dataset.csrf },
      body,
    });
  }

  // A moment after the last change: a drag's steps or a run of key presses save once.
  let saveTimer = null;
  function changed() {
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(saveNow, 400);
  }

  async function saveNow() {
    saveTimer = null;
    const body = JSON.stringify({ layout: layout() });
    if (body === savedBody) return;
    try {
      const response = await saveLayout(body, true);
      if (response.ok) {
        savedBody = body;
        showError("");
      } else {
        const answer = await response.json().catch(() => ({}));
        showError(answer.error || texts.failed);
      }
    } catch (error) {
      // Offline for a moment: "Fatto" or leaving the page tries again.
    }
  }

  async function finish() {
    window.clearTimeout(saveTimer);
    const done = button("done");
    done.disabled = true;
    try {
      const body = JSON.stringify({ layout: layout() });
      const response = await saveLayout(body, false);
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) {
        showError(answer.error || texts.failed);
        return;
      }
      savedBody = body;
      showError("");
      editing = false;
      panel.hidden = true;
      updateChrome();
      const focusTarget = widgets().length ? button("edit") : addButton;
      focusTarget.focus();
      say("saved");
    } catch (error) {
      showError(texts.failed);
    } finally {
      done.disabled = false;
    }
  }

  // Every widget's body is swapped for the server's fresh one, or none is: a failed request
  // leaves the page as it was. The frame stays, and with it the focus and the position.
  async function refresh() {
    const shown = widgets();
    try {
      const fresh = await Promise.all(shown.map((widget) => fetchWidget(widget.dataset.widget)));
      shown.forEach((widget, index) => {
        const body = fresh[index].querySelector(".widget-body");
        widget.querySelector(".widget-body").replaceChildren(...body.childNodes);
      });
      say("refreshed");
    } catch (error) {
      say("failed");
    }
  }

  // ------------------------------------------------------------------ adding, moving, resizing, removing

  // `spot` chooses the place once the widget has arrived: while it was on its way the grid
  // may have changed (another drop, "Fatto", a second press of the same button).
  async function add(id, spot) {
    const title = choiceFor(id).dataset.title;
    let widget;
    try {
      widget = await fetchWidget(id);
    } catch (error) {
      say("failed");
      return null;
    }
    if (!editing || onGrid(id)) return null;
    const rect = spot();
    if (!rect) {
      say("noRoom", { widget: title });
      return null;
    }
    widget.id = "widget-" + id;
    grid.appendChild(widget);
    place(widget, rect);
    updateChoices();
    updateChrome();
    say("added", { widget: title, x: rect.x + 1, y: rect.y + 1, w: rect.w, h: rect.h });
    changed();
    return widget;
  }

  async function addWithKeyboard(id) {
    const choice = choiceFor(id);
    const wanted = { w: Number(choice.dataset.w), h: Number(choice.dataset.h) };
    const spot = () => firstFreeSpot(wanted) || firstFreeSpot(minimumOf(id));
    if (!spot()) {
      say("noRoom", { widget: choice.dataset.title });
      return;
    }
    const widget = await add(id, spot);
    if (widget) widget.querySelector(".widget-tool").focus();
  }

  const steps = {
    left: { dx: -1, dy: 0 }, right: { dx: 1, dy: 0 }, up: { dx: 0, dy: -1 }, down: { dx: 0, dy: 1 },
    narrower: { dw: -1, dh: 0 }, wider: { dw: 1, dh: 0 }, shorter: { dw: 0, dh: -1 }, taller: { dw: 0, dh: 1 },
  };

  // A move jumps over a widget in the way to the next free place in that direction.
  function moveBy(widget, step) {
    const from = rectOf(widget);
    for (let distance = 1; distance < Math.max(COLUMNS, ROWS); distance++) {
      const rect = { x: from.x + step.dx * distance, y: from.y + step.dy * distance, w: from.w, h: from.h };
      if (rect.x < 0 || rect.y < 0 || rect.x + rect.w > COLUMNS || rect.y + rect.h > ROWS) break;
      if (fits(rect, widget)) {
        place(widget, rect);
        say("moved", { widget: titleOf(widget), x: rect.x + 1, y: rect.y + 1 });
        changed();
        return;
      }
    }
    say("blocked", { widget: titleOf(widget) });
  }

  function resizeBy(widget, step) {
    const from = rectOf(widget);
    const minimum = minimumOf(widget.dataset.widget);
    const rect = { x: from.x, y: from.y, w: from.w + step.dw, h: from.h + step.dh };
    if (rect.w < minimum.w || rect.h < minimum.h || !fits(rect, widget)) {
      say("blocked", { widget: titleOf(widget) });
      return;
    }
    place(widget, rect);
    say("resized", { widget: titleOf(widget), w: rect.w, h: rect.h });
    changed();
  }

  function remove(widget) {
    const title = titleOf(widget);
    const next = widgets()[widgets().indexOf(widget) + 1];
    widget.remove();
    updateChoices();
    updateChrome();
    say("removed", { widget: title });
    changed();
    const target = next ? next.querySelector(".widget-tool") : button("done");
    if (target) target.focus();
  }

  // ------------------------------------------------------------------ the mouse: pointer events

  function metrics() {
    const box = grid.getBoundingClientRect();
    const style = window.getComputedStyle(grid);
    const columnGap = parseFloat(style.columnGap) || 0;
    const rowGap = parseFloat(style.rowGap) || 0;
    return { box, pitchX: (box.width + columnGap) / COLUMNS, pitchY: (box.height + rowGap) / ROWS };
  }

  function clamp(value, low, high) {
    return Math.max(low, Math.min(high, value));
  }

  function showPlaceholder(rect, valid) {
    let placeholder = grid.querySelector(".widget-placeholder");
    if (!placeholder) {
      placeholder = element("div", "widget-placeholder");
      placeholder.setAttribute("aria-hidden", "true");
      grid.appendChild(placeholder);
    }
    setPosition(placeholder, rect);
    placeholder.classList.toggle("is-invalid", !valid);
  }

  function endDrag() {
    const placeholder = grid.querySelector(".widget-placeholder");
    if (placeholder) placeholder.remove();
    if (drag && drag.ghost) drag.ghost.remove();
    if (drag && drag.widget) drag.widget.classList.remove("is-dragging");
    root.classList.remove("is-dragging");
    drag = null;
  }

  // Where the dragged widget would land for this pointer position, and whether it may.
  function candidate(event) {
    const m = metrics();
    if (drag.kind === "new") {
      const inside = event.clientX >= m.box.left && event.clientX <= m.box.right &&
        event.clientY >= m.box.top && event.clientY <= m.box.bottom;
      if (!inside) return null;
      const column = Math.floor((event.clientX - m.box.left) / m.pitchX);
      const row = Math.floor((event.clientY - m.box.top) / m.pitchY);
      // Centred on the pointer: with its corner there, a widget dropped on the grid's middle
      // reached its right and bottom edges and could neither grow nor move that way.
      const at = (size) => ({
        x: clamp(column - Math.floor(size.w / 2), 0, COLUMNS - size.w), y: clamp(row - Math.floor(size.h / 2), 0, ROWS - size.h),
        w: size.w, h: size.h,
      });
      // A second widget dropped where the first already is (the grid's middle) was refused
      // with half the grid free: it goes to the free place nearest the pointer, at its own
      // size or, when only that fits, its smallest.
      const wanted = nearestFree(at(drag.size), null, null);
      return floatUp(wanted.valid ? wanted : nearestFree(at(minimumOf(drag.id)), null, null));
    }
    const dx = Math.round((event.clientX - drag.startX) / m.pitchX);
    const dy = Math.round((event.clientY - drag.startY) / m.pitchY);
    const from = drag.from;
    let rect;
    if (drag.kind === "move") {
      rect = { x: clamp(from.x + dx, 0, COLUMNS - from.w), y: clamp(from.y + dy, 0, ROWS - from.h), w: from.w, h: from.h };
      return nearestFree(rect, drag.widget, from);
    } else {
      const minimum = minimumOf(drag.widget.dataset.widget);
      rect = {
        x: from.x, y: from.y, w: clamp(from.w + dx, minimum.w, COLUMNS - from.x), h: clamp(from.h + dy, minimum.h, ROWS - from.y),
      };
    }
    return { rect, valid: fits(rect, drag.widget) };
  }

  // A new widget rises to the highest free row of its columns, as the widgets on a
  // dashboard stack from the top: dropped low on an empty grid it kept no room below it.
  function floatUp(found) {
    if (!found || !found.valid) return found;
    let rect = found.rect;
    while (rect.y > 0 && fits({ x: rect.x, y: rect.y - 1, w: rect.w, h: rect.h }, null)) {
      rect = { x: rect.x, y: rect.y - 1, w: rect.w, h: rect.h };
    }
    return rect === found.rect ? found : { rect, valid: true, snapped: true };
  }

  // The free place of `rect`'s size closest to it: a drop partly over another widget lands
  // beside it, as the placeholder shows while dragging; refused only when no place is free.
  // `home`: a moved widget's own place, kept on a tie (the first place of a row-by-row walk
  // took it one row up for a drag one column into a neighbour). `snapped` says the place is
  // not where the pointer asked.
  function nearestFree(rect, except, home) {
    if (fits(rect, except)) return { rect, valid: true, snapped: false };
    const others = widgets().filter((other) => other !== except).map(rectOf);
    const free = (spot) => others.every((other) => !overlaps(spot, other));
    const distance = (spot) => (spot.x - rect.x) * (spot.x - rect.x) + (spot.y - rect.y) * (spot.y - rect.y);
    let best = home;
    let bestDistance = home ? distance(home) : Infinity;
    for (let y = 0; y + rect.h <= ROWS; y++) {
      for (let x = 0; x + rect.w <= COLUMNS; x++) {
        const spot = { x, y, w: rect.w, h: rect.h };
        if (distance(spot) < bestDistance && free(spot)) {
          best = spot;
          bestDistance = distance(spot);
        }
      }
    }
    return best ? { rect: best, valid: true, snapped: true } : { rect, valid: false, snapped: false };
  }

  function startDrag(event, settings) {
    if (event.button !== 0) return;
    event.preventDefault();
    drag = Object.assign({ startX: event.clientX, startY: event.clientY, pointer: event.pointerId }, settings);
    event.currentTarget.setPointerCapture(event.pointerId);
    root.classList.add("is-dragging");
    if (drag.widget) drag.widget.classList.add("is-dragging");
  }

  function onPointerMove(event) {
    if (!drag || event.pointerId !== drag.pointer) return;
    if (drag.ghost) {
      drag.ghost.style.left = event.clientX + 8 + "px";
      drag.ghost.style.top = event.clientY + 8 + "px";
    }
    const next = candidate(event);
    drag.target = next;
    const placeholder = grid.querySelector(".widget-placeholder");
    if (next) {
      showPlaceholder(next.rect, next.valid);
    } else if (placeholder) {
      placeholder.remove();
    }
  }

  async function onPointerUp(event) {
    if (!drag || event.pointerId !== drag.pointer) return;
    const current = drag;
    const target = candidate(event);
    endDrag();
    if (!target) return;
    if (!target.valid) {
      say(current.kind === "new" ? "noRoom" : "blocked", { widget: current.title });
      return;
    }
    if (current.kind === "new") {
      await add(current.id, () => (fits(target.rect, null) ? target.rect : null));
    } else if (["x", "y", "w", "h"].every((key) => target.rect[key] === current.from[key])) {
      // Dropped on another widget with no free place nearer than its own: said so; a click,
      // or a drag back to where it started, says nothing.
      if (target.snapped) say("blocked", { widget: current.title });
      return;
    } else {
      place(current.widget, target.rect);
      if (current.kind === "move") {
        say("moved", { widget: current.title, x: target.rect.x + 1, y: target.rect.y + 1 });
        changed();
      } else {
        say("resized", { widget: current.title, w: target.rect.w, h: target.rect.h });
        changed();
      }
    }
  }

  function dragFromPanel(event) {
    const choice = event.target.closest(".widget-choice");
    if (!editing || !choice || event.target.closest("button") || choice.classList.contains("is-placed")) return;
    const ghost = element("div", "widget-ghost", choice.dataset.title);
    ghost.setAttribute("aria-hidden", "true");
    ghost.style.left = event.clientX + 8 + "px";
    ghost.style.top = event.clientY + 8 + "px";
    document.body.appendChild(ghost);
    startDrag(event, {
      kind: "new", id: choice.dataset.widget, title: choice.dataset.title, ghost,
      size: { w: Number(choice.dataset.w), h: Number(choice.dataset.h) },
    });
  }

  function dragInGrid(event) {
    if (!editing) return;
    const widget = event.target.closest(".widget");
    // Anywhere but its controls and links: the title bar's middle is mostly its buttons, so
    // a widget grabbed where a person (or a script) grabs it, its middle, did not move.
    if (!widget || event.target.closest("button, a, input, select, textarea")) return;
    // A press on the body's own scroll bar scrolls the list, as anywhere else.
    const body = event.target;
    if (body.matches(".widget-body") && (event.offsetX >= body.clientWidth || event.offsetY >= body.clientHeight)) return;
    // The handle, or the widget's own corner around it: the widget's rounded border clips the
    // handle, and a press on its last pixels moved the widget instead of resizing it.
    const corner = widget.getBoundingClientRect();
    const isResize = Boolean(event.target.closest(".widget-resize")) ||
      (event.target === widget && event.clientX >= corner.right - 20 && event.clientY >= corner.bottom - 20);
    startDrag(event, { kind: isResize ? "resize" : "move", widget, from: rectOf(widget), title: titleOf(widget) });
  }

  // ------------------------------------------------------------------ search in the panel

  function normalise(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  let searchTimer = null;
  function filterChoices() {
    const wanted = normalise(search.value);
    let shown = 0;
    panel.querySelectorAll(".widget-choice").forEach((choice) => {
      const visible = normalise(choice.dataset.title).includes(wanted);
      choice.hidden = !visible;
      if (visible) shown++;
    });
    noMatch.hidden = shown > 0;
    window.clearTimeout(searchTimer);
    const found = shown === 0 ? "foundNone" : shown === 1 ? "foundOne" : "found";
    searchTimer = window.setTimeout(() => say(found, { count: shown }), 400);
  }

  // ------------------------------------------------------------------ wiring

  root.addEventListener("click", (event) => {
    const control = event.target.closest("[data-action]");
    if (!control || !root.contains(control)) return;
    const action = control.dataset.action;
    const widget = control.closest(".widget");
    if (action === "refresh") {
      event.preventDefault();
      refresh();
    } else if (action === "edit") {
      startEditing(false);
    } else if (action === "add") {
      startEditing(true);
    } else if (action === "done") {
      finish();
    } else if (action === "close-panel") {
      closePanel();
    } else if (action === "add-widget") {
      addWithKeyboard(control.closest(".widget-choice").dataset.widget);
    } else if (widget && editing && action === "remove") {
      remove(widget);
    } else if (widget && editing && steps[action]) {
      if ("dx" in steps[action]) moveBy(widget, steps[action]);
      else resizeBy(widget, steps[action]);
    }
  });

  // Each row of "Elenco ticket" is a link to its ticket (issue 7): a press anywhere on the
  // row opens the title's link as the link itself would (a new tab with Ctrl, Shift or the
  // middle button). Not while editing, where a press moves the widget, nor after selecting
  // text in the row. The keyboard and screen readers keep the one link of each row.
  function openRow(event) {
    if (editing) return;
    const row = event.target.closest(".widget-table tbody tr");
    const link = row && row.querySelector("a.row-link");
    if (!link || event.target.closest("a, button, input, select, textarea")) return;
    // Ctrl in Firefox selects the cell it presses: a new tab all the same, without the selection.
    if (event.button === 1 || event.ctrlKey || event.metaKey || event.shiftKey) {
      window.getSelection().removeAllRanges();
      window.open(link.href, "_blank", "noopener");
      return;
    }
    if (String(window.getSelection())) return;
    link.click();
  }
  grid.addEventListener("click", openRow);
  // The rows look pressable only where this script opens them (without it, the title alone).
  root.classList.add("rows-open");
  grid.addEventListener("auxclick", (event) => {
    if (event.button === 1) openRow(event);
  });

  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closePanel();
  });
  search.addEventListener("input", filterChoices);
  panel.addEventListener("pointerdown", dragFromPanel);
  grid.addEventListener("pointerdown", dragInGrid);
  document.addEventListener("pointermove", onPointerMove);
  document.addEventListener("pointerup", onPointerUp);
  document.addEventListener("pointercancel", endDrag);

  // "Esci" ends the session before a save on the way out would arrive (refused, 401): a
  // change still waiting is saved first, then the form goes.
  const logout = document.querySelector("form.logout-form");
  if (logout) {
    logout.addEventListener("submit", async (event) => {
      if (!editing || JSON.stringify({ layout: layout() }) === savedBody) return;
      event.preventDefault();
      window.clearTimeout(saveTimer);
      await saveNow();
      logout.submit();
    });
  }

  window.addEventListener("pagehide", () => {
    if (!editing) return;
    const body = JSON.stringify({ layout: layout() });
    if (body !== savedBody) saveLayout(body, true).catch(() => {});
  });

  savedBody = JSON.stringify({ layout: layout() });
  updateChoices();
  updateChrome();
})();
