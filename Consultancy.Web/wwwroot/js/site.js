// Asks before a form marked with data-confirm is submitted (no inline scripts: the CSP forbids them).
document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) event.preventDefault();
});

// Progress bars take their width from data-progress (a percentage): inline style attributes are not allowed.
document.querySelectorAll('[data-progress]').forEach(function (bar) {
    bar.style.width = bar.getAttribute('data-progress') + '%';
});
