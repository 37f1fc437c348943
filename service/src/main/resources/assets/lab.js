// The lab page: the terminal (xterm.js over a WebSocket, reconnecting on its own), the clock the server keeps,
// progress checks, and a confirmation before submitting. Everything shown comes from the server as text.
(function () {
  'use strict';
  var root = document.querySelector('.lab');
  if (!root) { return; }
  var labId = root.dataset.lab;
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var statusLine = document.getElementById('terminal-status');
  var ended = false;

  function say(text) { statusLine.textContent = text; }
  function goToDone() { window.location.assign('/assessment/labs/' + encodeURIComponent(labId) + '/done'); }

  // The clock: the server's seconds left when the page was made, counted down here; the server enforces it.
  var endsAt = performance.now() + Number(root.dataset.secondsLeft) * 1000;
  var timeLeft = document.getElementById('time-left');
  (function tick() {
    var s = Math.max(0, Math.round((endsAt - performance.now()) / 1000));
    timeLeft.textContent = Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
    if (s <= 300) { root.classList.add('ending'); }
    if (s === 0) {
      ended = true;
      say(root.dataset.endsBy === 'window'
        ? "The stage's window has closed: your lab is being handed in as it is."
        : 'Time is up: your lab is being handed in as it is.');
      setTimeout(goToDone, 4000);
      return;
    }
    setTimeout(tick, 250);
  })();

  // The terminal.
  var term = new Terminal({ cursorBlink: true, fontSize: 14, scrollback: 5000 });
  var fit = new FitAddon.FitAddon();
  term.loadAddon(fit);
  term.open(document.getElementById('terminal'));
  window.assayTerminal = term; // the page's own terminal, for tests and the browser's console
  fit.fit();
  term.attachCustomKeyEventHandler(function (event) {
    if (event.type === 'keydown' && event.ctrlKey && event.shiftKey && event.code === 'KeyC' && term.hasSelection()) {
      navigator.clipboard.writeText(term.getSelection());
      return false;
    }
    return true;
  });
  var socket = null;
  var attempt = 0;
  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(message)); }
  }
  function connect() {
    var scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(scheme + '//' + window.location.host + '/terminal/' + encodeURIComponent(labId)
      + '?cols=' + term.cols + '&rows=' + term.rows);
    socket.onopen = function () { attempt = 0; say('Connected to your lab.'); term.focus(); };
    socket.onmessage = function (event) { term.write(event.data); };
    socket.onclose = function (event) {
      if (event.code === 4000) { ended = true; say(event.reason || 'The lab has ended.'); setTimeout(goToDone, 2000); return; }
      if (event.code === 4001) { say('The shell ended; starting a new one…'); setTimeout(connect, 500); return; }
      if (event.code === 4002) { ended = true; say('The terminal was opened in another window; reload to use it here.'); return; }
      if (ended) { return; }
      if (attempt >= 2) {
        // Refused more than once: perhaps the lab is over (handed in elsewhere, or its time is up).
        fetch(window.location.href, { method: 'HEAD', redirect: 'manual', credentials: 'same-origin' })
          .then(function (response) { if (response.type === 'opaqueredirect') { ended = true; goToDone(); } });
      }
      var wait = Math.min(10000, 500 * Math.pow(2, attempt++));
      say('Connection lost; reconnecting in ' + Math.ceil(wait / 1000) + ' s. Your shell keeps running.');
      setTimeout(connect, wait);
    };
  }
  term.onData(function (data) { send({ i: data }); });
  term.onResize(function (size) { send({ r: [size.cols, size.rows] }); });
  window.addEventListener('resize', function () { fit.fit(); });
  setInterval(function () { send({ p: 1 }); }, 30000);
  connect();

  // Progress checks: results are shown with textContent, hints only for checks that do not pass.
  var checkButton = document.getElementById('check-progress');
  if (checkButton) {
    var note = document.getElementById('progress-note');
    checkButton.addEventListener('click', function () {
      checkButton.disabled = true;
      note.textContent = 'Checking…';
      fetch('/assessment/labs/' + encodeURIComponent(labId) + '/check', {
        method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrf, 'Accept': 'application/json' }
      }).then(function (response) {
        return response.json().then(function (body) { return { status: response.status, body: body }; });
      }).then(function (reply) {
        if (reply.status === 429) { note.textContent = reply.body.error; return; }
        if (reply.status !== 200) { note.textContent = 'The check could not run; try again in a moment.'; return; }
        var passed = 0;
        reply.body.checks.forEach(function (check) {
          var item = document.querySelector('#progress li[data-check="' + CSS.escape(check.id) + '"]');
          if (!item) { return; }
          var ok = check.status === 'pass';
          passed += ok ? 1 : 0;
          item.querySelector('.status').textContent = ok ? 'passing' : (check.status === 'error' ? 'could not check' : 'not yet');
          item.className = ok ? 'pass' : 'fail';
          item.querySelector('.hint').hidden = ok || !check.hint;
        });
        note.textContent = passed + ' of ' + reply.body.checks.length + ' checks pass. Checked at '
          + new Date().toLocaleTimeString() + '.';
      }).catch(function () {
        note.textContent = 'The check could not run; try again in a moment.';
      }).finally(function () {
        setTimeout(function () { checkButton.disabled = false; }, 2000);
      });
    });
  }

  // Copy buttons of the instructions' code blocks; "Paste" in the terminal puts the text in.
  document.querySelectorAll('.instructions button.copy').forEach(function (button) {
    button.addEventListener('click', function () {
      var code = button.parentElement.querySelector('code');
      if (!code) { return; }
      navigator.clipboard.writeText(code.textContent).then(function () {
        button.textContent = 'Copied';
        setTimeout(function () { button.textContent = 'Copy'; }, 1500);
      });
    });
  });

  // Submit asks first.
  var form = document.getElementById('submit-form');
  var dialog = document.getElementById('confirm-submit');
  var confirmed = false;
  form.addEventListener('submit', function (event) {
    if (!confirmed) { event.preventDefault(); dialog.showModal(); }
  });
  document.getElementById('confirm-yes').addEventListener('click', function () {
    confirmed = true;
    ended = true;
    dialog.close();
    HTMLFormElement.prototype.submit.call(form); // not form.submit: a control named "submit" would shadow it
  });
  document.getElementById('confirm-no').addEventListener('click', function () { dialog.close(); term.focus(); });
})();
