/*!
 * ZUSAMMEN. MEHR. – the map layout of the partner widget (data-layout="map"), loaded by stories.js only where a
 * partner chose it. Draws Lower Saxony's 45 districts as inline SVG from /embed/districts.json (no tile server, no
 * third party), shaded by their published stories (/api/v1/regions). Choosing a district shows its stories in the
 * widget's grid below the map.
 *
 * The districts' controls are a list of buttons ("Göttingen: 3 Geschichten"): the content screen readers get, in
 * alphabetical order. The list is visually hidden; the map shows the focused button's district with a focus ring,
 * and a click on a district presses its button. Plain ES2018, no dependencies.
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  // No stories, then five steps of the alliance's blue, lightest to darkest.
  var SHADES = ['#e3e7eb', '#c4daee', '#8dbbe0', '#4f8fc6', '#1f5f99', '#0b3b6b'];
  var STEPS = SHADES.length - 1;

  var TEXT = {
    de: {
      districts: 'Landkreise und kreisfreie Städte',
      count: function (count) {
        return count === 1 ? '1 Geschichte' : count + ' Geschichten';
      },
      hint: 'Wählen Sie einen Landkreis oder eine kreisfreie Stadt: die Geschichten erscheinen unter der Karte.',
      showing: function (name, count) {
        return name + ': ' + (count === 1 ? '1 Geschichte' : count + ' Geschichten') + ' unter der Karte.';
      },
      all: 'Alle Geschichten aus Niedersachsen',
      showingAll: 'Die neuesten Geschichten aus ganz Niedersachsen unter der Karte.',
      legend: 'Veröffentlichte Geschichten',
      none: 'keine',
      failed: 'Die Karte kann gerade nicht geladen werden.',
      source: 'Kartengrundlage:',
    },
    en: {
      districts: 'Districts and cities',
      count: function (count) {
        return count === 1 ? '1 story' : count + ' stories';
      },
      hint: 'Choose a district or city: its stories appear below the map.',
      showing: function (name, count) {
        return name + ': ' + (count === 1 ? '1 story' : count + ' stories') + ' below the map.';
      },
      all: 'All stories from Lower Saxony',
      showingAll: 'The newest stories from all of Lower Saxony below the map.',
      legend: 'Published stories',
      none: 'none',
      failed: 'The map cannot be loaded right now.',
      source: 'Map data:',
    },
  };

  var STYLES = [
    '.zm-map { display: grid; gap: 0.6em; justify-items: start; }',
    '.zm-map-svg { display: block; width: 100%; max-width: 38em; height: auto; }',
    '.zm-district { stroke: #fff; stroke-width: 0.8; stroke-linejoin: round; cursor: pointer; }',
    '.zm-district[data-pressed] { stroke: #d4213d; stroke-width: 2.5; }',
    '.zm-ring { fill: none; pointer-events: none; stroke-linejoin: round; }',
    '.zm-ring-outer { stroke: #002a52; stroke-width: 6; }',
    '.zm-ring-inner { stroke: #ffd200; stroke-width: 3; }',
    '.zm-map-readout { min-height: 1.5em; font-weight: 700; color: #003a70; }',
    '.zm-legend { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3em 0.8em; font-size: 0.85em; color: #4a5561; }',
    '.zm-legend span { display: inline-flex; align-items: center; gap: 0.3em; }',
    '.zm-swatch { width: 1em; height: 1em; border: 1px solid #8a96a3; border-radius: 2px; }',
    '.zm-map-all { min-height: 2.75em; padding: 0.4em 1em; border: 2px solid #003a70; border-radius: 4px; background: #fff; color: #003a70; font-weight: 700; }',
    '.zm-map-all:hover { background: #eef2f6; }',
    '.zm-map-source { font-size: 0.8em; color: #4a5561; }',
    '.zm-map-source a { color: #4a5561; }',
    '@media (forced-colors: active) { .zm-district { stroke: CanvasText; } .zm-ring-inner { stroke: Highlight; } }',
  ]
    // Classes, not style attributes: a partner's Content-Security-Policy may forbid inline styles.
    .concat(SHADES.map(function (shade, step) {
      return '.zm-swatch-' + step + ' { background: ' + shade + '; }';
    }))
    .join('\n');

  function adoptStyles(node, h) {
    var root = node.getRootNode();
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLES);
      root.adoptedStyleSheets = root.adoptedStyleSheets.concat([sheet]);
    } else {
      node.appendChild(h('style', null, STYLES));
    }
  }

  function svg(tag, attributes) {
    var element = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) {
      element.setAttribute(name, attributes[name]);
    });
    return element;
  }

  /** 0 for none, else 1–5 by the share of the most any district has. */
  function stepOf(count, max) {
    return count ? Math.max(1, Math.ceil((count / max) * STEPS)) : 0;
  }

  function legend(h, t, max) {
    var items = [h('span', null, h('span', { class: 'zm-swatch zm-swatch-0' }), t.none)];
    var from = 1;
    for (var step = 1; step <= STEPS; step++) {
      var to = Math.floor((step * max) / STEPS);
      if (to < from) continue;
      items.push(h('span', null, h('span', { class: 'zm-swatch zm-swatch-' + step }), from === to ? String(from) : from + '–' + to));
      from = to + 1;
    }
    return h('p', { class: 'zm-legend' }, t.legend + ':', items);
  }

  function getFile(url) {
    return fetch(url, { credentials: 'omit' }).then(function (response) {
      if (!response.ok) throw new Error(url + ': ' + response.status);
      return response.json();
    });
  }

  window.zusammenMehrMap = function (widget) {
    var h = widget.h;
    var t = TEXT[widget.lang] || TEXT.de;
    var container = widget.container;
    adoptStyles(container, h);

    Promise.all([getFile(widget.origin + '/embed/districts.json'), widget.getJson('/regions')])
      .then(function (answers) {
        draw(answers[0], answers[1].body.data || []);
      })
      .catch(function () {
        container.appendChild(h('p', { class: 'zm-status', role: 'status' }, t.failed));
      });

    function draw(map, regions) {
      var byKey = {};
      regions.forEach(function (region) {
        byKey[region.key] = region;
      });
      var districts = map.districts.map(function (shape) {
        var region = byKey[shape.key];
        return { key: shape.key, d: shape.d, name: region ? region.name : shape.name, slug: region ? region.slug : shape.key, count: region ? region.storyCount : 0 };
      });
      var max = Math.max.apply(null, [1].concat(districts.map(function (district) { return district.count; })));

      var drawing = svg('svg', { class: 'zm-map-svg', viewBox: '0 0 ' + map.width + ' ' + map.height, 'aria-hidden': 'true', focusable: 'false' });
      // The focus ring: the district's outline drawn again on top of all, dark under yellow for every background.
      var ringOuter = svg('path', { class: 'zm-ring zm-ring-outer' });
      var ringInner = svg('path', { class: 'zm-ring zm-ring-inner', 'data-key': '' });
      var readout = h('p', { class: 'zm-map-readout', 'aria-hidden': 'true' });
      var announcement = h('p', { class: 'zm-vh', role: 'status' });
      var hintId = 'zm-map-hint-' + Math.random().toString(36).slice(2);
      var list = h('ul', { class: 'zm-vh', role: 'list', 'aria-label': t.districts });
      var all = h('button', { type: 'button', class: 'zm-map-all', hidden: true, onclick: function () { choose(null); } }, t.all);
      var pressed = null;

      districts.forEach(function (district) {
        var label = district.name + ': ' + t.count(district.count);
        district.path = svg('path', { id: 'zm-district-' + district.key, class: 'zm-district', d: district.d, 'fill-rule': 'evenodd', fill: SHADES[stepOf(district.count, max)] });
        district.button = h('button', { type: 'button', 'aria-pressed': 'false', 'aria-describedby': hintId, 'data-key': district.key }, label);
        var show = function () {
          ringOuter.setAttribute('d', district.d);
          ringInner.setAttribute('d', district.d);
          ringInner.setAttribute('data-key', district.key);
          readout.textContent = label;
        };
        district.path.addEventListener('mouseenter', show);
        district.path.addEventListener('click', function () {
          district.button.click();
        });
        district.button.addEventListener('focus', show);
        district.button.addEventListener('blur', hide);
        district.button.addEventListener('click', function () {
          choose(pressed === district ? null : district);
        });
        drawing.appendChild(district.path);
      });
      drawing.appendChild(ringOuter);
      drawing.appendChild(ringInner);
      drawing.addEventListener('mouseleave', hide);
      districts
        .slice()
        .sort(function (a, b) {
          return a.name.localeCompare(b.name, 'de');
        })
        .forEach(function (district) {
          list.appendChild(h('li', null, district.button));
        });

      /** Back to the chosen district, if any, when neither pointer nor focus is on one. */
      function hide() {
        ringOuter.removeAttribute('d');
        ringInner.removeAttribute('d');
        ringInner.setAttribute('data-key', '');
        readout.textContent = pressed ? pressed.button.textContent : '';
      }

      function mark(district) {
        if (pressed) {
          pressed.button.setAttribute('aria-pressed', 'false');
          pressed.path.removeAttribute('data-pressed');
        }
        pressed = district;
        all.hidden = !district;
        if (!district) return;
        district.button.setAttribute('aria-pressed', 'true');
        district.path.setAttribute('data-pressed', '');
        readout.textContent = district.button.textContent;
      }

      function choose(district) {
        mark(district);
        widget.select(district ? district.slug : undefined).then(function () {
          announcement.textContent = district ? t.showing(district.name, district.count) : t.showingAll;
        });
      }

      var chosen = districts.filter(function (district) {
        return widget.region && (district.slug === widget.region || district.key === widget.region);
      })[0];
      if (chosen) mark(chosen);

      var source = h('p', { class: 'zm-map-source' }, t.source + ' ', h('a', { href: map.sourceUrl, target: '_blank', rel: 'noopener noreferrer', lang: 'de' }, map.source));
      [h('p', { id: hintId, class: 'zm-vh' }, t.hint), list, drawing, readout, legend(h, t, max), all, announcement, source].forEach(function (node) {
        container.appendChild(node);
      });
    }
  };
})();
