/**
 * A diff report as `npm run diff` prints it: plain text for a terminal, Markdown for a pull
 * request's job summary, or JSON (`{ bump, changes: [{ level, kind, location, message, type? }] }`).
 */
import {
  markdownCode,
  markdownInline,
  terminalText,
  visibleJson,
} from '../../../generator/escape.ts';
import { groupedMessages, layerOf, wireLine, type Change } from './change.ts';
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
    // `operations`: every operation using the schema a wire change is inside (`location`: the first).
    changes: report.changes.map(({ level, kind, location, message, inType, operations }) => ({
      level,
      kind,
      location,
      message,
      ...(inType === undefined ? {} : { type: inType.name }),
      ...(operations === undefined ? {} : { operations }),
    })),
  };
  // Names from the spec: bidirectional and other invisible characters escaped, the same values.
  return `${visibleJson(JSON.stringify(json, null, 2))}\n`;
}

const LAYER_TITLE = {
  sdk: (report: DiffReport) => `SDK (${report.packageName}, its TypeScript surface)`,
  wire: () => 'Wire (redocly diff)',
};

/**
 * The bump and how many lines each layer lists, by level: "major (SDK: 5 changes, 3 major, 2
 * minor; wire: 4 changes, 2 major, 2 patch)". A line is one change however many methods or
 * operations it names, so the counts are those of the lines below them.
 */
function summary(report: DiffReport): string {
  if (report.bump === 'none') return 'no changes to the API or to the SDK’s TypeScript surface';
  const layers = (['sdk', 'wire'] as const).flatMap((layer) => {
    const lines = layerLines(report, layer);
    if (lines.length === 0) return [];
    const counts = LEVELS.map(
      (level) => [level, lines.filter((line) => line.level === level).length] as const,
    )
      .filter(([, count]) => count > 0)
      .map(([level, count]) => `${count} ${level}`);
    const total = `${lines.length} change${lines.length === 1 ? '' : 's'}`;
    return [`${layer === 'sdk' ? 'SDK' : 'wire'}: ${[total, ...counts].join(', ')}`];
  });
  return `${report.bump} (${layers.join('; ')})`;
}

/** The lines a layer lists (one per change, however many methods or operations it names). */
function layerLines(report: DiffReport, layer: 'sdk' | 'wire') {
  const changes = report.changes.filter((change) => layerOf(change) === layer);
  return groupedMessages(changes.map(withLocation), report.methods);
}

function renderText(report: DiffReport): string {
  // Names from the spec are shown with control and invisible characters as escapes (terminalText):
  // no ANSI sequence, bell or bidirectional override reaches the terminal or a CI log.
  const lines = [
    terminalText(`${report.head.label} against ${report.base.label}: ${summary(report)}`),
  ];
  for (const layer of ['sdk', 'wire'] as const) {
    const listed = layerLines(report, layer);
    if (listed.length === 0) {
      if (layer === 'sdk' && report.bump !== 'none')
        lines.push('', `${LAYER_TITLE.sdk(report)}: ${SDK_UNCHANGED}`);
      continue;
    }
    lines.push('', `${LAYER_TITLE[layer](report)}:`);
    for (const line of listed) lines.push(`  ${line.level.padEnd(6)}${terminalText(line.message)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A wire change with where it is in front of its message (change.ts wireLine). */
function withLocation(change: Change): Change {
  return change.kind.startsWith('sdk/') ? change : { ...change, message: wireLine(change) };
}

const HEADINGS: Record<Level, string> = {
  major: 'Breaking changes (major)',
  minor: 'Additions (minor)',
  patch: 'Other changes (patch)',
};

/** What the SDK layer says when the API changed and the package's TypeScript surface did not. */
const SDK_UNCHANGED =
  'unchanged: every call and every read of a result compiles as before (the changes below are the API’s only)';

function renderMarkdown(report: DiffReport): string {
  const lines = [
    `## API changes: ${report.bump === 'none' ? 'none' : `\`${report.bump}\``}`,
    '',
    `${markdownCode(report.head.label)} compared with ${markdownCode(report.base.label)}: ${summary(report)}.`,
  ];
  for (const layer of ['sdk', 'wire'] as const) {
    const changes = report.changes.filter((change) => layerOf(change) === layer);
    if (changes.length === 0) {
      if (layer === 'sdk' && report.bump !== 'none')
        lines.push('', `### ${LAYER_TITLE.sdk(report)}`, '', SDK_UNCHANGED);
      continue;
    }
    lines.push('', `### ${LAYER_TITLE[layer](report)}`);
    for (const level of LEVELS) {
      const atLevel = changes.filter((change) => change.level === level);
      if (atLevel.length === 0) continue;
      lines.push('', `#### ${HEADINGS[level]}`, '');
      for (const line of groupedMessages(atLevel.map(withLocation), report.methods))
        lines.push(`- ${markdownLine(line.message)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A message for the summary, whose names are written as `` `name` ``: each such span becomes a
 * code span that holds its text exactly, and the text between is escaped, so spec text opens no
 * HTML, link or image. A name that holds a backtick itself cuts its span short, and what follows
 * in it is then escaped text: shown, never rendered.
 */
function markdownLine(message: string): string {
  const parts = message.split('`');
  return parts
    .map((part, index) => {
      const closed = index % 2 === 1 && index < parts.length - 1;
      if (closed) return part === '' ? '\\`\\`' : markdownCode(part);
      // A backtick left without its pair is text too.
      return `${index % 2 === 1 ? '\\`' : ''}${markdownInline(part)}`;
    })
    .join('');
}
