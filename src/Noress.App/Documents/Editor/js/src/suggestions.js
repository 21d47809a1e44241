import { StateEffect, StateField } from "@codemirror/state";
import { Decoration, EditorView, WidgetType } from "@codemirror/view";
import { lineDirection } from "./direction.js";
import { mapSuggestion } from "./tracked.js";

// Pending suggestions shown as tracked changes: the text a suggestion removes is struck through, the
// text it adds is shown (not inserted) where it would go. They live in the editor state so that they
// follow every edit through the transaction's position mapping until the list is replaced.

/** Replaces the tracked changes: [{id, author, ranges: [{from, to, text}]}] in the current document. */
export const setTrackedSuggestions = StateEffect.define({
  map: (value, changes) => value.map(s => mapSuggestion(s, changes)),
});

class SuggestedInsertionWidget extends WidgetType {
  constructor(text, title) {
    super();
    this.text = text;
    this.title = title;
  }

  eq(other) {
    return other.text === this.text && other.title === this.title;
  }

  toDOM() {
    const span = document.createElement("span");
    span.className = "cm-suggested-insertion";
    // Drawn by CSS from the attribute: a suggestion is not part of the document's text until accepted.
    span.dataset.text = this.text;
    span.dir = lineDirection(this.text) ?? "auto";
    span.title = this.title;
    return span;
  }

  ignoreEvent() {
    return false;
  }
}

function titleOf(format, author) {
  return (format || "{0}").replace("{0}", author ?? "");
}

/** The tracked-change field; `titleFormat` names the author on hover ("Suggestion de {0}"). */
export function trackedSuggestions(titleFormat) {
  const field = StateField.define({
    create: () => [],
    update(suggestions, tr) {
      let next = tr.docChanged ? suggestions.map(s => mapSuggestion(s, tr.changes)) : suggestions;
      for (const effect of tr.effects) {
        if (effect.is(setTrackedSuggestions)) {
          next = effect.value;
        }
      }
      return next;
    },
    provide: f => EditorView.decorations.from(f, suggestions => {
      const ranges = [];
      for (const suggestion of suggestions) {
        const title = titleOf(titleFormat, suggestion.author);
        for (const r of suggestion.ranges) {
          if (r.to > r.from) {
            ranges.push(Decoration.mark({
              class: "cm-suggested-deletion",
              attributes: { title, "data-suggestion": suggestion.id },
            }).range(r.from, r.to));
          }
          if (r.text.length > 0) {
            ranges.push(Decoration.widget({ widget: new SuggestedInsertionWidget(r.text, title), side: 1 }).range(r.to));
          }
        }
      }
      return Decoration.set(ranges, true);
    }),
  });
  return [field, trackedSuggestionsTheme];
}

const trackedSuggestionsTheme = EditorView.baseTheme({
  ".cm-suggested-deletion": {
    textDecoration: "line-through",
    textDecorationColor: "#c62828",
    backgroundColor: "rgba(198, 40, 40, 0.12)",
  },
  ".cm-suggested-insertion::after": {
    content: "attr(data-text)",
    whiteSpace: "pre-wrap",
    color: "#1b5e20",
    backgroundColor: "rgba(46, 125, 50, 0.15)",
    textDecoration: "underline",
    textDecorationColor: "#2e7d32",
  },
});
