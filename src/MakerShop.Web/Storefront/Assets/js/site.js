// Progressive enhancement only: every form works without this file.
document.documentElement.classList.add('js');
for (const select of document.querySelectorAll('select[data-autosubmit]')) {
    select.addEventListener('change', () => select.form.requestSubmit());
}
