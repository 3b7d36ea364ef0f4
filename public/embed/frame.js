/*!
 * ZUSAMMEN. MEHR. – the iframe page (/embed/stories) tells the partner page its height, so the frame can grow
 * with the stories instead of scrolling. Message: { type: "zusammen-mehr:height", height: <CSS pixels> }.
 */
(function () {
  'use strict';

  if (window.parent === window) return;
  var last = 0;

  function post() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // Only a number leaves the frame, so any partner origin may receive it.
    window.parent.postMessage({ type: 'zusammen-mehr:height', height: height }, '*');
  }

  if (typeof ResizeObserver === 'function') new ResizeObserver(post).observe(document.body);
  window.addEventListener('load', post);
  post();
})();
