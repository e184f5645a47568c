// Leitstand page behaviour. No inline script anywhere: the Content-Security-Policy forbids it.
(function () {
  'use strict';

  function focusFirstAlert() {
    var target = document.querySelector('[data-autofocus]');
    if (target) {
      target.focus();
    }
  }

  // Links inside an error summary move focus to the field, not only scroll to it.
  function wireErrorSummaryLinks() {
    document.querySelectorAll('.error-summary a[href^="#"]').forEach(function (link) {
      link.addEventListener('click', function (event) {
        var field = document.getElementById(link.getAttribute('href').substring(1));
        if (field) {
          event.preventDefault();
          field.focus();
          field.scrollIntoView({ block: 'center' });
        }
      });
    });
  }

  // Buttons with data-confirm ask before a destructive or far-reaching action.
  function wireConfirmations() {
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) {
          event.preventDefault();
        }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    focusFirstAlert();
    wireErrorSummaryLinks();
    wireConfirmations();
  });
})();
