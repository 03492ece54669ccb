// Console behaviour shared by every page: CSRF token on htmx requests, copy buttons.
(function () {
    function meta(name) {
        var element = document.querySelector('meta[name="' + name + '"]');
        return element ? element.getAttribute('content') : null;
    }

    document.addEventListener('htmx:configRequest', function (event) {
        var header = meta('csrf-header'), token = meta('csrf-token');
        if (header && token) event.detail.headers[header] = token;
    });

    document.addEventListener('click', function (event) {
        var button = event.target.closest('[data-copy]');
        if (!button) return;
        var source = document.getElementById(button.getAttribute('data-copy'));
        var text = source.textContent.trim();
        var done = function () {
            button.textContent = 'Copied';
            setTimeout(function () { button.textContent = 'Copy'; }, 1500);
        };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(done);
        } else { // plain http on another host: the clipboard API is not offered there
            var range = document.createRange();
            range.selectNodeContents(source);
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            document.execCommand('copy');
            done();
        }
    });
})();
