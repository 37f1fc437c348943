// Terminal replay on the review page: each .replay block fetches its asciicast v2 recording and plays the output
// in a read-only xterm.js with speed control. Pauses longer than 2 s are shortened to 2 s, as asciinema's
// idle_time_limit does. The command list is rebuilt from the input events (typed lines, with backspace and
// Ctrl-C applied); clicking a command jumps there. Everything is written as text, never as HTML.
(function () {
  'use strict';
  var IDLE = 2;
  window.assayReplays = [];

  // Candidate-typed text as the page shows it: control characters as \xNN, bidirectional and invisible
  // formatting characters as <U+XXXX>, so a command cannot hide or reorder what it shows (as Inert.java does).
  function inert(text) {
    return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, function (c) {
      return '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0');
    }).replace(/[\p{Cf}\p{Zl}\p{Zp}\u034f\u115f\u1160\u2800\u3164\uffa0\ufe00-\ufe0f]/gu, function (c) {
      return '<U+' + c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0') + '>';
    });
  }

  function commandsOf(events) {
    var commands = [];
    var line = '';
    var startedAt = null;
    events.forEach(function (e) {
      if (e[1] !== 'i') { return; }
      var data = String(e[2]).replace(/\x1b\[[0-9;?]*[A-Za-z~]/g, '').replace(/\x1bO./g, '')
        .replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)?/g, '');
      for (var k = 0; k < data.length; k++) {
        var c = data[k];
        if (c === '\r' || c === '\n') {
          if (line.trim()) { commands.push({ t: startedAt, text: line }); }
          line = ''; startedAt = null;
        } else if (c === '\x7f' || c === '\b') {
          line = line.slice(0, -1);
        } else if (c === '\x03' || c === '\x15') {
          line = ''; startedAt = null;
        } else if (c !== '\x1b') {
          if (startedAt === null) { startedAt = e[0]; }
          line += c;
        }
      }
    });
    return commands;
  }

  function clock(seconds) {
    var s = Math.floor(seconds);
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }

  function setup(block, text) {
    var lines = text.split('\n').filter(function (l) { return l.trim() !== ''; });
    var header = JSON.parse(lines[0]);
    var events = lines.slice(1).map(function (l) { return JSON.parse(l); });
    var shown = [];
    var last = 0;
    var played = 0;
    events.forEach(function (e) {
      played += Math.min(Math.max(e[0] - last, 0), IDLE);
      last = e[0];
      if (e[1] === 'o' || e[1] === 'r') { shown.push({ t: e[0], at: played, code: e[1], data: String(e[2]) }); }
    });
    var term = new Terminal({ cols: header.width || 80, rows: header.height || 24, disableStdin: true,
      scrollback: 5000, fontSize: 13 });
    term.open(block.querySelector('.replay-screen'));
    var state = { term: term, index: 0, playing: false, timer: null, done: false };
    var button = block.querySelector('.replay-play');
    var speed = block.querySelector('.replay-speed');
    var clockText = block.querySelector('.replay-clock');

    function apply(ev) {
      if (ev.code === 'o') { term.write(ev.data); return; }
      var size = ev.data.split('x');
      if (size.length === 2) { term.resize(Number(size[0]) || 80, Number(size[1]) || 24); }
    }
    function stop() {
      state.playing = false;
      clearTimeout(state.timer);
      button.textContent = state.index >= shown.length ? 'Replay' : 'Play';
    }
    function step() {
      if (!state.playing) { return; }
      if (state.index >= shown.length) { state.done = true; stop(); return; }
      var ev = shown[state.index];
      apply(ev);
      clockText.textContent = clock(ev.t);
      state.index++;
      var next = shown[state.index];
      var wait = next ? (next.at - ev.at) * 1000 / Number(speed.value) : 0;
      state.timer = setTimeout(step, wait);
    }
    function seek(t) {
      stop();
      term.reset();
      state.index = 0;
      while (state.index < shown.length && shown[state.index].t <= t) { apply(shown[state.index]); state.index++; }
      clockText.textContent = clock(t);
    }
    button.addEventListener('click', function () {
      if (state.playing) { stop(); return; }
      if (state.index >= shown.length) { seek(-1); state.done = false; }
      state.playing = true;
      button.textContent = 'Pause';
      step();
    });
    var list = block.querySelector('.replay-commands');
    list.textContent = '';
    var commands = commandsOf(events);
    commands.forEach(function (c) {
      var item = document.createElement('li');
      var jump = document.createElement('button');
      jump.type = 'button';
      jump.className = 'link';
      jump.textContent = clock(c.t) + '  ' + inert(c.text);
      jump.addEventListener('click', function () { seek(c.t); });
      item.appendChild(jump);
      list.appendChild(item);
    });
    if (!commands.length) {
      var none = document.createElement('li');
      none.className = 'muted';
      none.textContent = 'No commands typed.';
      list.appendChild(none);
    }
    state.seek = seek;
    state.commands = commands;
    window.assayReplays.push(state);
  }

  document.querySelectorAll('.replay').forEach(function (block) {
    fetch(block.dataset.src, { credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.text(); })
      .then(function (text) { setup(block, text); })
      .catch(function (err) {
        var list = block.querySelector('.replay-commands');
        list.textContent = '';
        var item = document.createElement('li');
        item.className = 'error';
        item.textContent = 'The recording could not be loaded (' + err.message + ').';
        list.appendChild(item);
      });
  });
})();
