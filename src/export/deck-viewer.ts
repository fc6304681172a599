/**
 * The deck page's only script, inlined and allowed by its hash. It shows one slide at a time and
 * handles keys, clicks, swipes, `#n` deep links, fullscreen and a presenter view (current and next
 * slide, speaker notes, a timer) in a popup window, or over the deck when popups are blocked.
 * Kept as plain ES2017 in a string so no build step can rewrite it.
 */
export const deckViewerScript = String.raw`(function () {
  'use strict';
  var root = document.documentElement;
  var slides = Array.prototype.slice.call(document.querySelectorAll('div.marpit > svg[data-marpit-svg]'));
  if (slides.length === 0) return;
  var notes = slides.map(function (_, i) {
    return document.querySelector('#lectern-notes > [data-slide="' + i + '"]');
  });
  var counter = document.querySelector('.lectern-counter');
  var current = -1;
  var presenter = null;
  root.classList.add('lectern-view');

  function indexFromHash() {
    var n = parseInt(location.hash.slice(1), 10);
    return isNaN(n) ? 0 : Math.min(Math.max(n, 1), slides.length) - 1;
  }

  function go(index) {
    index = Math.min(Math.max(index, 0), slides.length - 1);
    if (index === current) return;
    if (current >= 0) slides[current].classList.remove('lectern-active');
    current = index;
    slides[current].classList.add('lectern-active');
    counter.textContent = current + 1 + ' / ' + slides.length;
    if (indexFromHash() !== current || !location.hash) {
      try { history.replaceState(null, '', '#' + (current + 1)); } catch (e) { location.replace('#' + (current + 1)); }
    }
    if (presenter) presenter.render();
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) document.exitFullscreen().catch(function () {});
    else if (root.requestFullscreen) root.requestFullscreen().catch(function () {});
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var key = event.key;
    if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'PageDown' || (key === ' ' && !event.shiftKey)) go(current + 1);
    else if (key === 'ArrowLeft' || key === 'ArrowUp' || key === 'PageUp' || (key === ' ' && event.shiftKey)) go(current - 1);
    else if (key === 'Home') go(0);
    else if (key === 'End') go(slides.length - 1);
    else if (key === 'f' || key === 'F') toggleFullscreen();
    else if (key === 'p' || key === 'P') togglePresenter();
    else if (key === 'Escape' && presenter) presenter.close();
    else return;
    event.preventDefault();
  }

  // A copy of a slide for the presenter panes, in Marp's container so the theme applies, and
  // without ids that would clash with the originals.
  function copyOf(slide, doc) {
    var copy = doc.importNode(slide, true);
    copy.classList.remove('lectern-active');
    Array.prototype.forEach.call(copy.querySelectorAll('[id]'), function (node) { node.removeAttribute('id'); });
    var container = doc.createElement('div');
    container.className = 'marpit';
    container.appendChild(copy);
    return container;
  }

  function el(doc, tag, className, parent) {
    var node = doc.createElement(tag);
    node.className = className;
    parent.appendChild(node);
    return node;
  }

  function togglePresenter() {
    if (presenter) { presenter.close(); return; }
    var popup = window.open('', 'lectern-presenter', 'popup,width=1200,height=760');
    var doc = popup ? popup.document : document;
    var host = doc.body;
    if (popup) {
      doc.head.replaceChildren();
      doc.body.replaceChildren();
      doc.title = 'Presenter: ' + document.title;
      Array.prototype.forEach.call(document.querySelectorAll('style'), function (style) {
        doc.head.appendChild(doc.importNode(style, true));
      });
      doc.documentElement.className = 'lectern-presenter-window';
      popup.addEventListener('keydown', onKey);
      popup.addEventListener('pagehide', function () { if (presenter && presenter.popup === popup) presenter.close(); });
    }
    var panel = el(doc, 'div', 'lectern-presenter', host);
    var now = el(doc, 'div', 'lectern-presenter-current', panel);
    var next = el(doc, 'div', 'lectern-presenter-next', panel);
    var notesPane = el(doc, 'div', 'lectern-presenter-notes', panel);
    var bar = el(doc, 'div', 'lectern-presenter-bar', panel);
    var timer = el(doc, 'button', 'lectern-presenter-timer', bar);
    var page = el(doc, 'span', 'lectern-presenter-page', bar);
    timer.type = 'button';
    timer.title = 'Reset the timer';
    var started = Date.now();
    function tick() {
      var s = Math.floor((Date.now() - started) / 1000);
      var pad = function (n) { return (n < 10 ? '0' : '') + n; };
      timer.textContent = (s >= 3600 ? Math.floor(s / 3600) + ':' : '') + pad(Math.floor(s / 60) % 60) + ':' + pad(s % 60);
    }
    timer.addEventListener('click', function () { started = Date.now(); tick(); });
    next.addEventListener('click', function () { go(current + 1); });
    var interval = setInterval(tick, 1000);
    tick();
    presenter = {
      popup: popup,
      render: function () {
        now.replaceChildren(copyOf(slides[current], doc));
        next.replaceChildren(current + 1 < slides.length ? copyOf(slides[current + 1], doc) : '');
        notesPane.replaceChildren(notes[current] ? doc.importNode(notes[current], true) : '');
        page.textContent = 'Slide ' + (current + 1) + ' of ' + slides.length;
      },
      close: function () {
        clearInterval(interval);
        presenter = null;
        if (popup) { if (!popup.closed) popup.close(); } else panel.remove();
        window.focus();
      },
    };
    presenter.render();
  }

  document.addEventListener('keydown', onKey);
  document.addEventListener('click', function (event) {
    if (event.button !== 0 || event.target.closest('a, button, .lectern-presenter')) return;
    go(current + (event.shiftKey ? -1 : 1));
  });
  var touch = null;
  document.addEventListener('touchstart', function (event) {
    touch = event.touches.length === 1 ? { x: event.touches[0].clientX, y: event.touches[0].clientY } : null;
  }, { passive: true });
  document.addEventListener('touchend', function (event) {
    if (!touch) return;
    var dx = event.changedTouches[0].clientX - touch.x;
    var dy = event.changedTouches[0].clientY - touch.y;
    touch = null;
    if (Math.abs(dx) < 40 || Math.abs(dx) < Math.abs(dy)) return;
    if (event.cancelable) event.preventDefault(); // no click after a swipe
    go(current + (dx < 0 ? 1 : -1));
  }, { passive: false });
  window.addEventListener('hashchange', function () { go(indexFromHash()); });
  window.addEventListener('pagehide', function () { if (presenter && presenter.popup) presenter.close(); });
  go(indexFromHash());
})();
`;
