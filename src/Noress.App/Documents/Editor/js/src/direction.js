// Direction of one line as the browser's dir="auto" decides it: the first strong (letter) character wins.
// Markdown markers, digits and punctuation are weak, so "# عنوان" and "1. نص" are right to left.
const rightToLeftLetter = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const letter = /\p{L}/u;

/** Returns "rtl", "ltr" or null (no letter: the line keeps the editor's direction). */
export function lineDirection(text) {
  for (const ch of text) {
    if (letter.test(ch)) {
      return rightToLeftLetter.test(ch) ? "rtl" : "ltr";
    }
  }
  return null;
}
