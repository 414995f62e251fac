// Drag-and-drop on the pipeline board, on top of each card's "Move to" form: dropping a card on another
// column picks that stage in the card's form and submits it, so the move goes through the same request.
(function () {
    var board = document.querySelector('[data-board]');
    if (!board || !('draggable' in document.createElement('span'))) return;

    var hint = document.querySelector('.board-drag-hint');
    if (hint) hint.classList.remove('d-none');

    var dragged = null;
    board.querySelectorAll('.board-card').forEach(function (card) {
        card.setAttribute('draggable', 'true');
        card.addEventListener('dragstart', function (event) {
            dragged = card;
            card.classList.add('board-card-dragging');
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData('text/plain', card.getAttribute('data-client-id'));
        });
        card.addEventListener('dragend', function () {
            card.classList.remove('board-card-dragging');
            dragged = null;
        });
    });

    board.querySelectorAll('.board-column').forEach(function (column) {
        column.addEventListener('dragover', function (event) {
            if (!dragged) return;
            event.preventDefault();
            column.classList.add('board-column-target');
        });
        column.addEventListener('dragleave', function () {
            column.classList.remove('board-column-target');
        });
        column.addEventListener('drop', function (event) {
            event.preventDefault();
            column.classList.remove('board-column-target');
            if (!dragged) return;
            var form = dragged.querySelector('form.board-move');
            var select = form.querySelector('select[name=stage]');
            var stage = column.getAttribute('data-stage');
            if (select.value === stage) return;
            select.value = stage;
            form.submit();
        });
    });
})();
