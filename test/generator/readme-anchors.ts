/** Links inside a README to its own sections (`[Errors](#errors)`), checked against its headings. */

/** GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\w\- ]/g, '')
    .replace(/ /g, '-');
}

/** Links to `#anchors` that no heading of the text has. */
export function danglingAnchors(markdown: string): string[] {
  const outsideCode = markdown.replace(/```[\s\S]*?```/g, '');
  const anchors = new Set(
    [...outsideCode.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1]!)),
  );
  return [...outsideCode.matchAll(/\]\(#([^)]+)\)/g)]
    .map((match) => match[1]!)
    .filter((anchor) => !anchors.has(anchor));
}
