/**
 * A diff report as `npm run diff` prints it: plain text for a terminal, Markdown for a pull
 * request's job summary, or JSON (`{ bump, changes: [{ level, kind, location, message, type? }] }`).
 */
import { groupedMessages, layerOf, type Change } from './change.ts';
import type { DiffReport } from './index.ts';
import { LEVELS, type Level } from './rules.ts';

export type ReportFormat = 'text' | 'markdown' | 'json';

export function renderReport(report: DiffReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'text':
      return renderText(report);
  }
}

function renderJson(report: DiffReport): string {
  const json = {
    bump: report.bump,
    // Every change on its own; `type`: the exported schema type it is inside, when it is.
    changes: report.changes.map(({ level, kind, location, message, inType }) => ({
      level,
      kind,
      location,
      message,
      ...(inType === undefined ? {} : { type: inType.name }),
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

const LAYER_TITLE = {
  sdk: (report: DiffReport) => `SDK (${report.packageName}, its TypeScript surface)`,
  wire: () => 'Wire (redocly diff)',
};

function summary(report: DiffReport): string {
  const counts = LEVELS.map(
    (level) => [level, report.changes.filter((change) => change.level === level).length] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([level, count]) => `${count} ${level}`);
  return report.bump === 'none' ? 'no changes' : `${report.bump} (${counts.join(', ')})`;
}

function renderText(report: DiffReport): string {
  const lines = [`${report.head.label} against ${report.base.label}: ${summary(report)}`];
  for (const layer of ['sdk', 'wire'] as const) {
    const changes = report.changes.filter((change) => layerOf(change) === layer);
    if (changes.length === 0) continue;
    lines.push('', `${LAYER_TITLE[layer](report)}:`);
    for (const line of groupedMessages(changes.map(withLocation), report.methods))
      lines.push(`  ${line.level.padEnd(6)}${line.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The change with its location in front of the message when the message does not name it. */
function withLocation(change: Change): Change {
  return change.message.includes(change.location) || change.kind.startsWith('sdk/')
    ? change
    : { ...change, message: `\`${change.location}\`: ${change.message}` };
}

const HEADINGS: Record<Level, string> = {
  major: 'Breaking changes (major)',
  minor: 'Additions (minor)',
  patch: 'Other changes (patch)',
};

function renderMarkdown(report: DiffReport): string {
  const lines = [
    `## API changes: ${report.bump === 'none' ? 'none' : `\`${report.bump}\``}`,
    '',
    `\`${report.head.label}\` compared with \`${report.base.label}\`: ${summary(report)}.`,
  ];
  for (const layer of ['sdk', 'wire'] as const) {
    const changes = report.changes.filter((change) => layerOf(change) === layer);
    if (changes.length === 0) continue;
    lines.push('', `### ${LAYER_TITLE[layer](report)}`);
    for (const level of LEVELS) {
      const atLevel = changes.filter((change) => change.level === level);
      if (atLevel.length === 0) continue;
      lines.push('', `#### ${HEADINGS[level]}`, '');
      for (const line of groupedMessages(atLevel.map(withLocation), report.methods))
        lines.push(`- ${escapeMarkdown(line.message)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Spec text reaches the summary: keep it from opening HTML or links. Backticks stay code. */
function escapeMarkdown(text: string): string {
  return text.replace(/[<>]/g, (char) => (char === '<' ? '&lt;' : '&gt;')).replace(/\r?\n/g, ' ');
}
