/* Repère on a training provider's page. One tag per frame:
 *   <script src="https://…/embed.js" async data-certifications="RNCP37722" data-accent="#7a1f5c"></script>
 * Attributes and events: README, section "Intégrer Repère". No dependency; nothing from the
 * page is ever written as HTML or CSS: values are checked, then passed in the frame's URL,
 * where the app checks them again. */
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || me.repereDone) return;
  me.repereDone = true;
  var d = me.dataset;
  var app = new URL('./', me.src);
  var origin = app.origin;
  var fr = d.lang !== 'en';
  var warn = function (attr, text) {
    console.warn('Repère embed: ' + (attr ? attr + ': ' : '') + text);
  };
  var q = new URLSearchParams({ embed: '1', host: location.origin });
  var codes = [];
  (d.certifications || '').split(/[\s,]+/).forEach(function (c) {
    if (!c) return;
    if (/^RNCP\d{1,6}$/i.test(c)) codes.push(c.toUpperCase());
    else warn('data-certifications', JSON.stringify(c) + ' is not an RNCP code; ignored');
  });
  if (codes.length) q.set('codes', codes.join(','));
  if (d.only !== undefined) {
    if (d.only === 'true' || d.only === '') {
      if (codes.length) q.set('only', '1');
      else warn('data-only', 'needs data-certifications; the whole catalogue is shown');
    } else if (d.only !== 'false') warn('data-only', 'use "true" or "false"');
  }
  if (d.lang !== undefined) {
    if (d.lang === 'fr' || d.lang === 'en') q.set('lang', d.lang);
    else warn('data-lang', JSON.stringify(d.lang) + ' is not fr or en; the default is used');
  }
  if (d.accent !== undefined) {
    var hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(d.accent);
    if (hex) q.set('accent', hex[1]);
    else warn('data-accent', JSON.stringify(d.accent) + ' is not a #rgb or #rrggbb colour; the default accent is used');
  }
  if (d.start !== undefined) {
    if (/^(catalogue|fiche|assess|results)$/.test(d.start)) q.set('start', d.start);
    else warn('data-start', JSON.stringify(d.start) + ' is not catalogue, fiche, assess or results; the catalogue opens');
  }
  var minHeight = 400;
  if (d.minHeight !== undefined) {
    var m = /^(\d{3,4})(px)?$/.exec(d.minHeight);
    if (m && +m[1] >= 200 && +m[1] <= 4000) minHeight = +m[1];
    else warn('data-min-height', JSON.stringify(d.minHeight) + ' is not a number of pixels from 200 to 4000');
  }
  var shareWith = null;
  if (d.shareWith !== undefined) {
    var s = d.shareWith.trim();
    if (s && s.length <= 80 && !/[\u0000-\u001f\u007f]/.test(s)) {
      shareWith = s;
      q.set('share', s);
    } else warn('data-share-with', 'empty, over 80 characters or with control characters; sending results is off');
  }

  var frame = document.createElement('iframe');
  frame.src = app.href + '?' + q.toString().replace(/\+/g, '%20');
  frame.title = fr
    ? 'Repère : se positionner sur des certifications professionnelles'
    : 'Repère: assess yourself against professional certifications';
  frame.loading = 'lazy';
  frame.setAttribute('allow', 'clipboard-write');
  frame.style.display = 'block';
  frame.style.width = '100%';
  frame.style.border = '0';
  frame.style.height = minHeight + 'px';
  var target = null;
  if (d.target !== undefined) {
    target = /^#[A-Za-z][\w-]*$/.test(d.target) ? document.getElementById(d.target.slice(1)) : null;
    if (!target) warn('data-target', JSON.stringify(d.target) + ' names no element (#id); the frame goes after the script');
  }
  if (target) target.appendChild(frame);
  else me.parentNode.insertBefore(frame, me.nextSibling);

  var fire = function (type, detail) {
    me.dispatchEvent(new CustomEvent('repere:' + type, { bubbles: true, detail: detail }));
  };
  var isCodes = function (list) {
    return Array.isArray(list) && list.every(function (c) { return typeof c === 'string' && /^RNCP\d{1,6}$/.test(c); });
  };
  window.addEventListener('message', function (e) {
    if (e.origin !== origin || e.source !== frame.contentWindow) return;
    var m = e.data;
    if (!m || m.repere !== 1) return;
    if (m.type === 'resize' && typeof m.height === 'number' && m.height > 0 && m.height < 1e5) {
      var h = Math.max(minHeight, Math.ceil(m.height));
      frame.style.height = h + 'px';
      fire('resize', { height: h });
    } else if (m.type === 'ready' && isCodes(m.codes)) {
      fire('ready', { codes: m.codes.slice() });
    } else if (m.type === 'selection' && isCodes(m.codes)) {
      fire('selection', { codes: m.codes.slice() });
    } else if (m.type === 'results' && shareWith && m.payload && m.payload.schema === 'repere.results/1') {
      fire('results', JSON.parse(JSON.stringify(m.payload)));
    } else if (m.type === 'warning' && typeof m.message === 'string') {
      warn('', m.message.slice(0, 300));
    }
  });
})();
