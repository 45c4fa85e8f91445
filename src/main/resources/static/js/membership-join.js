// Join form: "use my location" fills the district from the phone's position (progressive enhancement; without
// JavaScript the worker picks the district). The position goes to our server only, as two numbers in the form body.
(function () {
  var button = document.getElementById('locate');
  if (!button || !navigator.geolocation) {
    return;
  }
  button.hidden = false;
  var status = document.getElementById('locate-status');
  button.addEventListener('click', function (event) {
    if (button.dataset.located === 'yes') {
      return;
    }
    event.preventDefault();
    navigator.geolocation.getCurrentPosition(function (position) {
      document.getElementById('j-lat').value = position.coords.latitude;
      document.getElementById('j-lng').value = position.coords.longitude;
      button.dataset.located = 'yes';
      if (button.form.requestSubmit) {
        button.form.requestSubmit(button);
      } else {
        button.click();
      }
    }, function () {
      status.textContent = button.dataset.denied;
      status.hidden = false;
    }, {enableHighAccuracy: false, timeout: 10000, maximumAge: 600000});
  });
})();
