import { StateEffect, StateField } from "@codemirror/state";
import { Decoration, EditorView, WidgetType } from "@codemirror/view";
import { lineDirection } from "./direction.js";

// Remote cursors and selections, kept in the editor state so that they follow every change
// (local or remote) through the transaction's position mapping.

/** Adds or moves a remote person: {id, name, color, anchor, head} in the current document. */
export const setRemotePresence = StateEffect.define({
  map: (value, changes) => ({ ...value, anchor: changes.mapPos(value.anchor, 1), head: changes.mapPos(value.head, 1) }),
});

/** Removes a remote person by connection id. */
export const removeRemotePresence = StateEffect.define();

/** Removes every remote person (when the editor state is rebuilt). */
export const clearRemotePresence = StateEffect.define();

const fallbackColor = "#607d8b";
const safeColor = /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([\d\s.,%]+\))$/i;

/** Colours come from the server; anything that is not a plain colour is replaced. */
export function cssColor(color) {
  return typeof color === "string" && safeColor.test(color.trim()) ? color.trim() : fallbackColor;
}

class RemoteCursorWidget extends WidgetType {
  constructor(name, color) {
    super();
    this.name = name;
    this.color = color;
  }

  eq(other) {
    return other.name === this.name && other.color === this.color;
  }

  toDOM() {
    const cursor = document.createElement("span");
    cursor.className = "cm-remote-cursor";
    cursor.style.borderInlineStartColor = this.color;
    cursor.setAttribute("aria-hidden", "true");
    const label = document.createElement("span");
    label.className = "cm-remote-cursor-label";
    label.style.backgroundColor = this.color;
    // The name is drawn by CSS from the attribute, so it never joins the document's text (copy, find, text checks).
    label.dataset.name = this.name;
    // An isolate in the name's own direction keeps a Latin name readable on an Arabic line and the reverse.
    label.dir = lineDirection(this.name) ?? "auto";
    cursor.appendChild(label);
    return cursor;
  }

  ignoreEvent() {
    return true;
  }
}

function clamp(pos, length) {
  return Math.max(0, Math.min(pos, length));
}

export const remotePresenceField = StateField.define({
  create: () => [],
  update(people, tr) {
    const length = tr.state.doc.length;
    let next = tr.docChanged
      ? people.map(p => ({ ...p, anchor: tr.changes.mapPos(p.anchor, 1), head: tr.changes.mapPos(p.head, 1) }))
      : people;
    for (const effect of tr.effects) {
      if (effect.is(setRemotePresence)) {
        const value = { ...effect.value, color: cssColor(effect.value.color), anchor: clamp(effect.value.anchor, length), head: clamp(effect.value.head, length) };
        next = next.filter(p => p.id !== value.id).concat(value);
      } else if (effect.is(removeRemotePresence)) {
        next = next.filter(p => p.id !== effect.value);
      } else if (effect.is(clearRemotePresence)) {
        next = [];
      }
    }
    return next;
  },
  provide: field => EditorView.decorations.from(field, people => {
    const ranges = [];
    for (const p of people) {
      const from = Math.min(p.anchor, p.head);
      const to = Math.max(p.anchor, p.head);
      if (from < to) {
        ranges.push(Decoration.mark({
          class: "cm-remote-selection",
          attributes: { style: `background-color: color-mix(in srgb, ${p.color} 25%, transparent)` },
        }).range(from, to));
      }
      ranges.push(Decoration.widget({ widget: new RemoteCursorWidget(p.name, p.color), side: 1 }).range(p.head));
    }
    return Decoration.set(ranges, true);
  }),
});

export const remotePresenceTheme = EditorView.baseTheme({
  ".cm-remote-cursor": {
    position: "relative",
    borderInlineStart: "2px solid",
    marginInlineStart: "-1px",
    marginInlineEnd: "-1px",
  },
  ".cm-remote-cursor-label": {
    position: "absolute",
    insetInlineStart: "-2px",
    top: "-1.35em",
    fontSize: "0.75em",
    lineHeight: "1.2",
    color: "#fff",
    padding: "0 4px",
    borderRadius: "3px",
    whiteSpace: "nowrap",
    pointerEvents: "none",
    zIndex: "10",
  },
  ".cm-remote-cursor-label::after": { content: "attr(data-name)" },
  ".cm-content": { paddingTop: "1.4em" },
});

export function remotePresence() {
  return [remotePresenceField, remotePresenceTheme];
}
