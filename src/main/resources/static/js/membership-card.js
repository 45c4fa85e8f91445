// Membership card: keep the screen awake while the card is shown (Screen Wake Lock API, where the browser has it),
// so the QR code stays on screen while it is scanned. Browsers do not let a page raise the screen's brightness.
(function () {
  if (!('wakeLock' in navigator)) {
    return;
  }
  var lock = null;
  function request() {
    navigator.wakeLock.request('screen').then(function (l) { lock = l; }).catch(function () { lock = null; });
  }
  request();
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && lock === null) {
      request();
    }
  });
})();
