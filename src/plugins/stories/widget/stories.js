/*!
 * ZUSAMMEN. MEHR. – Erfolgsgeschichten für Partner-Websites.
 *
 *   <script src="https://…/embed/stories.js" data-region="goettingen" async></script>
 *
 * Options (all optional): data-region, data-theme, data-project, data-limit (1–24, default 6), data-layout
 * ("grid", "banner" or "map": the districts above the grid, each choosing its stories), data-lang ("de" or "en"),
 * data-target (CSS selector of an element to render into), data-refresh-seconds (how often to look for removed
 * stories, default 300), data-cache="off".
 * data-story="<slug>" shows only that story's video (the two-click player), e.g. beside the story's own text: the
 * target's content (a cover and a link for visitors without JavaScript) stays until the player can replace it.
 * Plain ES2018, no dependencies. Partners load the small, briefly cached loader.js at /embed/stories.js, which adds
 * this file, minified at start-up (embed/widget-assets.ts), from /embed/stories.<hash>.js, cached for a year.
 */
(function () {
  'use strict';

  var LOG = '[ZUSAMMEN. MEHR. Widget]';
  var DEFAULT_LIMIT = 6;
  var MAX_LIMIT = 24;
  var DEFAULT_REFRESH_SECONDS = 300;
  var CACHE_VERSION = 1;
  // A cached list older than this is not shown at all: it may hold stories withdrawn long ago.
  var CACHE_MAX_AGE_MS = 24 * 3600 * 1000;
  var REQUEST_TIMEOUT_MS = 15000;
  var MAX_REMOVAL_PAGES = 20;
  var NOCOOKIE_EMBED = /^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}$/;
  var FALLBACK_SIZES = '(min-width: 64em) 33vw, (min-width: 40em) 50vw, 100vw';

  var TEXT = {
    de: {
      heading: function (region) {
        return region ? 'Erfolgsgeschichten: ' + region : 'Erfolgsgeschichten gelungener Integration';
      },
      loading: 'Geschichten werden geladen …',
      empty: function (inRegion) {
        return (inRegion ? 'Noch keine Geschichten aus dieser Region' : 'Noch keine Geschichten') + ' – vielleicht bald Ihre?';
      },
      failed: 'Die Geschichten können gerade nicht geladen werden. Bitte versuchen Sie es später noch einmal.',
      misconfigured: 'Dieses Widget ist falsch eingestellt. Bitte prüfen Sie die data-Angaben am <script>-Tag:',
      retry: 'Erneut versuchen',
      removed: function (count) {
        return count === 1 ? 'Eine Geschichte ist nicht mehr verfügbar.' : count + ' Geschichten sind nicht mehr verfügbar.';
      },
      play: 'Video abspielen',
      gone: 'Dieses Video ist nicht mehr verfügbar.',
      read: 'Geschichte lesen',
      report: 'Inhalt melden',
      themes: 'Themen',
      noticeTitle: 'Video von YouTube laden?',
      noticeText:
        'Beim Laden erhält YouTube (Google) Daten wie Ihre IP-Adresse, möglicherweise auch in den USA. ' +
        'Wir nutzen den erweiterten Datenschutzmodus.',
      privacyLink: 'Mehr dazu in der Datenschutzerklärung',
      load: 'Video laden',
      cancel: 'Abbrechen',
      video: 'Video',
      claim: 'ZUSAMMEN. MEHR.',
      cta: 'Erzählen Sie Ihre Geschichte',
      attribution: 'Ein Angebot des Bündnisses „Niedersachsen packt an“',
      imprint: 'Impressum',
      privacy: 'Datenschutz',
      share: 'Teilen',
      shareNative: 'Mit einer App teilen …',
      shareOn: function (name, title) {
        return name + ': „' + title + '“ teilen';
      },
    },
    en: {
      heading: function (region) {
        return region ? 'Success stories: ' + region : 'Success stories of integration';
      },
      loading: 'Loading stories …',
      empty: function (inRegion) {
        return (inRegion ? 'No stories from this region yet' : 'No stories yet') + ' – maybe yours will be the first?';
      },
      failed: 'The stories cannot be loaded right now. Please try again later.',
      misconfigured: 'This widget is set up wrongly. Please check the data attributes of the <script> tag:',
      retry: 'Try again',
      removed: function (count) {
        return count === 1 ? 'A story is no longer available.' : count + ' stories are no longer available.';
      },
      play: 'Play video',
      gone: 'This video is no longer available.',
      read: 'Read the story',
      report: 'Report content',
      themes: 'Topics',
      noticeTitle: 'Load the video from YouTube?',
      noticeText:
        'Loading it sends data such as your IP address to YouTube (Google), possibly also in the USA. ' +
        'We use the privacy-enhanced mode.',
      privacyLink: 'More in our privacy policy',
      load: 'Load video',
      cancel: 'Cancel',
      video: 'Video',
      claim: 'ZUSAMMEN. MEHR.',
      cta: 'Tell us your story',
      attribution: 'A project of the alliance “Niedersachsen packt an”',
      imprint: 'Legal notice',
      privacy: 'Privacy',
      share: 'Share',
      shareNative: 'Share with an app …',
      shareOn: function (name, title) {
        return name + ': share “' + title + '”';
      },
    },
  };

  // The story pages' share links (story-pages/share-links.ts), in the same order: plain links to the networks' own
  // share forms, nothing loaded before the click, no tracking parameters. [name, address, leaves for a new tab]
  var enc = encodeURIComponent;
  var SHARE_TARGETS = [
    ['E-Mail', function (s) { return 'mailto:?subject=' + enc(s.title) + '&body=' + enc(s.title + '\n\n' + s.link); }, false],
    ['WhatsApp', function (s) { return 'https://wa.me/?text=' + enc(s.title + ' ' + s.link); }, true],
    ['Telegram', function (s) { return 'https://t.me/share/url?url=' + enc(s.link) + '&text=' + enc(s.title); }, true],
    ['Mastodon', function (s) { return origin + '/teilen/mastodon?geschichte=' + enc(s.slug); }, false],
    ['Bluesky', function (s) { return 'https://bsky.app/intent/compose?text=' + enc(s.title + ' ' + s.link); }, true],
    ['Facebook', function (s) { return 'https://www.facebook.com/sharer/sharer.php?u=' + enc(s.link); }, true],
    ['LinkedIn', function (s) { return 'https://www.linkedin.com/sharing/share-offsite/?url=' + enc(s.link); }, true],
    ['X', function (s) { return 'https://x.com/intent/post?text=' + enc(s.title) + '&url=' + enc(s.link); }, true],
  ];

  var STYLES = [
    // The partner's styles reach the host element (and through it every inherited property): reset it with
    // !important, which beats even the partner's !important rules across the shadow boundary.
    ':host { all: initial !important; display: block !important; margin: 1em 0 !important; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif !important;',
    '  font-size: medium !important; line-height: 1.5 !important; color: #1a1a1a !important; text-align: start !important; }',
    ':host([hidden]) { display: none !important; }',
    ':host(.zusammen-mehr-single) { margin: 0 !important; }',
    '*, *::before, *::after { box-sizing: border-box; }',
    '[hidden] { display: none !important; }',
    'h2, h3, p, ul { margin: 0; padding: 0; font: inherit; }',
    'a { color: #003a70; text-decoration-thickness: 1px; text-underline-offset: 2px; }',
    'a:hover { color: #a8182f; }',
    'button { font: inherit; cursor: pointer; }',
    'a:focus-visible, button:focus-visible, [tabindex]:focus-visible { outline: 2px solid transparent; box-shadow: 0 0 0 3px #ffd200, 0 0 0 5px #003a70; border-radius: 2px; }',
    '.zm { display: grid; gap: 1.25em; }',
    '.zm-heading { font-size: 1.35em; font-weight: 700; line-height: 1.25; color: #003a70; padding-bottom: 0.35em; border-bottom: 3px solid #d4213d; }',
    '.zm-heading:focus { outline: none; }',
    '.zm-status { color: #4a5561; }',
    '.zm-vh { position: absolute !important; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }',
    '.zm-grid, .zm-skeleton { list-style: none; display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 16em), 1fr)); gap: 1.25em; }',
    '.zm-grid:empty { display: none; }',
    '.zm-skeleton > div { aspect-ratio: 4 / 3; border-radius: 6px; background: linear-gradient(90deg, #e9eef3 0%, #f6f8fa 50%, #e9eef3 100%); background-size: 200% 100%; animation: zm-shimmer 1.4s ease-in-out infinite; }',
    '@keyframes zm-shimmer { from { background-position: 100% 0; } to { background-position: -100% 0; } }',
    '.zm-card { display: flex; flex-direction: column; max-width: 36em; background: #fff; border: 1px solid #c9d2dc; border-radius: 6px; overflow: hidden; }',
    '.zm-single .zm-card { max-width: none; border: 0; }',
    '.zm-single .zm-play { font-size: 1.15em; }',
    '.zm-single .zm-notice { justify-content: center; padding: 1.25em 1.5em; font-size: 1em; }',
    '.zm-single .zm-notice-actions { margin-top: 0.25em; }',
    // One column no wider than the card: the notice wraps its text instead of widening the cell.
    '.zm-media { display: grid; grid-template-columns: minmax(0, 1fr); background: #003a70; }',
    '.zm-media > * { grid-area: 1 / 1; }',
    '.zm-media > picture { display: contents; }',
    '.zm-cover, .zm-placeholder, .zm-video { display: block; width: 100%; height: 100%; min-height: 0; aspect-ratio: 16 / 9; }',
    '.zm-cover { object-fit: cover; }',
    '.zm-placeholder { display: flex; flex-direction: column; align-items: flex-start; justify-content: flex-end; gap: 0.3em; padding: 0.9em 1em; color: #fff; background: linear-gradient(135deg, #003a70 0%, #0b4f8f 100%); }',
    '.zm-placeholder::after { content: ""; width: 3em; height: 0.25em; background: #ffd200; }',
    '.zm-placeholder span { font-weight: 800; letter-spacing: 0.06em; font-size: 0.95em; }',
    '.zm-play { align-self: center; justify-self: center; display: inline-flex; align-items: center; gap: 0.55em; min-height: 2.75em; padding: 0.45em 1.1em 0.45em 0.95em;',
    '  border: 2px solid #fff; border-radius: 999px; background: #d4213d; color: #fff; font-weight: 700; box-shadow: 0 2px 10px rgba(0, 0, 0, 0.35); }',
    '.zm-play:hover { background: #a8182f; }',
    '.zm-play-icon { width: 0; height: 0; border-style: solid; border-width: 0.45em 0 0.45em 0.75em; border-color: transparent transparent transparent currentColor; }',
    '.zm-duration { align-self: end; justify-self: end; margin: 0.5em; padding: 0.05em 0.45em; border-radius: 3px; background: rgba(0, 0, 0, 0.78); color: #fff; font-size: 0.8em; }',
    '.zm-notice { z-index: 1; display: flex; flex-direction: column; gap: 0.6em; padding: 1em; background: rgba(0, 42, 82, 0.96); color: #fff; font-size: 0.9em; line-height: 1.45; }',
    '.zm-notice:focus-visible { box-shadow: inset 0 0 0 3px #ffd200; border-radius: 0; }',
    '.zm-notice a { color: #fff; }',
    '.zm-notice a:hover { color: #ffd200; }',
    '.zm-notice-title { font-weight: 700; font-size: 1.1em; }',
    '.zm-notice-actions { display: flex; flex-wrap: wrap; gap: 0.5em; margin-top: auto; padding-top: 0.25em; }',
    '.zm-asking .zm-play, .zm-asking .zm-duration { visibility: hidden; }',
    '.zm-button { min-height: 2.75em; padding: 0.4em 1em; border: 2px solid #fff; border-radius: 4px; background: transparent; color: #fff; font-weight: 700; }',
    '.zm-button:hover { background: rgba(255, 255, 255, 0.15); }',
    '.zm-button-primary, .zm-button-primary:hover { background: #ffd200; border-color: #ffd200; color: #002a52; }',
    '.zm-video { border: 0; background: #000; }',
    '.zm-video:focus-visible { outline: 3px solid #ffd200; outline-offset: -3px; box-shadow: none; }',
    '.zm-body { flex: 1; display: flex; flex-direction: column; gap: 0.5em; padding: 0.9em 1em 0.85em; }',
    '.zm-title { font-size: 1.1em; font-weight: 700; line-height: 1.3; }',
    '.zm-title a { text-decoration: none; }',
    '.zm-title a:hover { text-decoration: underline; }',
    '.zm-teaser { font-size: 0.95em; }',
    '.zm-region { font-size: 0.85em; font-weight: 700; color: #003a70; }',
    '.zm-themes { list-style: none; display: flex; flex-wrap: wrap; gap: 0.35em; }',
    '.zm-themes li { padding: 0.1em 0.65em; border-radius: 999px; background: #eef2f6; color: #003a70; font-size: 0.8em; }',
    '.zm-actions { margin-top: auto; padding-top: 0.35em; display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.4em 1em; font-size: 0.85em; }',
    '.zm-read { font-weight: 700; }',
    '.zm-report { color: #4a5561; margin-inline-start: auto; }',
    '.zm-share { flex-basis: 100%; font-size: 1.05em; }',
    '.zm-share summary { cursor: pointer; font-weight: 700; color: #003a70; width: max-content; }',
    '.zm-share ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.4em 0.9em; padding-top: 0.5em; }',
    '.zm-share-native { padding: 0; border: 0; background: none; color: #003a70; text-decoration: underline; }',
    '.zm-error { padding: 0.9em 1em; border-left: 6px solid #d4213d; border-radius: 0 6px 6px 0; background: #fbeef0; display: grid; gap: 0.6em; justify-items: start; }',
    '.zm-error code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; }',
    '.zm-retry { min-height: 2.75em; padding: 0.4em 1em; border: 2px solid #003a70; border-radius: 4px; background: #fff; color: #003a70; font-weight: 700; }',
    '.zm-retry:hover { background: #eef2f6; }',
    '.zm-banner { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.6em 1.5em; padding: 1em 1.25em;',
    '  border-radius: 6px; border-bottom: 5px solid #d4213d; background: #003a70; color: #fff; }',
    '.zm-banner-claim { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4em 0.75em; }',
    '.zm-claim { font-weight: 800; font-size: 1.25em; letter-spacing: 0.04em; }',
    '.zm-cta { display: inline-block; padding: 0.45em 0.9em; border-radius: 4px; background: #ffd200; color: #002a52; font-weight: 700; text-decoration: none; }',
    '.zm-cta:hover { color: #002a52; text-decoration: underline; }',
    '.zm-banner-foot { display: flex; flex-wrap: wrap; gap: 0.2em 1em; font-size: 0.85em; }',
    '.zm-banner-foot a { color: #fff; }',
    '.zm-banner-foot a:hover { color: #ffd200; }',
    '.zm-banner a:focus-visible { box-shadow: 0 0 0 3px #ffd200; }',
    '@media (max-width: 30em) { .zm-dash { display: none; } }',
    '@media (prefers-reduced-motion: reduce) { *, *::before, *::after { animation: none !important; transition: none !important; } }',
    '@media (forced-colors: active) { .zm-play, .zm-button, .zm-cta, .zm-retry { border: 2px solid ButtonText; } .zm-play-icon { border-left-color: ButtonText; } }',
  ].join('\n');

  // Added by the loader, which hands over the partner's tag; or named by a page of ours with its data- attributes.
  var current = document.currentScript;
  var script = current && (current.zmPartnerTag || current);
  if (!script || script.getAttribute('data-zm-widget') === 'started') return;
  script.setAttribute('data-zm-widget', 'started');

  function warn(message) {
    if (window.console) console.warn(LOG + ' ' + message);
  }

  function readOptions(element) {
    var data = element.dataset;
    var text = function (value) {
      return value && value.trim() ? value.trim() : undefined;
    };
    var whole = function (name, value, fallback, min, max) {
      if (value === undefined || value === '') return fallback;
      var number = Number(value);
      if (!Number.isInteger(number) || number < min || number > max) {
        var used = Number.isFinite(number) ? Math.min(max, Math.max(min, Math.round(number))) : fallback;
        warn('data-' + name + '="' + value + '" must be a whole number from ' + min + ' to ' + max + '; using ' + used + '.');
        return used;
      }
      return number;
    };
    var oneOf = function (name, value, allowed) {
      if (value === undefined || value === '') return allowed[0];
      if (allowed.indexOf(value) >= 0) return value;
      warn('data-' + name + '="' + value + '" must be one of ' + allowed.join(', ') + '; using ' + allowed[0] + '.');
      return allowed[0];
    };
    return {
      region: text(data.region),
      theme: text(data.theme),
      project: text(data.project),
      limit: whole('limit', data.limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
      layout: oneOf('layout', data.layout, ['grid', 'banner', 'map']),
      lang: oneOf('lang', data.lang, ['de', 'en']),
      refreshSeconds: whole('refresh-seconds', data.refreshSeconds, DEFAULT_REFRESH_SECONDS, 1, 86400),
      cache: data.cache !== 'off' && data.cache !== 'false',
      target: text(data.target),
      story: text(data.story),
    };
  }

  var options = readOptions(script);
  var origin = new URL(script.src, document.baseURI).origin;
  var api = origin + '/api/v1';
  var t = TEXT[options.lang];

  // --------------------------------------------------------------------------------------------- DOM helpers

  /** Builds an element; text children become text nodes, so nothing from the API is ever parsed as HTML. */
  function h(tag, attributes) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === undefined || value === null || value === false) return;
      if (name.slice(0, 2) === 'on') element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value === true ? '' : String(value));
    });
    for (var i = 2; i < arguments.length; i++) append(element, arguments[i]);
    return element;
  }

  function append(element, child) {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(element, c); });
    else element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }

  function clear(element) {
    while (element.firstChild) element.removeChild(element.firstChild);
  }

  function adoptStyles(root) {
    // A constructed stylesheet is not an inline <style>, so a partner's strict style-src policy does not block it.
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLES);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.appendChild(h('style', null, STYLES));
    }
  }

  function findTarget(selector) {
    try {
      return document.getElementById(selector) || document.querySelector(selector);
    } catch (error) {
      return null;
    }
  }

  function whenReady(callback) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', callback, { once: true });
    else callback();
  }

  function mount(host) {
    if (options.target) {
      var target = findTarget(options.target);
      if (target && options.story) clear(target);
      if (target) return target.appendChild(host);
      warn('data-target="' + options.target + '" matches no element; the widget is shown after its <script> tag instead.');
    }
    if (document.body && document.body.contains(script)) script.parentNode.insertBefore(host, script.nextSibling);
    else document.body.appendChild(host);
  }

  // --------------------------------------------------------------------------------------------- API

  function ApiError(status, message) {
    this.status = status;
    this.message = message;
  }

  function getJson(path) {
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = setTimeout(function () {
      if (controller) controller.abort();
    }, REQUEST_TIMEOUT_MS);
    // "no-cache" revalidates with the ETag: cheap (304), and never an answer older than the server's.
    return fetch(api + path, { cache: 'no-cache', credentials: 'omit', signal: controller ? controller.signal : undefined })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return null;
          })
          .then(function (body) {
            if (!response.ok) throw new ApiError(response.status, body && body.error ? body.error.message : response.statusText);
            return { body: body, lastModified: isoOf(response.headers.get('Last-Modified')) };
          });
      })
      .finally(function () {
        clearTimeout(timer);
      });
  }

  function isoOf(httpDate) {
    var time = httpDate ? Date.parse(httpDate) : NaN;
    return Number.isNaN(time) ? null : new Date(time).toISOString();
  }

  function storiesPath() {
    if (options.story) return '/stories/' + encodeURIComponent(options.story);
    var query = new URLSearchParams();
    if (options.region) query.set('region', options.region);
    if (options.theme) query.set('theme', options.theme);
    if (options.project) query.set('project', options.project);
    query.set('pageSize', String(options.limit));
    return '/stories?' + query.toString();
  }

  /** Only what the cards show: the cache stays small and holds no more of a story than the page displays. */
  function slim(story) {
    if (!story || typeof story.id !== 'string' || typeof story.title !== 'string') return null;
    var cover = story.cover;
    var youtube = story.youtube && NOCOOKIE_EMBED.test(story.youtube.embedUrl) ? story.youtube : null;
    return {
      id: story.id,
      slug: story.slug,
      title: story.title,
      teaser: story.teaser || null,
      link: story.link,
      publishedAt: story.publishedAt,
      updatedAt: story.updatedAt,
      region: story.region ? { name: story.region.name } : null,
      themes: (story.themes || []).map(function (theme) {
        return { name: theme.name };
      }),
      cover: cover
        ? {
            url: cover.url,
            width: cover.width,
            height: cover.height,
            alternativeText: cover.alternativeText || '',
            sizes: (cover.sizes || []).map(function (size) {
              return { name: size.name, url: size.url, width: size.width, height: size.height, mime: size.mime || null };
            }),
          }
        : null,
      youtube: youtube ? { embedUrl: youtube.embedUrl, durationSeconds: youtube.durationSeconds || null } : null,
    };
  }

  // --------------------------------------------------------------------------------------------- cache

  // A function: the map layout changes the region.
  function cacheKey() {
    return 'zusammen-mehr:stories:' + JSON.stringify([api, options.region, options.theme, options.project, options.limit, options.story]);
  }

  function readCache() {
    if (!options.cache) return null;
    try {
      var entry = JSON.parse(window.localStorage.getItem(cacheKey()));
      if (!entry || entry.version !== CACHE_VERSION || !Array.isArray(entry.stories)) return null;
      if (!(Date.now() - entry.savedAt < CACHE_MAX_AGE_MS)) return null;
      return entry;
    } catch (error) {
      return null;
    }
  }

  function writeCache() {
    if (!options.cache) return;
    try {
      window.localStorage.setItem(
        cacheKey(),
        JSON.stringify({ version: CACHE_VERSION, savedAt: Date.now(), asOf: state.asOf, stories: state.stories })
      );
    } catch (error) {
      // Storage may be full or switched off (private mode, a sandboxed frame): the widget works without it.
    }
  }

  // --------------------------------------------------------------------------------------------- widget

  var state = {
    stories: [],
    // Server time (Last-Modified) of the content the widget shows: removals from then on still need applying.
    asOf: null,
    timer: null,
    checkWhenVisible: false,
  };
  var ids = 0;
  var nextId = function (prefix) {
    ids += 1;
    return 'zm-' + prefix + '-' + ids;
  };

  var host = h('div', { class: 'zusammen-mehr-stories' });
  var root = host.attachShadow({ mode: 'open' });
  adoptStyles(root);

  var headingId = nextId('heading');
  var heading = h('h2', { class: 'zm-heading', id: headingId, tabindex: '-1' }, t.heading());
  var status = h('p', { class: 'zm-status', role: 'status' });
  var skeleton = h('div', { class: 'zm-skeleton', 'aria-hidden': 'true', hidden: true });
  var grid = h('ul', { class: 'zm-grid', role: 'list' });
  var problem = h('div', { class: 'zm-error', role: 'alert', hidden: true });

  function banner() {
    return h(
      'div',
      { class: 'zm-banner' },
      h(
        'p',
        { class: 'zm-banner-claim' },
        h('span', { class: 'zm-claim', lang: 'de' }, t.claim),
        h('span', { class: 'zm-dash', 'aria-hidden': 'true' }, '—'),
        h('a', { class: 'zm-cta', href: origin + '/mitmachen' }, t.cta)
      ),
      h(
        'p',
        { class: 'zm-banner-foot' },
        h('span', null, t.attribution),
        h('a', { href: origin + '/impressum' }, t.imprint),
        h('a', { href: origin + '/datenschutz' }, t.privacy)
      )
    );
  }

  function setStatus(text, visible) {
    status.textContent = text;
    status.className = visible ? 'zm-status' : 'zm-status zm-vh';
  }

  function showLoading() {
    problem.hidden = true;
    clear(skeleton);
    for (var i = 0; i < Math.min(options.limit, 3); i++) skeleton.appendChild(h('div'));
    skeleton.hidden = false;
    setStatus(t.loading, true);
  }

  function showProblem(error) {
    skeleton.hidden = true;
    setStatus('', false);
    clear(problem);
    if (error instanceof ApiError && error.status === 400) {
      // The partner typed a wrong region or theme: say what the API said, so the fix is obvious.
      append(problem, [h('p', null, t.misconfigured), h('p', null, h('code', null, error.message || 'Bad request'))]);
    } else {
      append(problem, [h('p', null, t.failed), h('button', { type: 'button', class: 'zm-retry', onclick: retry }, t.retry)]);
    }
    problem.hidden = false;
  }

  function retry() {
    showLoading();
    refresh();
  }

  function duration(seconds) {
    if (!seconds) return null;
    var minutes = Math.floor(seconds / 60);
    var rest = String(seconds % 60);
    return minutes + ':' + (rest.length < 2 ? '0' + rest : rest);
  }

  var MODERN_TYPES = ['image/avif', 'image/webp'];
  // The API's AVIF/WebP copies of a cover (avif-480, webp-480, …), beside the sizes in the uploaded coding.
  var COPY = /^(avif|webp)-\d+$/;

  function srcsetOf(sizes) {
    return sizes
      .filter(function (size) {
        return size.width;
      })
      .map(function (size) {
        return size.url + ' ' + size.width + 'w';
      })
      .join(', ');
  }

  /** The cover as a <picture>: AVIF and WebP copies first where the API lists them, the uploaded sizes in the <img>. */
  function coverImage(cover) {
    var isCopy = function (size) {
      return COPY.test(size.name || '');
    };
    var copies = cover.sizes.filter(isCopy);
    var sizes = cover.sizes.filter(function (size) {
      return !isCopy(size);
    });
    if (!sizes.length) sizes = [{ url: cover.url, width: cover.width, height: cover.height }];
    var fallback = sizes.filter(function (size) {
      return size.width >= 600;
    })[0] || sizes[sizes.length - 1];
    var image = h('img', {
      class: 'zm-cover',
      alt: cover.alternativeText || '',
      loading: 'lazy',
      decoding: 'async',
      width: fallback.width || 1600,
      height: fallback.height || 900,
    });
    var sources = MODERN_TYPES.map(function (type) {
      var ofType = copies.filter(function (size) {
        return size.mime === type;
      });
      return ofType.length ? { element: h('source', { type: type }), srcset: srcsetOf(ofType) } : null;
    }).filter(Boolean);
    // srcset and src are set once the card's width is known (sizeImages), so the browser fetches the right file.
    image.zmSources = { srcset: srcsetOf(sizes), src: fallback.url, sources: sources };
    return h(
      'picture',
      null,
      sources.map(function (source) {
        return source.element;
      }),
      image
    );
  }

  /** The cover (or the claim in its place) with, for a story with a video, the play button over it. */
  function mediaOf(story) {
    var media = h(
      'div',
      { class: 'zm-media' },
      story.cover ? coverImage(story.cover) : h('div', { class: 'zm-placeholder', 'aria-hidden': 'true' }, h('span', { lang: 'de' }, t.claim))
    );
    if (story.youtube) {
      var play = h(
        'button',
        { type: 'button', class: 'zm-play', 'aria-label': t.play + ': ' + story.title },
        h('span', { class: 'zm-play-icon', 'aria-hidden': 'true' }),
        t.play
      );
      play.addEventListener('click', function () {
        openNotice(media, play, story);
      });
      append(media, [play, duration(story.youtube.durationSeconds) ? h('span', { class: 'zm-duration' }, duration(story.youtube.durationSeconds)) : null]);
    }
    return media;
  }

  function card(story) {
    var version = { class: 'zm-card', 'data-story-id': story.id, 'data-version': story.updatedAt + '|' + story.publishedAt };
    if (options.story) return h('li', version, mediaOf(story));
    var titleId = nextId('title');
    var storyLang = options.lang === 'de' ? undefined : 'de';
    return h(
      'li',
      version,
      mediaOf(story),
      h(
        'div',
        { class: 'zm-body' },
        h('h3', { class: 'zm-title', id: titleId, lang: storyLang }, h('a', { href: story.link }, story.title)),
        story.teaser ? h('p', { class: 'zm-teaser', lang: storyLang }, story.teaser) : null,
        story.region ? h('p', { class: 'zm-region' }, story.region.name) : null,
        story.themes.length
          ? h(
              'ul',
              { class: 'zm-themes', role: 'list', 'aria-label': t.themes },
              story.themes.map(function (theme) {
                return h('li', null, theme.name);
              })
            )
          : null,
        h(
          'div',
          { class: 'zm-actions' },
          story.youtube ? null : h('a', { class: 'zm-read', href: story.link, 'aria-label': t.read + ': ' + story.title }, t.read),
          h(
            'a',
            { class: 'zm-report', href: origin + '/melden?story=' + encodeURIComponent(story.slug), 'aria-label': t.report + ': ' + story.title },
            t.report
          ),
          shareLinks(story)
        )
      )
    );
  }

  /** "Teilen" opens the plain share links, and the device's share sheet where the browser has one. */
  function shareLinks(story) {
    var native = typeof navigator.share === 'function'
      ? h('li', null, h('button', { type: 'button', class: 'zm-share-native', onclick: function () { navigator.share({ title: story.title, url: story.link }).catch(function () {}); } }, t.shareNative))
      : null;
    var links = SHARE_TARGETS.map(function (target) {
      var away = target[2] ? { target: '_blank', rel: 'noopener noreferrer' } : {};
      return h('li', null, h('a', Object.assign({ href: target[1](story), 'aria-label': t.shareOn(target[0], story.title) }, away), target[0]));
    });
    return h('details', { class: 'zm-share' }, h('summary', { 'aria-label': t.share + ': ' + story.title }, t.share), h('ul', { role: 'list' }, native, links));
  }

  var openedNotice = null;

  /** The first of two clicks: say what loading the video sends to Google; nothing is fetched from YouTube yet. */
  function openNotice(media, play, story) {
    if (openedNotice) openedNotice.close(false);
    var titleId = nextId('notice');
    var textId = nextId('notice-text');
    var notice = h(
      'div',
      { class: 'zm-notice', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': titleId, 'aria-describedby': textId, tabindex: '-1' },
      h('p', { class: 'zm-notice-title', id: titleId }, t.noticeTitle),
      h('p', { id: textId }, t.noticeText, ' ', h('a', { href: origin + '/datenschutz' }, t.privacyLink), '.'),
      h(
        'div',
        { class: 'zm-notice-actions' },
        h('button', { type: 'button', class: 'zm-button zm-button-primary', onclick: function () { loadVideo(media, story); } }, t.load),
        h('button', { type: 'button', class: 'zm-button', onclick: function () { close(true); } }, t.cancel)
      )
    );
    var close = function (returnFocus) {
      if (openedNotice !== handle) return;
      openedNotice = null;
      if (notice.parentNode) notice.parentNode.removeChild(notice);
      media.classList.remove('zm-asking');
      if (returnFocus) play.focus();
    };
    var handle = { close: close, media: media };
    notice.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      close(true);
    });
    openedNotice = handle;
    media.classList.add('zm-asking');
    media.appendChild(notice);
    notice.focus();
  }

  /** The second click: only now does the browser contact YouTube (the privacy-enhanced player). */
  function loadVideo(media, story) {
    openedNotice = null;
    var player = h('iframe', {
      class: 'zm-video',
      src: story.youtube.embedUrl + '?autoplay=1&rel=0',
      title: t.video + ': ' + story.title,
      allow: 'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share; fullscreen',
      allowfullscreen: true,
      // YouTube's player refuses to start without knowing the embedding site.
      referrerpolicy: 'strict-origin-when-cross-origin',
    });
    clear(media);
    media.classList.remove('zm-asking');
    media.appendChild(player);
    player.focus();
  }

  function sizeImages() {
    var images = grid.querySelectorAll('img.zm-cover');
    var media = grid.querySelector('.zm-media');
    var width = media ? Math.round(media.getBoundingClientRect().width) : 0;
    var sizes = width > 0 ? width + 'px' : FALLBACK_SIZES;
    for (var i = 0; i < images.length; i++) {
      var image = images[i];
      if (!image.zmSources) continue;
      image.zmSources.sources.forEach(function (source) {
        source.element.sizes = sizes;
        source.element.srcset = source.srcset;
      });
      image.sizes = sizes;
      if (image.zmSources.srcset) image.srcset = image.zmSources.srcset;
      image.src = image.zmSources.src;
      image.zmSources = null;
    }
  }

  function regionName(stories) {
    var first = stories[0] && stories[0].region ? stories[0].region.name : null;
    var same = stories.every(function (story) {
      return story.region && story.region.name === first;
    });
    return options.region && first && same ? first : null;
  }

  /** Brings the grid in line with a list, keeping cards that did not change (a playing video goes on playing). */
  function showStories(stories) {
    state.stories = stories;
    skeleton.hidden = true;
    problem.hidden = true;
    var existing = {};
    Array.prototype.forEach.call(grid.children, function (item) {
      existing[item.getAttribute('data-story-id')] = item;
    });
    var wanted = stories.map(function (story) {
      var item = existing[story.id];
      var playing = item && item.querySelector('iframe');
      if (item && (playing || item.getAttribute('data-version') === story.updatedAt + '|' + story.publishedAt)) {
        delete existing[story.id];
        return item;
      }
      return card(story);
    });
    Object.keys(existing).forEach(function (id) {
      removeCard(existing[id]);
    });
    wanted.forEach(function (item, index) {
      if (grid.children[index] !== item) grid.insertBefore(item, grid.children[index] || null);
    });
    heading.textContent = t.heading(regionName(stories));
    if (stories.length) setStatus('', false);
    else setStatus(emptyText(), true);
    // One story's player waits for its data before it replaces what the page shows in its place.
    if (!host.isConnected) mount(host);
    sizeImages();
  }

  function emptyText() {
    return options.story ? t.gone : t.empty(Boolean(options.region));
  }

  function removeCard(item) {
    if (openedNotice && item.contains(openedNotice.media)) openedNotice = null;
    // Focus must not vanish with the card: a keyboard user would be thrown back to the top of the page.
    if (item.contains(root.activeElement)) heading.focus();
    item.parentNode.removeChild(item);
  }

  // --------------------------------------------------------------------------------------------- refresh

  function loadStories() {
    return getJson(storiesPath())
      .catch(function (error) {
        // One story that is gone (unpublished, consent withdrawn) is an empty selection, not a failure.
        if (options.story && error instanceof ApiError && error.status === 404) return { body: { data: [] }, lastModified: null };
        throw error;
      })
      .then(function (answer) {
        var data = answer.body.data || [];
        state.asOf = answer.lastModified || state.asOf;
        showStories((Array.isArray(data) ? data : [data]).map(slim).filter(Boolean));
        writeCache();
      });
  }

  /**
   * Asks which stories were taken down since the content the widget shows and drops them at once (GDPR Art. 17(2)).
   * A story re-published after its removal has a later publishedAt and stays. Resolves to the number dropped.
   */
  function checkRemovals() {
    var since = state.asOf || new Date(Date.now() - 3600 * 1000).toISOString();
    var removals = [];
    var lastModified = null;
    var page = function (number) {
      var query = new URLSearchParams({ since: since, pageSize: '1000', page: String(number) });
      return getJson('/stories/removed?' + query.toString()).then(function (answer) {
        removals = removals.concat(answer.body.data || []);
        lastModified = lastModified || answer.lastModified;
        var pageCount = answer.body.meta ? answer.body.meta.pageCount : 1;
        return number < pageCount && number < MAX_REMOVAL_PAGES ? page(number + 1) : null;
      });
    };
    return page(1).then(function () {
      var gone = state.stories.filter(function (story) {
        return removals.some(function (removal) {
          var same = removal.id === story.id || (removal.slug && removal.slug === story.slug);
          return same && Date.parse(removal.removedAt) >= Date.parse(story.publishedAt);
        });
      });
      if (lastModified) state.asOf = lastModified;
      if (gone.length) drop(gone);
      else writeCache();
      return gone.length;
    });
  }

  function drop(stories) {
    var goneIds = stories.map(function (story) {
      return story.id;
    });
    state.stories = state.stories.filter(function (story) {
      return goneIds.indexOf(story.id) < 0;
    });
    writeCache();
    Array.prototype.slice.call(grid.children).forEach(function (item) {
      if (goneIds.indexOf(item.getAttribute('data-story-id')) >= 0) removeCard(item);
    });
    if (state.stories.length) setStatus(t.removed(stories.length), false);
    else setStatus(emptyText(), true);
  }

  function refresh() {
    // Both at once: the removal check drops cached stories before the (larger) fresh list arrives.
    var removals = state.stories.length ? checkRemovals().catch(function () {}) : null;
    return Promise.all([loadStories(), removals]).catch(function (error) {
      if (error instanceof ApiError && error.status === 400) {
        showStories([]);
        setStatus('', false);
        showProblem(error);
      } else if (state.stories.length) {
        warn('could not refresh the stories (' + (error && error.message) + '); showing the last ones received.');
      } else {
        showProblem(error);
      }
    });
  }

  /** While the page is visible: removals are looked for every refreshSeconds; a hidden tab checks on return. */
  function schedule() {
    clearTimeout(state.timer);
    state.timer = setTimeout(function () {
      if (!host.isConnected) return;
      if (document.hidden) {
        state.checkWhenVisible = true;
        return;
      }
      periodicCheck().then(schedule);
    }, options.refreshSeconds * 1000);
  }

  function periodicCheck() {
    if (!state.stories.length) return Promise.resolve();
    return checkRemovals()
      .then(function (dropped) {
        // Fill the places of the dropped stories.
        return dropped ? loadStories() : null;
      })
      .catch(function (error) {
        warn('could not check for removed stories (' + (error && error.message) + '); trying again later.');
      });
  }

  document.addEventListener('visibilitychange', function () {
    if (document.hidden || !state.checkWhenVisible || !host.isConnected) return;
    state.checkWhenVisible = false;
    periodicCheck().then(schedule);
  });

  function startSingle() {
    host.className += ' zusammen-mehr-single';
    root.appendChild(h('div', { class: 'zm zm-single', lang: options.lang }, status, grid, problem));
    var cached = readCache();
    if (cached) {
      state.asOf = cached.asOf;
      showStories(cached.stories);
    }
    refresh().then(schedule);
  }

  function start() {
    if (options.story) return startSingle();
    mount(host);
    if (options.layout === 'banner') {
      root.appendChild(h('div', { class: 'zm', lang: options.lang }, banner()));
      return;
    }
    var map = options.layout === 'map' ? h('div', { class: 'zm-map' }) : null;
    root.appendChild(h('section', { class: 'zm', lang: options.lang, 'aria-labelledby': headingId }, heading, map, status, skeleton, grid, problem, banner()));
    if (map) loadMap(map);
    var cached = readCache();
    if (cached) {
      state.asOf = cached.asOf;
      showStories(cached.stories);
    } else {
      showLoading();
    }
    refresh().then(schedule);
  }

  /** The map's code and outlines are fetched only where the map layout is used (stories-map.js draws it). */
  function loadMap(container) {
    var loader = h('script', { src: origin + '/embed/stories-map.js', async: true });
    loader.addEventListener('load', function () {
      window.zusammenMehrMap({ container: container, h: h, getJson: getJson, origin: origin, lang: options.lang, region: options.region, select: function (region) {
        options.region = region;
        showLoading();
        return refresh();
      } });
    });
    document.head.appendChild(loader);
  }

  if (options.target && !findTarget(options.target) && document.readyState === 'loading') whenReady(start);
  else if (!options.target && !document.body) whenReady(start);
  else start();
})();
