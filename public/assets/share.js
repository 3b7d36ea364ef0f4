/*
 * ZUSAMMEN. MEHR. – the "Teilen" button of the story pages: the device's own share sheet (Web Share API), which offers
 * every installed app, Signal included. Without the API the button stays hidden and the plain links do the work.
 */
(function () {
  'use strict';
  if (typeof navigator.share !== 'function') return;
  Array.prototype.forEach.call(document.querySelectorAll('button[data-share-url]'), function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      // A visitor who closes the sheet rejects the promise: nothing to report.
      navigator.share({ title: button.getAttribute('data-share-title'), url: button.getAttribute('data-share-url') }).catch(function () {});
    });
  });
})();
