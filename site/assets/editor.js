// The formatting editor of the ticket forms. The text area stays the form's field and holds
// Markdown, the stored format; over it this script puts an editable area where bold, italic,
// lists and links apply to the selection and no markup is ever visible. Every change writes
// the Markdown back into the text area (and fires its "input" event); the hidden field
// "<name>_format=markdown" tells the server that the text is Markdown. Pasted images become
// attachments of the form's file field. Without this script the text area works as it is,
// and what is typed is shown as typed.
"use strict";

(function () {
  // ---- DOM -> Markdown -----------------------------------------------------------------
  // Characters with a meaning in Markdown are escaped wherever they stand in the text.
  function escapePlain(text) {
    return text.replace(/[\\`*_[\]<>&~|#]/g, "\\$&");
  }

  // GFM's autolinks leave out trailing punctuation and a ")" they did not open.
  function trimAddress(address) {
    for (;;) {
      const last = address.charAt(address.length - 1);
      const opened = (address.match(/\(/g) || []).length;
      const closed = (address.match(/\)/g) || []).length;
      if (!last || !("?!.,:;*_~'\"".includes(last) || (last === ")" && closed > opened))) return address;
      address = address.slice(0, -1);
    }
  }

  // Outside a link, a web address is kept as the link cmark would make of it, as the server
  // keeps one typed without this script (Markdown.escapeTyped): escaped like the rest, the
  // autolink took the backslashes in ("a_b?x=1&y=2" opened "a%5C_b?x=1%5C&y=2"). An address
  // with a scheme (any case, not glued to an ASCII letter) becomes <address>; a "www." one
  // (after a space, the start or one of *_~( ) a link whose text is as typed.
  function escapeText(text, inLink) {
    text = text.replace(/\u00a0/g, " ");
    if (inLink) return escapePlain(text);
    const pattern = /(?:https?|ftp):\/\/|www\./gi;
    let out = "";
    let done = 0;
    let match;
    while ((match = pattern.exec(text))) {
      const start = match.index;
      const before = start > 0 ? text.charAt(start - 1) : "";
      const www = match[0].toLowerCase() === "www.";
      if (www ? match[0] !== "www." || (before && !/[\s*_~(]/.test(before)) : /[A-Za-z]/.test(before)) continue;
      const address = trimAddress(/^[^\s<>\u0000-\u001f\u007f]*/.exec(text.slice(start))[0]);
      if (address.length <= match[0].length) continue;
      out += escapePlain(text.slice(done, start));
      out += www ? "[" + escapePlain(address) + "](<http://" + address + ">)" : "<" + address + ">";
      done = start + address.length;
      pattern.lastIndex = done;
    }
    return out + escapePlain(text.slice(done));
  }

  // A line that would start a list, a quote or a heading underline is escaped at its start.
  function escapeLineStart(line) {
    const trimmed = line.replace(/^\s+/, "");
    if (/^[-+=]/.test(trimmed)) return "\\" + trimmed;
    return trimmed.replace(/^(\d+)([.)])/, "$1\\$2");
  }

  // Emphasis markers must touch the text: spaces go outside them. `before` and `after` are
  // the characters around the run: a marker between a letter outside and punctuation inside
  // is no marker for CommonMark, and "Buongiorno, il gestionale" made bold from its comma
  // showed "Buongiorno**, il gestionale**". Punctuation at such an edge goes outside too.
  // By index, not by slicing the run again for each character moved (a long paste of spaces
  // took seconds).
  function wrap(marker, inner, before, after) {
    // Spaces at either end by index: a regular expression for them backtracked for seconds
    // on a run of spaces inside.
    let from = 0, to = inner.length;
    while (from < to && /\s/.test(inner[from])) from++;
    while (to > from && /\s/.test(inner[to - 1])) to--;
    const lead = inner.slice(0, from), body = inner.slice(from, to), trail = inner.slice(to);
    let start = 0, end = body.length;
    if (!lead && isWordChar(before)) {
      let length;
      while (start < end && (length = leadingTokenLength(body, start))) {
        start += length;
        while (start < end && /\s/.test(body[start])) start++;
      }
    }
    if (!trail && isWordChar(after)) {
      let length;
      while (end > start && (length = trailingTokenLength(body, end))) {
        end -= length;
        while (end > start && /\s/.test(body[end - 1])) end--;
      }
    }
    if (start === end) return inner;
    return lead + body.slice(0, start) + marker + body.slice(start, end) + marker + body.slice(end) + trail;
  }

  // CommonMark's punctuation, as cmark-gfm reads it: ASCII's, and Unicode's P categories
  // (a symbol such as "€", "°" or an emoji is a letter to it).
  function isPunctuation(character) {
    return /^[!-\/:-@[-`{-~]$/.test(character) || /^\p{P}$/u.test(character);
  }

  function isWordChar(character) {
    return !!character && !/^\s$/u.test(character) && !isPunctuation(character);
  }

  function firstCodePoint(text) {
    return text ? String.fromCodePoint(text.codePointAt(0)) : "";
  }

  function lastCodePoint(text) {
    if (!text) return "";
    const code = text.charCodeAt(text.length - 1);
    return code >= 0xdc00 && code <= 0xdfff && text.length > 1 ? text.slice(-2) : text.slice(-1);
  }

  // Our own syntax stays inside: a link's bracket, an autolink's angle, code, a marker.
  const SYNTAX = /^[[\]<>`*\\]$/;

  // Literal punctuation at `index`: an escaped character with its backslash, or one that is
  // no syntax of ours. Its length in UTF-16 units; 0 when none.
  function leadingTokenLength(body, index) {
    if (body[index] === "\\" && index + 1 < body.length) return 2;
    const character = String.fromCodePoint(body.codePointAt(index));
    return isPunctuation(character) && !SYNTAX.test(character) ? character.length : 0;
  }

  // The same ending at `end` (exclusive).
  function trailingTokenLength(body, end) {
    const character = lastCodePoint(body.slice(Math.max(0, end - 2), end));
    if (!isPunctuation(character)) return 0;
    let slashes = 0;
    for (let i = end - 2; i >= 0 && body[i] === "\\"; i--) slashes++;
    if (slashes % 2 === 1) return 2;
    if (SYNTAX.test(character) || (character === ")" && body[end - 2] === ">")) return 0;
    return character.length;
  }

  function safeURL(url) {
    const trimmed = (url || "").trim();
    return /^(https?:|mailto:)/i.test(trimmed) ? trimmed : "";
  }

  // `inLink`: inside a link's text, where an address is text (no link in a link).
  function inline(node, inLink) {
    // A line break in the HTML's text is a space on screen (the server's rendering writes one
    // after each <br>): only <br> and blocks make lines, or a kept text's every line break
    // came back as a paragraph once sent again.
    if (node.nodeType === Node.TEXT_NODE) return escapeText(node.data.replace(/\n/g, " "), inLink);
    if (node.nodeType !== Node.ELEMENT_NODE) return "";
    const inner = (link) => joinInline(Array.from(node.childNodes), inLink || link);
    const marker = emphasisMarker(node);
    if (marker) return wrap(marker, inner(), "", "");
    switch (node.nodeName) {
      case "BR":
        return "\n";
      case "CODE":
        return "`" + node.textContent.replace(/`/g, "'") + "`";
      case "A": {
        const url = safeURL(node.getAttribute("href"));
        return url ? link(url, inner(true)) : inner();
      }
      default:
        // A block met inside a line (a pasted <div> or <p>) is a line of its own.
        return isBlock(node) ? "\n" + inner() + "\n" : inner();
    }
  }

  function link(url, text) {
    return "[" + text + "](<" + url.replace(/[<>\s]/g, encodeURIComponent) + ">)";
  }

  // Bold, italic or both: by tag, or by the style the browser writes when one of two is
  // turned off at the caret ("<i style=\"font-weight: bold\">" was sent as italic only).
  function emphasisMarker(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return "";
    // The attribute's text: the page's Content-Security-Policy keeps style attributes from
    // applying, and `node.style` reads empty.
    const style = node.getAttribute("style") || "";
    const weight = /font-weight\s*:\s*([a-z0-9]+)/i.exec(style), slant = /font-style\s*:\s*([a-z]+)/i.exec(style);
    const bold = weight ? /^(bold|bolder|[6-9]00)$/i.test(weight[1]) : /^(B|STRONG)$/.test(node.nodeName);
    const italic = slant ? /^(italic|oblique)$/i.test(slant[1]) : /^(I|EM)$/.test(node.nodeName);
    return (bold ? "**" : "") + (italic ? "*" : "");
  }

  // Spans and other inline wrappers (pasted text brings them) stand for their content.
  function flatten(nodes) {
    const flat = [];
    nodes.forEach((node) => {
      const transparent = node.nodeType === Node.ELEMENT_NODE && !emphasisMarker(node) && !isBlock(node)
        && !/^(A|CODE|BR)$/.test(node.nodeName);
      if (transparent) flat.push(...flatten(Array.from(node.childNodes)));
      else flat.push(node);
    });
    return flat;
  }

  // A line's pieces, each emphasis wrapped knowing the characters around it (see `wrap`);
  // `before` and `after`: those around the whole line piece, for an emphasis at its edge
  // (bold and italic together at a comma moved it out of both).
  function joinInline(children, inLink, before = "", after = "") {
    const parts = flatten(children).map((node) => {
      const marker = emphasisMarker(node);
      return marker ? { node, marker } : { text: inline(node, inLink) };
    });
    let out = "";
    parts.forEach((part, index) => {
      if (!part.marker) {
        out += part.text;
        return;
      }
      const left = out ? lastCodePoint(out) : before;
      let right = after;
      for (let k = index + 1; k < parts.length; k++) {
        const first = parts[k].marker ? "*" : firstCodePoint(parts[k].text);
        if (first) {
          right = first;
          break;
        }
      }
      const sole = inLink ? null : soleLink(part.node, part.marker);
      const url = sole ? safeURL(sole.link.getAttribute("href")) : "";
      if (url && (isWordChar(left) || isWordChar(right))) {
        // A link made bold beside a letter: "Vedi**[x](…)**" is no emphasis for CommonMark
        // (a marker between a letter and a bracket) and showed its asterisks; the emphasis
        // goes inside the link's text, which looks the same.
        const text = part.node.textContent;
        out += (/^\s/.test(text) ? " " : "") + link(url, wrap(sole.marker, joinInline(Array.from(sole.link.childNodes), true), "[", "]"))
          + (/\s$/.test(text) ? " " : "");
        return;
      }
      out += wrap(part.marker, joinInline(Array.from(part.node.childNodes), inLink, left, right), left, right);
    });
    return out;
  }

  // The one link an emphasis holds, through emphases nested in it (Chromium and WebKit make
  // bold, italic and then a link <b><i><a>), with their markers together; null otherwise.
  function soleLink(node, marker) {
    for (;;) {
      // A space beside the link (a double click selects "word "): no part of the emphasis.
      const only = flatten(Array.from(node.childNodes)).filter((child) => child.nodeType !== Node.TEXT_NODE || child.data.trim() !== "");
      if (only.length !== 1) return null;
      if (only[0].nodeName === "A") return { link: only[0], marker };
      const inner = emphasisMarker(only[0]);
      if (!inner) return null;
      // "**" and "*" together are "***"; the same twice is still one.
      marker = (marker.includes("**") || inner.includes("**") ? "**" : "") + (/^\*(\*\*)?$/.test(marker) || /^\*(\*\*)?$/.test(inner) ? "*" : "");
      node = only[0];
    }
  }

  function isBlock(node) {
    return /^(DIV|P|UL|OL|LI|H[1-6]|BLOCKQUOTE|PRE)$/.test(node.nodeName);
  }

  // The editable area's content as Markdown lines: a <div> (what Enter makes) is a line, a
  // <p> a paragraph (a blank line after it), a list its items, with blank lines around it.
  function blocks(container, lines, indent) {
    // The inline pieces of the current line, joined together: an emphasis needs its neighbours.
    let pending = [];
    const flush = () => {
      const current = joinInline(pending, false);
      if (current !== "") current.split("\n").forEach((line) => lines.push(indent + escapeLineStart(line)));
      pending = [];
    };
    const blank = () => {
      if (lines.length && lines[lines.length - 1] !== "") lines.push("");
    };
    Array.from(container.childNodes).forEach((node) => {
      if (node.nodeName === "UL" || node.nodeName === "OL") {
        flush();
        blank();
        let number = 1;
        Array.from(node.children).forEach((item) => {
          const marker = node.nodeName === "UL" ? "- " : number++ + ". ";
          const itemLines = [];
          blocks(item, itemLines, "");
          const text = itemLines.filter((line) => line !== "");
          lines.push(indent + marker + (text[0] || ""));
          text.slice(1).forEach((line) => lines.push(indent + " ".repeat(marker.length) + line));
        });
        lines.push("");
      } else if (node.nodeType === Node.ELEMENT_NODE && isBlock(node) && node.nodeName !== "LI") {
        flush();
        const before = lines.length;
        blocks(node, lines, indent);
        if (lines.length === before) lines.push(""); // an empty line the person made
        if (node.nodeName === "P") blank();
      } else {
        pending.push(node);
      }
    });
    flush();
  }

  function toMarkdown(editable) {
    const lines = [];
    blocks(editable, lines, "");
    return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim();
  }

  // ---- the editor ----------------------------------------------------------------------
  function setUp(editor) {
    const area = document.getElementById(editor.dataset.editor);
    const toolbar = editor.querySelector(".editor-toolbar");
    const form = area && area.form;
    if (!area || !toolbar || !form) return;
    const labels = editor.dataset;

    const editable = document.createElement("div");
    editable.className = "editor-area prose";
    editable.contentEditable = "true";
    editable.setAttribute("role", "textbox");
    editable.setAttribute("aria-multiline", "true");
    editable.setAttribute("aria-labelledby", area.id + "-label");
    if (area.getAttribute("aria-describedby")) editable.setAttribute("aria-describedby", area.getAttribute("aria-describedby"));
    if (area.getAttribute("aria-invalid")) editable.setAttribute("aria-invalid", area.getAttribute("aria-invalid"));
    // The hidden text area's "required" is read by nobody: the editable area says it.
    if (area.required) editable.setAttribute("aria-required", "true");
    editable.dataset.editorFor = area.id;
    area.insertAdjacentElement("afterend", editable);
    area.hidden = true;
    // A refused form puts the focus on its first wrong field (autofocus): hidden now, the
    // text area would be skipped, so its editable area takes the focus instead, unless an
    // earlier wrong field is the page's first.
    if (area.hasAttribute("autofocus")) {
      area.removeAttribute("autofocus");
      if (!document.querySelector("[autofocus]") || area.compareDocumentPosition(document.querySelector("[autofocus]")) & Node.DOCUMENT_POSITION_FOLLOWING) {
        editable.focus();
        // WebKit focuses without scrolling here: a refused reply under a long thread came back
        // at the page's top, its message out of sight.
        editable.scrollIntoView({ block: "center" });
      }
    }

    const format = document.createElement("input");
    format.type = "hidden";
    format.name = area.name + "_format";
    format.value = "markdown";
    form.appendChild(format);

    const status = document.createElement("p");
    status.className = "muted editor-status";
    status.setAttribute("role", "status");
    editable.insertAdjacentElement("afterend", status);

    const label = document.getElementById(area.id + "-label");
    if (label) {
      // The label names the editable area (aria-labelledby, and its `for`): tied to the hidden
      // text area too, the one field "Descrizione" was two to whoever looks it up by name, and
      // with `for` removed a lookup by it found nothing. The editable area is no form control,
      // so no browser ties the two: the click below does.
      editable.id = area.id + "-editor";
      label.htmlFor = editable.id;
      label.addEventListener("click", () => editable.focus());
    }

    // Only when the text changed: sent on every "Invia", the event read as the field changed
    // (pwa.js then took the description's error away from a description still empty).
    // Set while the editor shows a kept text as plain text (the server's preview unanswered):
    // sent as it is, its Markdown goes unchanged; typed on, it is the text the person sees.
    let shownAsText = false;
    const sync = (event) => {
      if (event && event.type === "submit" && shownAsText) return;
      shownAsText = false;
      const markdown = toMarkdown(editable);
      if (markdown === area.value) return;
      area.value = markdown;
      area.dispatchEvent(new Event("input", { bubbles: true }));
    };
    editable.addEventListener("input", sync);
    form.addEventListener("submit", sync);

    // A kept text (a refused form, "Anteprima", a reference to an old ticket) is Markdown:
    // shown formatted, rendered by the server exactly as the thread will show it.
    const token = form.querySelector("input[name=csrf]");
    const showKept = () => {
      const text = area.value;
      if (!text.trim() || !token) return;
      const data = new URLSearchParams({ csrf: token.value, text: text });
      // The desk's form has its own (data-preview): the customers' answers an operator 404.
      // A redirect is the session's end (the login page), never the preview: the text as it is.
      fetch(form.dataset.preview || "/ticket/anteprima", { method: "POST", body: data, credentials: "same-origin", redirect: "error" })
        .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
        .then((html) => {
          editable.innerHTML = html; // the server's safe rendering (cmark-gfm, allowlist)
          shownAsText = false;
          if (/\n[ \t]*\n\s*$/.test(text)) openParagraph();
        })
        .catch(() => {
          shownAsText = true;
          // The text as it reads, its lines kept as lines and without the escapes the editor
          // itself added (shown, they were escaped again at the next key: «5\\\*3»).
          editable.textContent = "";
          text.replace(/\\([\\`*_[\]<>&~|#.+\-=!()])/g, "$1").split("\n").forEach((line, index) => {
            if (index) editable.appendChild(document.createElement("br"));
            editable.appendChild(document.createTextNode(line));
          });
        });
    };
    // A kept text that ends with an empty line ("Riferimento al ticket #…" above a new
    // request) asks for a paragraph of its own: rendered, the empty line was gone, and the
    // caret could only go at the end of the reference, the person's words glued to it.
    // An empty paragraph after it, where the caret goes when the editor is first entered.
    const openParagraph = () => {
      const empty = document.createElement("p");
      empty.appendChild(document.createElement("br"));
      editable.appendChild(empty);
      editable.addEventListener("focus", () => {
        if (!empty.isConnected || empty.textContent) return;
        const range = document.createRange();
        range.setStart(empty, 0);
        range.collapse(true);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      }, { once: true });
    };
    showKept();
    // Back to the page, the browser puts what was typed back into the hidden text area after
    // this script has run (Chromium, at the page's load): the editor showed nothing, and
    // "Invia Ticket" then sent it empty over the text. Shown once the page is loaded or shown.
    const showRestored = () => {
      if (area.value.trim() && !editable.textContent.trim()) showKept();
    };
    window.addEventListener("load", showRestored);
    window.addEventListener("pageshow", showRestored);
    // «Ripristina bozza» (drafts.js) has put a draft's Markdown into the text area.
    area.addEventListener("portale:ripristinato", showKept);

    // The editor shows the formatting itself: the preview is only for the "Anteprima" button.
    const preview = editor.querySelector(".editor-preview");
    if (preview && preview.hidden) preview.remove();

    try {
      document.execCommand("styleWithCSS", false, false);
    } catch (error) {
      // Older engines: their default is already tags, not styles.
    }

    // Under the field's label and hint, right above what it formats: above the label it read
    // as the previous field's ("Titolo"). The link's panel after it, once it is in place: made
    // first, it stayed above the label when the toolbar moved.
    area.insertAdjacentElement("beforebegin", toolbar);
    toolbar.hidden = false;
    const linkPanel = makeLinkPanel(editor, editable, labels, sync);
    const formattingHint = document.getElementById(area.id + "-formatting");
    if (formattingHint) {
      formattingHint.hidden = false;
      const described = editable.getAttribute("aria-describedby");
      editable.setAttribute("aria-describedby", (described ? described + " " : "") + formattingHint.id);
    }
    // One stop of Tab, its buttons reached with the arrow keys, as a toolbar is (the ARIA
    // toolbar pattern, which a screen reader announces with role="toolbar"): Tab went through
    // all five on the way from "Titolo" to the text. The button last used keeps the stop.
    const buttons = Array.from(toolbar.querySelectorAll("button"));
    const rove = (index) => buttons.forEach((button, at) => { button.tabIndex = at === index ? 0 : -1; });
    rove(0);
    toolbar.addEventListener("focusin", (event) => {
      const index = buttons.indexOf(event.target);
      if (index >= 0) rove(index);
    });
    toolbar.addEventListener("keydown", (event) => {
      const index = buttons.indexOf(document.activeElement);
      if (index < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
      const last = buttons.length - 1;
      const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      rove(next);
      buttons[next].focus();
    });
    toolbar.addEventListener("mousedown", (event) => {
      if (event.target.closest("button")) event.preventDefault(); // keeps the selection
    });
    const commands = { bold: "bold", italic: "italic", list: "insertUnorderedList", numbered: "insertOrderedList" };
    toolbar.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action]");
      if (!button) return;
      const action = button.dataset.action;
      if (action === "link") {
        linkPanel.open();
        return;
      }
      editable.focus();
      document.execCommand(commands[action], false, null);
      sync();
      showState();
    });

    // Ctrl+B and Ctrl+I (Cmd on a Mac), as in a word processor: Chromium and WebKit do it by
    // themselves, Firefox not in an editable area (it opened its bookmarks and page info).
    editable.addEventListener("keydown", (event) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const action = { b: "bold", i: "italic" }[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      document.execCommand(commands[action], false, null);
      sync();
      showState();
    });

    // The toggles say whether they apply where the caret is (aria-pressed), as a word
    // processor's buttons do: a screen reader hears "Grassetto, premuto".
    const toggles = Array.from(toolbar.querySelectorAll("button[data-action]")).filter((b) => commands[b.dataset.action]);
    const showState = () => {
      for (const button of toggles) {
        let pressed = false;
        try {
          pressed = document.queryCommandState(commands[button.dataset.action]);
        } catch (error) {
          // An engine without the query: the buttons stay plain buttons.
        }
        button.setAttribute("aria-pressed", pressed ? "true" : "false");
      }
    };
    document.addEventListener("selectionchange", () => {
      const selection = document.getSelection();
      if (selection && selection.anchorNode && editable.contains(selection.anchorNode)) showState();
    });
    showState();

    editable.addEventListener("paste", (event) => {
      const data = event.clipboardData;
      if (!data) return;
      const images = Array.from(data.files || []).filter((file) => file.type.startsWith("image/"));
      event.preventDefault();
      if (images.length) {
        attach(form, images, status, labels.pasted);
      } else {
        // Only the text: formatting from elsewhere would carry what the editor cannot show.
        document.execCommand("insertText", false, data.getData("text/plain"));
      }
    });
  }

  // "Link": the address is asked in a small field under the toolbar, then applied to the
  // selected words (or inserted as its own text when nothing is selected).
  function makeLinkPanel(editor, editable, labels, sync) {
    const panel = document.createElement("div");
    panel.className = "editor-link";
    panel.hidden = true;
    const id = editor.dataset.editor + "-link";
    const fieldLabel = document.createElement("label");
    fieldLabel.htmlFor = id;
    fieldLabel.textContent = labels.linkAddress;
    const input = document.createElement("input");
    input.type = "url";
    input.id = id;
    input.placeholder = "https://";
    const apply = document.createElement("button");
    apply.type = "button";
    apply.className = "button";
    apply.textContent = labels.linkApply;
    // Tied to the field and an alert: shown alone, a screen reader said nothing of why the
    // link was not added.
    const error = document.createElement("p");
    error.className = "field-error";
    error.id = id + "-error";
    error.hidden = true;
    error.textContent = labels.linkInvalid;
    input.setAttribute("aria-describedby", error.id);
    panel.append(fieldLabel, input, apply, error);
    editor.querySelector(".editor-toolbar").insertAdjacentElement("afterend", panel);

    let range = null;
    const insert = () => {
      let url = input.value.trim();
      if (/^www\./i.test(url)) url = "https://" + url;
      if (/^[^\s@/]+@[^\s@]+\.[^\s@]+$/.test(url)) url = "mailto:" + url;
      if (!/^(https?:\/\/|mailto:)\S+$/i.test(url)) {
        // An alert while shown only: hidden, it was the page's first ".field-error[role=alert]".
        error.setAttribute("role", "alert");
        error.hidden = false;
        input.setAttribute("aria-invalid", "true");
        return;
      }
      panel.hidden = true;
      editable.focus();
      const selection = window.getSelection();
      if (range) {
        selection.removeAllRanges();
        selection.addRange(range);
      }
      if (selection.rangeCount && !selection.getRangeAt(0).collapsed) {
        document.execCommand("createLink", false, url);
      } else {
        const link = document.createElement("a");
        link.href = url;
        link.textContent = url.replace(/^mailto:/i, "");
        const at = selection.rangeCount ? selection.getRangeAt(0) : null;
        if (at && editable.contains(at.startContainer)) {
          at.insertNode(link);
          at.setStartAfter(link);
          at.collapse(true);
        } else {
          editable.appendChild(link);
        }
      }
      sync();
    };
    apply.addEventListener("click", insert);
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault(); // not the form's submit
        insert();
      } else if (event.key === "Escape") {
        // Back where the person was: focused alone, the editor put the caret at the start,
        // and what was typed next (or the link chosen next) went to the top of the text.
        event.preventDefault();
        panel.hidden = true;
        editable.focus();
        if (range) {
          const selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        }
      }
    });
    return {
      open() {
        const selection = window.getSelection();
        range = selection.rangeCount && editable.contains(selection.anchorNode) ? selection.getRangeAt(0).cloneRange() : null;
        input.value = "";
        error.hidden = true;
        error.removeAttribute("role");
        input.removeAttribute("aria-invalid");
        panel.hidden = false;
        input.focus();
      },
    };
  }

  // Pasted screenshots join the files of the form's file field, with a name that says when.
  function attach(form, images, status, message) {
    const input = form.querySelector("input[type=file]");
    if (!input || typeof DataTransfer === "undefined") return;
    const transfer = new DataTransfer();
    Array.from(input.files || []).forEach((file) => transfer.items.add(file));
    // Italian time, as every time the portal shows (toISOString is UTC: a screenshot pasted
    // at 00:30 in Rome was named with the day before).
    const at = {};
    new Intl.DateTimeFormat("it-IT", {
      year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
      hourCycle: "h23", timeZone: "Europe/Rome",
    }).formatToParts(new Date()).forEach((part) => { at[part.type] = part.value; });
    const stamp = at.year + at.month + at.day + "-" + at.hour + at.minute + at.second;
    const names = images.map((image, index) => {
      const extension = (image.type.split("/")[1] || "png").replace("jpeg", "jpg");
      const name = "screenshot-" + stamp + (images.length > 1 ? "-" + (index + 1) : "") + "." + extension;
      transfer.items.add(new File([image], name, { type: image.type }));
      return name;
    });
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
    status.textContent = message.replace("%s", names.join(", "));
  }

  document.querySelectorAll(".markdown-editor").forEach(setUp);
})();
