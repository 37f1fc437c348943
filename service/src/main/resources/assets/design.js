// The design editor of a system-design lab: loads /root/design.yaml and /root/design.md from the lab, checks a
// draft with the grader's validator and shows the problems (as text) or the server's drawing (SVG whose every
// text the server escaped, parsed as SVG, never as HTML), and saves both documents into the lab.
(function () {
  'use strict';
  var root = document.querySelector('.lab');
  var labId = root.dataset.lab;
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var base = '/assessment/labs/' + encodeURIComponent(labId) + '/design';
  var yaml = document.getElementById('design-yaml');
  var notes = document.getElementById('design-notes');
  var status = document.getElementById('design-status');
  var problems = document.getElementById('design-problems');
  var diagram = document.getElementById('design-diagram');

  function call(path, body) {
    return fetch(base + path, {
      method: body ? 'POST' : 'GET',
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf, 'Accept': 'application/json', 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    });
  }

  function show(reply) {
    problems.replaceChildren();
    diagram.replaceChildren();
    reply.problems.forEach(function (problem) {
      var item = document.createElement('li');
      item.textContent = 'Line ' + problem.line + (problem.path ? ' (' + problem.path + ')' : '') + ': '
        + problem.message;
      var fix = document.createElement('span');
      fix.className = 'fix';
      fix.textContent = problem.fix;
      item.appendChild(fix);
      problems.appendChild(item);
    });
    if (reply.svg) {
      var parsed = new DOMParser().parseFromString(reply.svg, 'image/svg+xml');
      if (!parsed.querySelector('parsererror')) {
        diagram.appendChild(document.importNode(parsed.documentElement, true));
        diagram.scrollIntoView({ block: 'nearest' });
      }
    }
    return reply.problems.length;
  }

  document.getElementById('design-check').addEventListener('click', function () {
    status.textContent = 'Checking…';
    call('/preview', { yaml: yaml.value, notes: '' }).then(function (reply) {
      var count = show(reply);
      status.textContent = count === 0 ? 'The design is valid.' : count + (count === 1 ? ' problem.' : ' problems.');
    }).catch(function () { status.textContent = 'The check could not run; try again in a moment.'; });
  });

  document.getElementById('design-save').addEventListener('click', function () {
    status.textContent = 'Saving…';
    call('/save', { yaml: yaml.value, notes: notes.value }).then(function (reply) {
      var count = show(reply);
      status.textContent = 'Saved at ' + new Date().toLocaleTimeString() + '.'
        + (count === 0 ? '' : ' The design still has ' + count + (count === 1 ? ' problem.' : ' problems.'));
    }).catch(function () { status.textContent = 'Not saved: the lab did not answer. Try again in a moment.'; });
  });

  call('').then(function (documents) {
    yaml.value = documents.yaml;
    notes.value = documents.notes;
    status.textContent = documents.yaml ? 'Loaded from your lab.' : '';
  }).catch(function () { status.textContent = 'Your documents could not be loaded; reload the page.'; });
})();
