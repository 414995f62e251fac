// Asks before a form marked with data-confirm is submitted (no inline scripts: the CSP forbids them).
document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) event.preventDefault();
});

// Progress bars take their width from data-progress (a percentage): inline style attributes are not allowed.
document.querySelectorAll('[data-progress]').forEach(function (bar) {
    bar.style.width = bar.getAttribute('data-progress') + '%';
});

// "Select all on this page" ticks or clears every row of its bulk form (the rows' checkboxes name the form with
// their form attribute). Without scripts it stays hidden and rows are ticked one by one.
document.querySelectorAll('[data-select-all]').forEach(function (all) {
    var rows = function () {
        return document.querySelectorAll('input[type=checkbox][name="' + all.getAttribute('data-select-all') + '"][form="' + all.form.id + '"]');
    };
    var reflect = function () {
        var boxes = Array.prototype.slice.call(rows());
        var ticked = boxes.filter(function (box) { return box.checked; }).length;
        all.checked = boxes.length > 0 && ticked === boxes.length;
        all.indeterminate = ticked > 0 && ticked < boxes.length;
    };
    all.closest('[hidden]').hidden = false;
    all.addEventListener('change', function () {
        rows().forEach(function (box) { box.checked = all.checked; });
    });
    rows().forEach(function (box) { box.addEventListener('change', reflect); });
    reflect();
});
