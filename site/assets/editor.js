// The Markdown editor of the ticket forms: a formatting toolbar over the text area and a
// live preview rendered by the server (the same cmark-gfm safe mode as the thread).
// Without this script the text area and the form's "Anteprima" button still work.
"use strict";

(function () {
  const wrappers = {
    bold: (text) => "**" + (text || "testo") + "**",
    italic: (text) => "_" + (text || "testo") + "_",
    list: (text) => (text || "voce").split("\n").map((line) => "- " + line).join("\n"),
    numbered: (text) => (text || "voce").split("\n").map((line, index) => (index + 1) + ". " + line).join("\n"),
    link: (text) => "[" + (text || "testo") + "](https://)",
  };

  function apply(area, action) {
    const start = area.selectionStart;
    const end = area.selectionEnd;
    const replacement = wrappers[action](area.value.slice(start, end));
    area.setRangeText(replacement, start, end, "select");
    area.focus();
    area.dispatchEvent(new Event("input"));
  }

  function setUpPreview(editor, area) {
    const preview = editor.querySelector(".editor-preview");
    const body = editor.querySelector(".preview-body");
    const form = area.form;
    const token = form && form.querySelector("input[name=csrf]");
    if (!preview || !body || !token) return;
    let timer = null;
    area.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        if (!area.value.trim()) {
          preview.hidden = true;
          return;
        }
        const data = new URLSearchParams({ csrf: token.value, text: area.value });
        try {
          const response = await fetch("/ticket/anteprima", { method: "POST", body: data, credentials: "same-origin" });
          if (!response.ok) return;
          body.innerHTML = await response.text(); // server-rendered in safe mode, HTML typed shown as text
          preview.hidden = false;
        } catch (error) {
          preview.hidden = true;
        }
      }, 400);
    });
  }

  document.querySelectorAll(".markdown-editor").forEach((editor) => {
    const area = document.getElementById(editor.dataset.editor);
    const toolbar = editor.querySelector(".editor-toolbar");
    if (!area || !toolbar) return;
    toolbar.hidden = false;
    toolbar.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action]");
      if (button) apply(area, button.dataset.action);
    });
    setUpPreview(editor, area);
  });
})();
