/*
 * Opens the station database while the app's code is still loading, so the browser has its
 * files open by the time the app asks for them (on a long history the first open costs
 * about a tenth of a second, which otherwise comes after the code has been compiled).
 * The connection is closed at once: the browser keeps the files open for a moment after
 * the last connection closes, so this never holds up the app's own open or an upgrade.
 * Creates nothing: on a new PC the database does not exist yet and the app creates it with
 * its schema. The name is the one renderer/src/db/backup/activeDatabase.ts chooses
 * (checked by tests/unit/openEarly.test.ts).
 */
(function () {
  try {
    var name = localStorage.getItem('stationDesk.activeDatabase') || 'station-desk';
    var request = indexedDB.open(name);
    request.onupgradeneeded = function () {
      request.transaction.abort();
    };
    request.onsuccess = function () {
      request.result.close();
    };
    request.onerror = function (event) {
      event.preventDefault();
    };
  } catch (error) {
    // Only a head start: the app opens the database itself and reports any failure.
  }
})();
