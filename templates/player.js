// convlesson step player: one plain script shared by every lesson page and
// every embedded lesson (embed.html). The page works without it (every frame
// is listed with its caption); when it runs, it turns each player on the
// page into a stepper over the beats its lesson carries in a
// <script type="application/json"> block (pages opened from file:// may not
// fetch). It never starts playing on its own.
//
// Several players may share a page (two lessons, or one lesson twice), and
// the script itself may be included once per embedded lesson: each run
// starts every player not started yet and leaves the others alone, and every
// player keeps its own state and finds its parts inside its own element
// (data-player-part), never by a page-wide id.
(function () {
  'use strict';

  // How long a beat stays on screen at normal speed, by stage: the moments
  // that change the whole map get longer than one cell's sum.
  var HOLD_MS = {intro: 2500, conv: 1200, activation: 3000, pool: 1800, summary: 4000};
  // A frame shown narrower than this share of its width is too small to
  // read: the player offers to enlarge it (markShrunk).
  var SHRUNK = 0.75;
  // Where an enlarged frame fits the player's width instead of showing at
  // full size (style.css and embed.css use the same width).
  var WIDE_SCREEN = '(min-width: 52.0625rem)';

  // The lesson page's player: #player, its data in #player-data, its frame
  // list hidden through the page's has-player class, keys taken page-wide.
  // An embedded player: [data-player] inside a [data-convlesson-embed]
  // container holding its data, its frame list and its keys.
  function startAll() {
    var players = Array.prototype.slice.call(document.querySelectorAll('[data-player]'));
    players.forEach(function (root) {
      if (root.getAttribute('data-player-started') === 'true') return;
      root.setAttribute('data-player-started', 'true');
      var embed = root.closest('[data-convlesson-embed]');
      var dataElement = embed ? embed.querySelector('script[data-player-data]') : document.getElementById('player-data');
      if (dataElement) startPlayer(root, embed, dataElement);
    });
    dropRepeatedAssets();
  }

  // An embed pasted twice brings its <link> and <script> twice: the first of
  // each stays, the copies go (the stylesheet is idempotent either way, and
  // this run has started the players the second script would start).
  function dropRepeatedAssets() {
    var seen = {};
    Array.prototype.forEach.call(document.querySelectorAll('link[data-convlesson-asset], script[data-convlesson-asset]'), function (element) {
      var key = element.tagName + ' ' + (element.getAttribute('href') || element.getAttribute('src'));
      if (seen[key]) element.parentNode.removeChild(element);
      else seen[key] = true;
    });
  }

  function startPlayer(root, embed, dataElement) {
    var data;
    try {
      data = JSON.parse(dataElement.textContent);
    } catch (e) {
      return;  // the static list stays
    }
    if (!data || !data.variants || !data.variants.length || !data.variants[0].beats.length) return;

    function part(name) { return root.querySelector('[data-player-part="' + name + '"]'); }
    var frame = part('frame');
    var step = part('step');
    var caption = part('caption');
    var prev = part('prev');
    var next = part('next');
    var play = part('play');
    var scrubber = part('scrubber');
    var speed = part('speed');
    var zoom = part('zoom');
    var tallSource = part('frame-tall');
    var downloadSvg = part('download-svg');  // the shown beat's files
    var downloadPng = part('download-png');  // narrow screens' frame, when there is one
    var frameBox = frame && frame.closest('[data-player-part="stage"]');
    // Whether this screen shows the tall (phone) frames: the <picture>'s source matches.
    function tallShown() { return Boolean(tallSource && tallSource.media && window.matchMedia(tallSource.media).matches); }
    var filterButtons = Array.prototype.slice.call(root.querySelectorAll('[data-variant]'));
    // The frame is absent when the build writes no frame images (captions only).
    if (!step || !caption || !prev || !next || !play || !scrubber || !speed) return;
    // The words the player switches to come from the page, in its language
    // (the template's data-* attributes); a template made before they existed
    // gets the English ones.
    var playIcon = part('play-icon');
    var playText = part('play-label');
    if (!playIcon || !playText) return;
    var playLabel = playText.textContent;
    var pauseLabel = play.getAttribute('data-pause-label') || 'Pause';
    var zoomedLabel = zoom ? zoom.getAttribute('data-zoomed-label') || 'Frame at full size, scrolls sideways' : '';
    var zoomedWideLabel = zoom ? zoom.getAttribute('data-zoomed-wide-label') || 'Frame enlarged to the player\'s width' : '';

    var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (reducedMotion) speed.value = '0.5';  // less change per second for readers who asked for it

    var state = {variant: 0, beat: 0, playing: false, timer: 0, stage: null};  // stage: the one shown

    function beats() { return data.variants[state.variant].beats; }

    function clamp(i) { return Math.max(0, Math.min(beats().length - 1, i)); }

    // Buttons at an end are marked, not disabled: disabling the focused
    // button would drop a keyboard user's focus to the top of the page.
    function mark(button, off) {
      if (off) button.setAttribute('aria-disabled', 'true');
      else button.removeAttribute('aria-disabled');
    }

    // A phone's tall frame is often taller than the screen, and each
    // stage's panels sit at its top: a reader scrolled down to the
    // convolution's products would see the next stage's empty foot. On a
    // change of stage the frame's top comes back into view.
    function showFrameTop() {
      if (!frameBox || !tallShown()) return;
      var top = frameBox.getBoundingClientRect().top;
      if (top < 0) window.scrollBy({ top: top, behavior: reducedMotion ? 'auto' : 'smooth' });
    }

    function render() {
      var variant = data.variants[state.variant];
      var list = variant.beats;
      var beat = list[state.beat];
      if (state.stage !== null && beat.stage !== state.stage) showFrameTop();
      state.stage = beat.stage;
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
      markShrunk();
      if (frame && state.beat + 1 < list.length) {  // no flash on the next step: fetch the frame this screen shows
        var upcoming = list[state.beat + 1];
        new Image().src = upcoming.tall_src && tallShown() ? upcoming.tall_src : upcoming.src;
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
      playIcon.textContent = playing ? '\u275a\u275a' : '\u25b6';
      playText.textContent = playing ? pauseLabel : playLabel;
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
        // On the lesson page the Explore section (explore.js) follows the
        // player's variant, and the other way round; an embed has no Explore.
        if (selectVariant(index) && !embed) document.dispatchEvent(new CustomEvent('convlesson:variant', {detail: {index: index, from: 'player'}}));
      });
    });
    if (!embed) {
      document.addEventListener('convlesson:variant', function (e) {
        if (e.detail && e.detail.from !== 'player') selectVariant(e.detail.index);
      });
    }
    // A frame shown at well under its own size (a 28x28 photograph's frame
    // fitted to a desktop's height shows its numbers at 6 px) can be
    // enlarged on any screen: the player gets the class frame-shrunk, which
    // shows the button (on a narrow screen it is always there). An enlarged
    // frame keeps the class, so the button stays where it was.
    function markShrunk() {
      if (!frame || !frameBox || !zoom || zoom.getAttribute('aria-pressed') === 'true') return;
      var variant = data.variants[state.variant];
      var tall = tallShown();
      var full = tall ? variant.tall_width : variant.width;
      var shown = frame.getBoundingClientRect().width;
      root.classList.toggle('frame-shrunk', !!full && shown > 0 && shown < SHRUNK * full);
    }
    window.addEventListener('resize', markShrunk);
    // A frame still loading when this runs has no size yet (on a slow
    // network the first one nearly always): measured again once it is there.
    if (frame) frame.addEventListener('load', markShrunk);

    // Enlarging shows a frame too small to read at full size, scrolled
    // across, on a narrow screen, and at the player's full width (no longer
    // fitted to the screen's height) on a wide one. The box takes focus so
    // keys can scroll it.
    if (zoom && frameBox) {
      zoom.addEventListener('click', function () {
        var on = zoom.getAttribute('aria-pressed') !== 'true';
        zoom.setAttribute('aria-pressed', String(on));
        frameBox.classList.toggle('zoomed', on);
        markShrunk();
        if (on) {
          frameBox.setAttribute('tabindex', '0');
          frameBox.setAttribute('role', 'group');
          frameBox.setAttribute('aria-label', window.matchMedia(WIDE_SCREEN).matches ? zoomedWideLabel : zoomedLabel);
        } else {
          frameBox.removeAttribute('tabindex');
          frameBox.removeAttribute('role');
          frameBox.removeAttribute('aria-label');
        }
      });
    }

    // Keys never take one a focused control needs for itself (Space on a
    // button, arrows in the scrubber or the speed list, typing in a field).
    // On the lesson page they work when nothing in particular has focus or
    // focus is in the player; an embedded player takes only the keys pressed
    // while focus is inside it, so one key never moves every player of a page.
    function onKey(e) {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      var target = e.target;
      if (!embed) {
        var onPage = !target || target === document.body || target === document.documentElement ||
            target === document.getElementById('main');
        if (!onPage && !root.contains(target)) return;
      }
      var tag = target && target.tagName;
      if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || (target && target.isContentEditable)) return;
      var pressable = tag === 'BUTTON' || tag === 'A';
      // The enlarged frame's box scrolls: its arrow, Home and End keys are the
      // browser's (else a keyboard could never reach the frame's far side).
      if (target === frameBox && frameBox.hasAttribute('tabindex') && e.key !== ' ' && e.key !== 'Spacebar') return;
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
    }
    (embed || document).addEventListener('keydown', onKey);

    // Printing shows the static list; make sure its lazy images are loaded.
    var list = embed || document;
    window.addEventListener('beforeprint', function () {
      Array.prototype.forEach.call(list.querySelectorAll('[data-player-fallback] img'), function (img) { img.loading = 'eager'; });
    });

    (embed || document.documentElement).classList.add('has-player');
    root.hidden = false;
    setPlaying(false);
    render();
  }

  startAll();
})();
