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

// The plan grid listens once for keys, clicks and double clicks (Plans/Grid/PlanCellEvents.cs), not on every cell:
// the event carries the cell's row (aria-rowindex - 2) and column, and the button clicked in it.
(() => {
  const cellArgs = (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const cell = target ? target.closest('[data-plan-grid] [role=gridcell]') : null;
    const row = cell ? cell.closest('tr') : null;
    const action = target ? target.closest('[data-plan-action]') : null;
    return {
      row: row ? Number(row.getAttribute('aria-rowindex')) - 2 : -1,
      column: cell ? cell.cellIndex : -1,
      action: action ? action.getAttribute('data-plan-action') : null,
      key: event.key || '',
      ctrlKey: !!event.ctrlKey,
      altKey: !!event.altKey,
      metaKey: !!event.metaKey,
    };
  };
  if (window.Blazor && window.Blazor.registerCustomEventType) {
    window.Blazor.registerCustomEventType('plancellkey', { browserEventName: 'keydown', createEventArgs: cellArgs });
    window.Blazor.registerCustomEventType('plancellclick', { browserEventName: 'click', createEventArgs: cellArgs });
    window.Blazor.registerCustomEventType('plancelldblclick', { browserEventName: 'dblclick', createEventArgs: cellArgs });
  }
})();

// A click on a cell re-renders its row (a plain row becomes its cells, ADR 0055): the clicked cell leaves the page and,
// until the grid focuses its new cell, a key pressed at once would reach only the body and be lost. Such a key goes to
// the grid's focused cell instead (the one cell with tabindex 0), as if it had been pressed there.
(() => {
  let lastGridPointer = 0;
  document.addEventListener('pointerdown', (event) => {
    if (event.target instanceof Element && event.target.closest('[data-plan-grid]')) {
      lastGridPointer = Date.now();
    }
  }, true);
  document.addEventListener('keydown', (event) => {
    if (event.target !== document.body || event.key === 'Tab' || Date.now() - lastGridPointer > 2000) {
      return;
    }
    const cell = document.querySelector('[data-plan-grid] [role=gridcell][tabindex="0"]');
    if (!cell) {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    cell.focus({ preventScroll: true });
    cell.dispatchEvent(new KeyboardEvent('keydown', {
      key: event.key, code: event.code, ctrlKey: event.ctrlKey, altKey: event.altKey, metaKey: event.metaKey,
      shiftKey: event.shiftKey, bubbles: true, cancelable: true,
    }));
  }, true);
})();

// Moves the focus to a cell of the plan grid by its row index among the shown rows and its column.
window.noressFocusGridCell = (row, column) => {
  const tr = document.querySelector(`[data-plan-grid] tr[aria-rowindex="${row + 2}"]`);
  const cell = tr ? tr.cells[column] : null;
  if (cell) {
    cell.focus({ preventScroll: false });
  }
};

// Moves the focus to an element by id (the grid's focused cell after a keyboard move).
window.noressFocusElement = (id) => {
  const element = document.getElementById(id);
  if (element) {
    element.focus({ preventScroll: false });
  }
};

// An app bar menu just mounted by its first click (Shared/Layout/LightMenu): its button replaced the one clicked, which
// had the focus; the new one takes it so the keyboard reaches the menu's items and Escape returns to it.
window.noressFocusMenu = (id) => {
  const button = document.querySelector(`[data-light-menu="${CSS.escape(id)}"] button`);
  if (button) {
    button.focus({ preventScroll: true });
  }
};

// The navigation drawer (Shared/Layout/MainLayout, ADR 0059) is MudDrawer's markup without its resize listener per
// circuit: below MudBlazor's md breakpoint (960 px) it covers the page, so it closes once the page is interactive, after a
// link in it is followed and when the window narrows, and opens again when the window widens, as MudDrawer did. Each
// change is a click on the menu button, so the circuit keeps the drawer's state.
(() => {
  const narrow = window.matchMedia('(max-width: 959.98px)');
  // Only an interactive layout's drawer: before the circuit is up the menu button does nothing.
  const drawer = () => document.querySelector('[data-interactive="true"] aside[data-noress-drawer]');
  const toggle = () => document.querySelector('[data-interactive="true"] [data-drawer-toggle]');
  // The state the width asks for until the drawer shows it (null then, so the user's own toggles stand), and the drawer
  // whose next render is awaited: one click at a time, each decided on the drawer as rendered, so quick changes of width
  // (a full-page screenshot resizes the page for a moment) end with the drawer as the last width wants it.
  let wanted = null;
  let awaited = null;
  const reconcile = () => {
    const aside = drawer();
    if (awaited && awaited.aside === aside) {
      return;
    }
    awaited?.observer.disconnect();
    awaited = null;
    if (wanted === null || !aside) {
      return;
    }
    if (aside.classList.contains('mud-drawer--open') === wanted) {
      wanted = null;
      return;
    }
    const observer = new MutationObserver(() => {
      observer.disconnect();
      awaited = null;
      reconcile();
    });
    observer.observe(aside, { attributes: true, attributeFilter: ['class'] });
    awaited = { aside, observer };
    toggle()?.click();
  };
  narrow.addEventListener('change', () => {
    wanted = !narrow.matches;
    reconcile();
  });
  // A click sent while the circuit was away may be lost: once it is back, decide again on the drawer as rendered.
  // (Blazor dispatches this event on the reconnect element without bubbling; the capture phase still sees it.)
  document.addEventListener('components-reconnect-state-changed', (event) => {
    if (event.detail?.state === 'hide' && awaited) {
      awaited.observer.disconnect();
      awaited = null;
      reconcile();
    }
  }, true);
  document.addEventListener('click', (event) => {
    if (narrow.matches && event.target instanceof Element && event.target.closest('aside[data-noress-drawer] a[href]')) {
      wanted = false;
      reconcile();
    }
  });

  // Once the circuit is up the layout carries its interactive mark (Blazor renders it anew over the prerendered page).
  // Watched only until it appears, then again after an enhanced navigation that has not kept the layout (from a static
  // page such as sign-in to an interactive one): no observer stays on a live page.
  let layout = null;
  let watch = null;
  const interactive = () => {
    const found = document.querySelector('[data-interactive="true"]');
    if (!found || found === layout) {
      return found !== null;
    }
    layout = found;
    if (narrow.matches) {
      wanted = false;
    }
    reconcile();
    return true;
  };
  const watchForInteractive = () => {
    if (watch || interactive()) {
      return;
    }
    watch = new MutationObserver(() => {
      if (interactive()) {
        watch.disconnect();
        watch = null;
      }
    });
    watch.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-interactive'] });
  };
  watchForInteractive();
  window.Blazor?.addEventListener?.('enhancedload', watchForInteractive);
})();
