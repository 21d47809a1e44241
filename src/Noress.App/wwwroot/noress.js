// Inline handlers are forbidden by the Content-Security-Policy; reload links are wired here.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('[data-reload]') : null;
  if (link) {
    event.preventDefault();
    location.reload();
  }
});

// The skip link: Blazor would treat "#main-content" as a navigation (the base href is "/"), and a fragment alone
// does not move the focus. Captured before Blazor's own click handler, which leaves prevented clicks alone.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('[data-skip-link]') : null;
  const main = document.getElementById('main-content');
  if (link && main) {
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  }
}, true);

// After an in-app navigation (Shared/Layout/FocusHeadingOnNavigate): the new page's heading takes the focus.
window.noressFocusHeading = () => {
  const heading = document.querySelector('main h1') ?? document.querySelector('h1');
  if (heading) {
    if (!heading.hasAttribute('tabindex')) {
      heading.setAttribute('tabindex', '-1');
    }
    heading.focus({ preventScroll: true });
  }
};
