// The staff console's one script (docs/console.md): counts down a batch's rest after disinfection,
// and enables its release button at zero. The service refuses an early release whatever this shows.
(function () {
  function tick() {
    document.querySelectorAll('.countdown[data-seconds]').forEach(function (el) {
      var left = Math.max(0, parseInt(el.dataset.seconds, 10) - 1);
      el.dataset.seconds = String(left);
      el.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
      if (left === 0) {
        var button = document.getElementById(el.dataset.enables);
        if (button) { button.disabled = false; }
        el.removeAttribute('data-seconds');
      }
    });
  }
  setInterval(tick, 1000);
})();
