// Newsroom reader site: small progressive enhancements. Every page works without this file.
const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

// Search-box autocomplete (combobox with a listbox of suggestions).
function autocomplete(form) {
  const input = $('input[type=search]', form);
  const list = $('.suggestions', form);
  const url = form.dataset.suggest;
  if (!input || !list || !url) return;
  let timer = 0, active = -1, last = '';
  const close = () => { list.hidden = true; list.textContent = ''; active = -1; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); };
  const choose = (text) => { input.value = text; close(); form.submit(); };
  const mark = (i) => {
    const items = $$('li', list);
    items.forEach((li, n) => li.setAttribute('aria-selected', String(n === i)));
    active = i;
    if (items[i]) input.setAttribute('aria-activedescendant', items[i].id);
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const prefix = input.value.trim();
    if (prefix.length < 2) { close(); return; }
    timer = setTimeout(async () => {
      if (prefix === last) return;
      last = prefix;
      try {
        const res = await fetch(`${url}?prefix=${encodeURIComponent(prefix)}&limit=6`, { headers: { Accept: 'application/json' } });
        if (!res.ok) return close();
        const data = await res.json();
        const items = (data.items || []).map((s) => s.text).filter((t, i, all) => t && all.indexOf(t) === i);
        list.textContent = '';
        items.forEach((text, i) => {
          const li = document.createElement('li');
          li.id = `q-suggestion-${i}`;
          li.setAttribute('role', 'option');
          li.textContent = text;
          li.addEventListener('mousedown', (e) => { e.preventDefault(); choose(text); });
          list.append(li);
        });
        list.hidden = items.length === 0;
        input.setAttribute('aria-expanded', String(items.length > 0));
        active = -1;
      } catch { close(); }
    }, 150);
  });
  input.addEventListener('keydown', (e) => {
    const items = $$('li', list);
    if (list.hidden || !items.length) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); mark((active + 1) % items.length); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); mark((active - 1 + items.length) % items.length); }
    else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); choose(items[active].textContent); }
    else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}

// "More stories": fetch the next page and append its items, keeping focus where the reader is.
function loadMore(link) {
  link.addEventListener('click', async (e) => {
    e.preventDefault();
    link.setAttribute('aria-busy', 'true');
    try {
      const res = await fetch(link.href, { headers: { Accept: 'text/html' } });
      if (!res.ok) { location.href = link.href; return; }
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const list = $(`[data-list="${link.dataset.loadMore}"] ol`);
      const added = $$(`[data-list="${link.dataset.loadMore}"] ol > li`, doc);
      added.forEach((li) => list.append(document.adoptNode(li)));
      const next = $(`[data-load-more="${link.dataset.loadMore}"]`, doc);
      if (next) { link.href = next.getAttribute('href'); link.removeAttribute('aria-busy'); }
      else link.parentElement.remove();
      const first = added[0] && $('a', added[0]);
      if (first) first.focus();
    } catch { location.href = link.href; }
  });
}

// "Leave a reply" without a reload; the answer is said next to the field, the text stays.
function commentForm(form) {
  const status = $('#comment-status');
  const general = $('[data-form-error]', form);
  const parent = $('[data-parent-id]', form);
  const replying = $('[data-replying]', form);
  $$('[data-reply]').forEach((a) => a.addEventListener('click', (e) => {
    e.preventDefault();
    parent.value = a.dataset.reply;
    $('[data-replying-name]', form).textContent = a.dataset.replyName;
    replying.hidden = false;
    $('textarea', form).focus();
  }));
  const cancel = $('[data-cancel-reply]', form);
  if (cancel) cancel.addEventListener('click', (e) => { e.preventDefault(); parent.value = ''; replying.hidden = true; });
  const clear = () => {
    general.hidden = true; general.textContent = '';
    $$('.field-error', form).forEach((p) => p.remove());
    $$('[aria-invalid]', form).forEach((el) => el.removeAttribute('aria-invalid'));
    const server = $('#form-error', form);
    if (server) server.remove();
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clear();
    const button = $('button[type=submit]', form);
    button.disabled = true;
    try {
      const res = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), headers: { Accept: 'application/json' } });
      const data = await res.json().catch(() => ({ errors: { form: 'We could not post your comment just now. Please try again in a moment.' } }));
      if (res.ok) {
        status.textContent = '';
        const p = document.createElement('p');
        p.className = data.status === 'HELD' ? 'notice held' : 'notice';
        p.textContent = data.message;
        status.append(p);
        $('textarea', form).value = '';
        parent.value = ''; replying.hidden = true;
        status.scrollIntoView({ block: 'center' });
        return;
      }
      const errors = data.errors || {};
      for (const [field, message] of Object.entries(errors)) {
        const input = field === 'form' ? null : form.elements[field];
        if (!input) { general.textContent = message; general.hidden = false; continue; }
        const p = document.createElement('p');
        p.className = 'field-error';
        p.id = `${input.id}-error`;
        p.textContent = message;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', [p.id, input.getAttribute('aria-describedby')].filter(Boolean).join(' '));
        input.closest('.field').append(p);
      }
      const firstBad = $('[aria-invalid=true]', form);
      (firstBad || general).focus?.();
      if (!firstBad) general.scrollIntoView({ block: 'center' });
    } catch {
      general.textContent = 'We could not post your comment just now. Please try again in a moment; your text is kept.';
      general.hidden = false;
    } finally { button.disabled = false; }
  });
}

// "Listen": the browser reads the article aloud (Web Speech API); hidden where there is no speech synthesis.
function listen(box) {
  if (!('speechSynthesis' in window) || typeof SpeechSynthesisUtterance !== 'function') return;
  const play = $('[data-listen-play]', box);
  const stop = $('[data-listen-stop]', box);
  const synth = window.speechSynthesis;
  const text = () => [$('h1')?.textContent, $('.standfirst')?.textContent, $('[data-listen-text]')?.innerText]
    .filter(Boolean).join('. \n');
  const label = (state) => {
    play.textContent = state === 'playing' ? 'Pause' : state === 'paused' ? 'Resume listening' : 'Listen to this article';
    play.setAttribute('aria-pressed', String(state === 'playing'));
    stop.hidden = state === 'idle';
  };
  let state = 'idle';
  play.addEventListener('click', () => {
    if (state === 'idle') {
      const u = new SpeechSynthesisUtterance(text());
      u.lang = document.documentElement.lang || 'en';
      u.onend = () => { state = 'idle'; label(state); };
      synth.cancel();
      synth.speak(u);
      state = 'playing';
    } else if (state === 'playing') { synth.pause(); state = 'paused'; }
    else { synth.resume(); state = 'playing'; }
    label(state);
  });
  stop.addEventListener('click', () => { synth.cancel(); state = 'idle'; label(state); });
  box.hidden = false;
}

$$('form[data-suggest]').forEach(autocomplete);
$$('[data-load-more]').forEach(loadMore);
$$('[data-comment-form]').forEach(commentForm);
$$('[data-listen]').forEach(listen);
