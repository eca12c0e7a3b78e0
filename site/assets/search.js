/*
 * Search over the manual and the help, in the browser: the site build writes
 * search-index.json, this script loads it and lists the pages that contain every word
 * typed. Without JavaScript the search page still lists every page.
 *
 * Words match from their start ("blocc" finds "bloccante"), case and accents aside.
 * A page ranks higher when the words are in its title, then its headings, then its text.
 */
'use strict';

(function () {
  const form = document.querySelector('.search-form');
  const input = document.getElementById('search-q');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  if (!form || !input || !status || !list) return;

  let pages = null;

  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function words(text) {
    return fold(text).split(/[^a-z0-9]+/).filter((word) => word.length > 0);
  }

  function prepare(entry) {
    return {
      entry: entry,
      title: words(entry.title),
      headings: entry.headings.map((heading) => ({ text: heading[0], anchor: heading[1], words: words(heading[0]) })),
      body: words(entry.description + ' ' + entry.text),
    };
  }

  function has(list, word) {
    return list.some((candidate) => candidate.startsWith(word));
  }

  function score(page, query) {
    let total = 0;
    for (const word of query) {
      let points = 0;
      if (has(page.title, word)) points += 10;
      if (page.headings.some((heading) => has(heading.words, word))) points += 5;
      const hits = page.body.filter((candidate) => candidate.startsWith(word)).length;
      if (hits > 0) points += Math.min(hits, 5);
      if (points === 0) return 0;
      total += points;
    }
    return total;
  }

  /* The part of the text around the first word found, cut at word boundaries. */
  function excerpt(text, query) {
    const folded = fold(text);
    let at = -1;
    for (const word of query) {
      const match = new RegExp('(^|[^a-z0-9])' + word).exec(folded);
      if (match && (at < 0 || match.index < at)) at = match.index + match[1].length;
    }
    if (at < 0) return text.slice(0, 160);
    const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, at - 60)));
    const end = text.indexOf(' ', Math.min(text.length, at + 120));
    return (start > 0 ? '… ' : '') + text.slice(start, end < 0 ? text.length : end).trim() + (end < 0 ? '' : ' …');
  }

  function bestHeading(page, query) {
    return page.headings.find((heading) => query.every((word) => has(heading.words, word))) ||
      page.headings.find((heading) => query.some((word) => has(heading.words, word)));
  }

  function message(template, count, text) {
    return template.replace('{n}', String(count)).replace('{q}', text);
  }

  function show(text) {
    const query = words(text);
    list.replaceChildren();
    if (query.length === 0) {
      list.hidden = true;
      // Typed text with no word in it says so; letters of another alphabet («ß») are found in
      // no page; an emptied field says nothing.
      const template = /[\p{L}\p{N}]/u.test(text) ? status.dataset.none : status.dataset.noWords;
      status.textContent = text.trim() ? message(template, 0, text.trim()) : '';
      return;
    }
    const found = pages
      .map((page) => ({ page: page, score: score(page, query) }))
      .filter((result) => result.score > 0)
      .sort((a, b) => b.score - a.score);
    for (const result of found) {
      const entry = result.page.entry;
      const heading = bestHeading(result.page, query);
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = entry.url + (heading ? '#' + heading.anchor : '');
      link.textContent = entry.title + (heading ? ' › ' + heading.text : '');
      const section = document.createElement('span');
      section.className = 'muted search-section';
      section.textContent = entry.section;
      const snippet = document.createElement('p');
      snippet.textContent = excerpt(entry.text, query);
      item.append(link, ' ', section, snippet);
      list.append(item);
    }
    list.hidden = found.length === 0;
    const template = found.length === 0 ? status.dataset.none : found.length === 1 ? status.dataset.one : status.dataset.many;
    status.textContent = message(template, found.length, text.trim());
  }

  function load() {
    if (pages) return Promise.resolve();
    return fetch(status.dataset.index)
      .then((response) => {
        if (!response.ok) throw new Error('search index: ' + response.status);
        return response.json();
      })
      .then((entries) => {
        pages = entries.map(prepare);
      });
  }

  function search(text, remember) {
    load().then(() => {
      show(text);
      if (remember) {
        const address = new URL(window.location.href);
        address.searchParams.set('q', text);
        window.history.replaceState(null, '', address);
      }
    }).catch(() => {
      // The list of every page below stays: searching by eye still works.
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search(input.value, true);
  });

  let pending = 0;
  input.addEventListener('input', () => {
    window.clearTimeout(pending);
    pending = window.setTimeout(() => search(input.value, true), 150);
  });

  const initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    search(initial, false);
  }
})();
