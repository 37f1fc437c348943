// The invitation form of the staff dashboard: shows only the labs of the role stage selected (the server also
// renders every stage's labs, so the form works without script) and disables the others so they are not sent.
(function () {
  'use strict';
  var target = document.getElementById('invite-target');
  if (!target) { return; }
  var stages = document.querySelectorAll('.stage-labs');

  function show() {
    stages.forEach(function (stage) {
      var mine = stage.dataset.target === target.value;
      stage.hidden = !mine;
      stage.disabled = !mine;
    });
  }

  target.addEventListener('change', show);
  show();
}());
