/*
 * ZUSAMMEN. MEHR. – the partner widget's stable address, /embed/stories.js (options: see stories.js). It stays tiny
 * and is cached briefly, so that a new version of the widget reaches partners' visitors within minutes; the widget
 * itself comes from an address that names its content (WIDGET_BUNDLE, set when the app builds it) and is cached for
 * a year. The partner's <script> tag, with its data- attributes, is handed to the widget.
 */
(function () {
  'use strict';

  var tag = document.currentScript || unclaimedTag();
  if (!tag || tag.getAttribute('data-zm-widget')) return;
  tag.setAttribute('data-zm-widget', 'loading');

  /** A loader that adds the tag later without currentScript support still finds its (first unhandled) tag. */
  function unclaimedTag() {
    var tags = document.querySelectorAll('script[src*="/embed/stories.js"]');
    for (var i = 0; i < tags.length; i++) if (!tags[i].getAttribute('data-zm-widget')) return tags[i];
    return null;
  }

  var widget = document.createElement('script');
  widget.src = new URL(WIDGET_BUNDLE, tag.src).href;
  widget.async = true;
  widget.zmPartnerTag = tag;
  (document.head || document.documentElement).appendChild(widget);
})();
