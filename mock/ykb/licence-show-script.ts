/**
 * Inline script of the holder page: a countdown to the code's expiry (reload for a new code at 0), the requests
 * section refreshed every 3 s without losing the place on the page, and a copy button for the code text.
 */
export const SHOW_PAGE_SCRIPT = `(function () {
  var cd = document.getElementById('countdown'), out = cd.querySelector('strong');
  var end = Date.now() + Number(cd.getAttribute('data-remaining')) * 1000;
  function tick() {
    var s = Math.max(0, Math.round((end - Date.now()) / 1000));
    out.textContent = Math.floor(s / 60) + '分' + (s % 60 < 10 ? '0' : '') + (s % 60) + '秒';
    if (s === 0) location.reload();
  }
  tick(); setInterval(tick, 1000);
  setInterval(function () {
    fetch(location.href, { cache: 'no-store' }).then(function (r) { return r.text(); }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('requests');
      var mine = document.getElementById('requests');
      if (fresh && mine && fresh.innerHTML !== mine.innerHTML) mine.innerHTML = fresh.innerHTML;
    }).catch(function () {});
  }, 3000);
  document.getElementById('copy').addEventListener('click', function () {
    var t = document.getElementById('qr-text'), b = this;
    t.select();
    var done = function () { b.textContent = '已复制'; };
    (navigator.clipboard ? navigator.clipboard.writeText(t.value) : Promise.reject()).then(done, function () { document.execCommand('copy'); done(); });
  });
})();`
