// convlesson step player: one plain script shared by every lesson page.
// The page works without it (every frame is listed with its caption); when it
// runs, it turns the list into a player over the beats that the page carries
// in <script type="application/json" id="player-data"> (pages opened from
// file:// may not fetch). It never starts playing on its own.
(function () {
  'use strict';

  var root = document.getElementById('player');
  var dataElement = document.getElementById('player-data');
  if (!root || !dataElement) return;
  var data;
  try {
    data = JSON.parse(dataElement.textContent);
  } catch (e) {
    return;  // the static list stays
  }
  if (!data || !data.variants || !data.variants.length || !data.variants[0].beats.length) return;

  var frame = document.getElementById('player-frame');
  var step = document.getElementById('player-step');
  var caption = document.getElementById('player-caption');
  var prev = document.getElementById('player-prev');
  var next = document.getElementById('player-next');
  var play = document.getElementById('player-play');
  var scrubber = document.getElementById('player-scrubber');
  var speed = document.getElementById('player-speed');
  var zoom = document.getElementById('player-zoom');
  var tallSource = document.getElementById('player-frame-tall');
  var downloadSvg = document.getElementById('player-download-svg');  // the shown beat's files
  var downloadPng = document.getElementById('player-download-png');  // narrow screens' frame, when there is one
  var frameBox = frame && frame.closest('.stage-frame');
  var filterButtons = Array.prototype.slice.call(root.querySelectorAll('[data-variant]'));
  // The frame is absent when the build writes no frame images (captions only).
  if (!step || !caption || !prev || !next || !play || !scrubber || !speed) return;
  // The words the player switches to come from the page, in its language
  // (the template's data-* attributes); a template made before they existed
  // gets the English ones.
  var playLabel = play.querySelector('.label').textContent;
  var pauseLabel = play.getAttribute('data-pause-label') || 'Pause';
  var zoomedLabel = zoom ? zoom.getAttribute('data-zoomed-label') || 'Frame at full size, scrolls sideways' : '';

  // How long a beat stays on screen at normal speed, by stage: the moments
  // that change the whole map get longer than one cell's sum.
  var HOLD_MS = {intro: 2500, conv: 1200, activation: 3000, pool: 1800, summary: 4000};
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  if (reducedMotion) speed.value = '0.5';  // less change per second for readers who asked for it

  var state = {variant: 0, beat: 0, playing: false, timer: 0};

  function beats() { return data.variants[state.variant].beats; }

  function clamp(i) { return Math.max(0, Math.min(beats().length - 1, i)); }

  // Buttons at an end are marked, not disabled: disabling the focused
  // button would drop a keyboard user's focus to the top of the page.
  function mark(button, off) {
    if (off) button.setAttribute('aria-disabled', 'true');
    else button.removeAttribute('aria-disabled');
  }

  function render() {
    var variant = data.variants[state.variant];
    var list = variant.beats;
    var beat = list[state.beat];
    var label = beat.step;  // "Step 9 of 23", as the storyboard counts
    if (frame) {
      if (frame.getAttribute('src') !== beat.src) frame.setAttribute('src', beat.src);
      frame.alt = beat.alt;
      if (variant.width && variant.height) {
        frame.width = variant.width;
        frame.height = variant.height;
      }
      if (tallSource && beat.tall_src) {
        if (tallSource.getAttribute('srcset') !== beat.tall_src) tallSource.setAttribute('srcset', beat.tall_src);
        tallSource.width = variant.tall_width;
        tallSource.height = variant.tall_height;
      }
    }
    if (downloadSvg && beat.svg) downloadSvg.setAttribute('href', beat.svg);
    if (downloadPng && beat.png) downloadPng.setAttribute('href', beat.png);
    step.textContent = label + ' \u00b7 ' + beat.title;
    caption.textContent = beat.caption;
    scrubber.max = String(list.length);
    scrubber.value = String(state.beat + 1);
    scrubber.setAttribute('aria-valuetext', label + ', ' + beat.title);
    mark(prev, state.beat === 0);
    mark(next, state.beat === list.length - 1);
    filterButtons.forEach(function (button) {
      button.setAttribute('aria-pressed', String(Number(button.getAttribute('data-variant')) === state.variant));
    });
    if (frame && state.beat + 1 < list.length) {  // no flash on the next step: fetch the frame this screen shows
      var upcoming = list[state.beat + 1];
      new Image().src = tallSource && upcoming.tall_src && tallSource.media && window.matchMedia(tallSource.media).matches ? upcoming.tall_src : upcoming.src;
    }
  }

  function go(i) {
    state.beat = clamp(i);
    render();
  }

  function schedule() {
    window.clearTimeout(state.timer);
    var hold = HOLD_MS[beats()[state.beat].stage] || 1500;
    state.timer = window.setTimeout(function () {
      go(state.beat + 1);
      if (state.beat >= beats().length - 1) pause();
      else schedule();
    }, hold / Number(speed.value || 1));
  }

  function setPlaying(playing) {
    state.playing = playing;
    play.querySelector('.icon').textContent = playing ? '\u275a\u275a' : '\u25b6';
    play.querySelector('.label').textContent = playing ? pauseLabel : playLabel;
    // While it plays, announcing every caption would talk over the reader.
    caption.setAttribute('aria-live', playing ? 'off' : 'polite');
  }

  function start() {
    if (state.beat >= beats().length - 1) go(0);
    setPlaying(true);
    schedule();
  }

  function pause() {
    window.clearTimeout(state.timer);
    setPlaying(false);
  }

  function toggle() {
    if (state.playing) pause();
    else start();
  }

  // Manual steps stop playback: the reader has taken over.
  function stepTo(i) {
    pause();
    go(i);
  }

  function selectVariant(index) {
    if (index === state.variant || index < 0 || index >= data.variants.length) return false;
    state.variant = index;
    go(state.beat);  // the same step, or the last one if this variant has fewer
    if (state.playing) schedule();
    return true;
  }

  prev.addEventListener('click', function () { stepTo(state.beat - 1); });
  next.addEventListener('click', function () { stepTo(state.beat + 1); });
  play.addEventListener('click', toggle);
  scrubber.addEventListener('input', function () { stepTo(Number(scrubber.value) - 1); });
  speed.addEventListener('change', function () { if (state.playing) schedule(); });
  filterButtons.forEach(function (button) {
    button.addEventListener('click', function () {
      var index = Number(button.getAttribute('data-variant'));
      // The Explore section (explore.js) follows the player's variant, and the other way round.
      if (selectVariant(index)) document.dispatchEvent(new CustomEvent('convlesson:variant', {detail: {index: index, from: 'player'}}));
    });
  });
  document.addEventListener('convlesson:variant', function (e) {
    if (e.detail && e.detail.from !== 'player') selectVariant(e.detail.index);
  });
  // On a narrow screen the whole frame is small; full size lets the reader
  // scroll across it instead. The scrolling box takes focus so keys can scroll it.
  if (zoom && frameBox) {
    zoom.addEventListener('click', function () {
      var on = zoom.getAttribute('aria-pressed') !== 'true';
      zoom.setAttribute('aria-pressed', String(on));
      frameBox.classList.toggle('zoomed', on);
      if (on) {
        frameBox.setAttribute('tabindex', '0');
        frameBox.setAttribute('role', 'group');
        frameBox.setAttribute('aria-label', zoomedLabel);
      } else {
        frameBox.removeAttribute('tabindex');
        frameBox.removeAttribute('role');
        frameBox.removeAttribute('aria-label');
      }
    });
  }

  // Keys work when nothing in particular has focus or focus is in the player,
  // and never take a key a focused control needs for itself (Space on a
  // button, arrows in the scrubber or the speed list, typing in a field).
  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    var target = e.target;
    var onPage = !target || target === document.body || target === document.documentElement ||
        target === document.getElementById('main');
    if (!onPage && !root.contains(target)) return;
    var tag = target && target.tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || (target && target.isContentEditable)) return;
    var pressable = tag === 'BUTTON' || tag === 'A';
    switch (e.key) {
      case ' ':
      case 'Spacebar':
        if (pressable) return;
        toggle();
        break;
      case 'ArrowLeft': stepTo(state.beat - 1); break;
      case 'ArrowRight': stepTo(state.beat + 1); break;
      case 'Home': stepTo(0); break;
      case 'End': stepTo(beats().length - 1); break;
      default: return;
    }
    e.preventDefault();
  });

  // Printing shows the static list; make sure its lazy images are loaded.
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('.frames img'), function (img) { img.loading = 'eager'; });
  });

  document.documentElement.classList.add('has-player');
  root.hidden = false;
  setPlaying(false);
  render();
})();
