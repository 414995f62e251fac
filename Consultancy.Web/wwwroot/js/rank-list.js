// Reordering the rank order list by dragging. Without this script the arrow buttons and the typed positions do the same.
(function () {
    var list = document.querySelector('[data-rank-list]');
    var form = document.querySelector('[data-rank-order-form]');
    if (!list || !form) return;
    var dragged = null;

    list.addEventListener('dragstart', function (event) {
        dragged = event.target.closest('li');
        if (!dragged) return;
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', dragged.getAttribute('data-application-id'));
        dragged.classList.add('dragging');
    });

    list.addEventListener('dragover', function (event) {
        var over = event.target.closest('li');
        if (!dragged || !over || over === dragged) return;
        event.preventDefault();
        var box = over.getBoundingClientRect();
        var after = event.clientY > box.top + box.height / 2;
        list.insertBefore(dragged, after ? over.nextSibling : over);
    });

    list.addEventListener('drop', function (event) {
        if (dragged) event.preventDefault();
    });

    list.addEventListener('dragend', function () {
        if (!dragged) return;
        dragged.classList.remove('dragging');
        dragged = null;
        // The typed positions carry the new order, so the save is the same as without the script.
        list.querySelectorAll('li').forEach(function (item, index) {
            var input = item.querySelector('input.rank-position');
            if (input) input.value = index + 1;
        });
        form.requestSubmit();
    });
})();
