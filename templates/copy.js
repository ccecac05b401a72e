// convlesson copy buttons: each copies the text of the element its
// data-copy names (the "Reproduce it" programs). Without the script the
// buttons stay hidden and the programs can be selected and copied by hand.
(function () {
  'use strict';

  var status = document.getElementById('copy-status');
  // The words come from the lesson's message catalogue, on the status line.
  var TEXT = {
    copied: status ? status.getAttribute('data-copied') || '' : '',
    failed: status ? status.getAttribute('data-failed') || '' : '',
  };
  var buttons = Array.prototype.slice.call(document.querySelectorAll('button[data-copy]'));

  function say(text) { if (status) status.textContent = text; }

  // The older way, for browsers that refuse the Clipboard API (some do on file://).
  function copyBySelection(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var done = false;
    try { done = document.execCommand('copy'); } catch (e) { done = false; }
    return done;
  }

  buttons.forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) return;
    button.addEventListener('click', function () {
      var text = source.textContent;
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { say(TEXT.copied); }, function () {
          say(copyBySelection(source) ? TEXT.copied : TEXT.failed);
        });
      } else {
        say(copyBySelection(source) ? TEXT.copied : TEXT.failed);
      }
    });
    button.hidden = false;
  });
})();
