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

// Plan grids (Plans/Grid): the grid moves the focus between cells itself, so the arrows, Home/End, Page Up/Down and
// Space must not also scroll the page; inside an open editor the keys keep their usual meaning.
document.addEventListener('keydown', (event) => {
  const cell = event.target instanceof Element ? event.target.closest('[data-plan-grid] [role=gridcell]') : null;
  if (cell && event.target === cell &&
      ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', ' '].includes(event.key)) {
    event.preventDefault();
  }
});

// Moves the focus to an element by id (the grid's focused cell after a keyboard move).
window.noressFocusElement = (id) => {
  const element = document.getElementById(id);
  if (element) {
    element.focus({ preventScroll: false });
  }
};
