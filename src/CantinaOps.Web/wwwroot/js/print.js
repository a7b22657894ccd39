// The print and back buttons of printable pages. A file, not inline script: the Content-Security-Policy
// allows scripts from the app's own address only.
document.addEventListener('click', function (event) {
    var target = event.target.closest('[data-action]');
    if (!target) {
        return;
    }

    if (target.dataset.action === 'print') {
        window.print();
    } else if (target.dataset.action === 'back') {
        history.back();
    }
});
