// Inline handlers are forbidden by the Content-Security-Policy; reload links are wired here.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('[data-reload]') : null;
  if (link) {
    event.preventDefault();
    location.reload();
  }
});
