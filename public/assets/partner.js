/*
 * /partner: copy buttons and a results area that follows the choice. Without this script the page works as it is:
 * the snippets are visible and selectable, and the form reloads the page with the new choice.
 */
(function () {
  'use strict';

  var form = document.querySelector('[data-kit-form]');
  var error = document.querySelector('.kit-chooser__error');
  var pending = null;
  var timer = 0;
  var shown = null;

  function say(status, text, isHint) {
    status.textContent = text;
    status.classList.toggle('snippet__status--hint', Boolean(isHint));
  }

  /** Clipboard API where the browser allows it; otherwise the text is selected for Ctrl+C and the page says so. */
  function copy(button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    var status = button.parentNode.querySelector('.snippet__status');
    var selectIt = function () {
      field.focus();
      field.select();
      say(status, 'Markiert – jetzt mit Strg+C (Mac: ⌘+C) kopieren. / Selected – press Ctrl+C.', true);
    };
    if (!navigator.clipboard || !window.isSecureContext) return selectIt();
    navigator.clipboard.writeText(field.value).then(function () {
      say(status, 'Kopiert! / Copied.');
    }, selectIt);
  }

  function showButtons(root) {
    root.querySelectorAll('[data-copy]').forEach(function (button) {
      button.hidden = false;
    });
  }

  /** Scripts put in with innerHTML do not run: the preview's widget tag is made anew. */
  function startPreview(root) {
    root.querySelectorAll('[data-kit-preview] script').forEach(function (old) {
      var script = document.createElement('script');
      Array.prototype.forEach.call(old.attributes, function (attribute) {
        script.setAttribute(attribute.name, attribute.value);
      });
      old.parentNode.replaceChild(script, old);
    });
  }

  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (String(value).trim() !== '') params.append(name, String(value).trim());
    });
    return params.toString();
  }

  function refresh() {
    var results = document.querySelector('[data-kit-results]');
    var search = query();
    // Leaving the source field fires "change" after its typing was already shown: nothing to load then.
    if (search === shown) return;
    shown = search;
    var url = '/partner' + (search ? '?' + search : '');
    if (pending) pending.abort();
    pending = new AbortController();
    results.setAttribute('aria-busy', 'true');
    fetch(url, { signal: pending.signal, headers: { Accept: 'text/html' } })
      .then(function (response) {
        return response.text().then(function (html) {
          var page = new DOMParser().parseFromString(html, 'text/html');
          if (!response.ok) {
            var problem = page.querySelector('.notice');
            error.textContent = problem ? problem.textContent : 'Diese Auswahl ist nicht möglich. / This choice is not possible.';
            error.hidden = false;
            shown = null;
            return;
          }
          error.hidden = true;
          var fresh = page.querySelector('[data-kit-results]');
          results.innerHTML = fresh.innerHTML;
          showButtons(results);
          startPreview(results);
          history.replaceState(null, '', url);
        });
      })
      .catch(function (failure) {
        if (failure.name === 'AbortError') return;
        shown = null;
        error.textContent = 'Die Auswahl konnte nicht geladen werden. Bitte „Übernehmen“ drücken. / Could not load; press “Apply”.';
        error.hidden = false;
      })
      .then(function () {
        results.removeAttribute('aria-busy');
      });
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (button) copy(button);
  });

  showButtons(document);
  if (!form || !window.fetch || !window.DOMParser) return;
  shown = query();
  form.addEventListener('change', function () {
    if (form.checkValidity()) refresh();
  });
  form.addEventListener('input', function (event) {
    if (event.target.name !== 'quelle') return;
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (form.checkValidity()) refresh();
    }, 500);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (form.reportValidity()) refresh();
  });
})();
