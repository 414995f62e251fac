// Booking pages: show free times in the visitor's own time zone. On the first visit (no zone in the address)
// the browser's zone is chosen and the form reloads the page with it; a changed choice applies at once.
(function () {
    // Browsers still report some zones by their old names; the list uses the current ones.
    var renamed = {
        'Asia/Calcutta': 'Asia/Kolkata', 'Asia/Katmandu': 'Asia/Kathmandu', 'Asia/Saigon': 'Asia/Ho_Chi_Minh',
        'Asia/Rangoon': 'Asia/Yangon', 'Europe/Kiev': 'Europe/Kyiv', 'America/Godthab': 'America/Nuuk',
        'America/Buenos_Aires': 'America/Argentina/Buenos_Aires', 'Atlantic/Faeroe': 'Atlantic/Faroe',
        'Asia/Dacca': 'Asia/Dhaka', 'Asia/Ulan_Bator': 'Asia/Ulaanbaatar', 'Pacific/Truk': 'Pacific/Chuuk'
    };
    var form = document.getElementById('zone-form');
    if (!form) return;
    var select = form.querySelector('select');
    select.addEventListener('change', function () { form.submit(); });
    if (form.getAttribute('data-zone-chosen') === 'true') return;
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    zone = renamed[zone] || zone;
    if (!zone || zone === select.value) return;
    var known = Array.prototype.some.call(select.options, function (option) { return option.value === zone; });
    if (!known) return;
    select.value = zone;
    form.submit();
})();
