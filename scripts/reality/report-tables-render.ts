/** The reality tables in the gate's and the auditor report's formats: HTML, Markdown, text. */

import { escapeHtml, table } from '../render/format-html';
import { cell } from '../render/format-markdown';
import { lifecycleCells, podSecurityCells, type RealityTables } from './report-tables';

type Cells = { headers: string[]; cells: string[][] };

/** Each table with its page anchor (`#pod-security`, `#lifecycle`): the browser tests and links find it by that id. */
function sections(tables: RealityTables): [string, Cells, string][] {
  return [
    [
      `Pod Security admission (${tables.podSecurity.length} namespaces)`,
      podSecurityCells(tables.podSecurity),
      'pod-security',
    ],
    [`Support lifecycle (${tables.lifecycle.length} pinned versions)`, lifecycleCells(tables.lifecycle), 'lifecycle'],
  ];
}

export function realityTablesHtml(tables: RealityTables, heading = 'h2'): string[] {
  return sections(tables).flatMap(([title, { headers, cells }, id]) => [
    `<section id="${id}">`,
    `<${heading}>${escapeHtml(title)}</${heading}>`,
    cells.length === 0
      ? '<p>None.</p>'
      : table(
          headers,
          cells.map((row) => row.map(escapeHtml)),
        ),
    '</section>',
  ]);
}

export function realityTablesMarkdown(tables: RealityTables, heading = '###'): string[] {
  return sections(tables).flatMap(([title, { headers, cells }]) => [
    `${heading} ${title}`,
    '',
    ...(cells.length === 0
      ? ['None.']
      : [
          `| ${headers.join(' | ')} |`,
          `|${headers.map(() => ' --- |').join('')}`,
          ...cells.map((row) => `| ${row.map(cell).join(' | ')} |`),
        ]),
    '',
  ]);
}

/** Columns padded to their widest cell, for a terminal; an empty table is left out. */
export function realityTablesText(tables: RealityTables): string[] {
  return sections(tables).flatMap(([title, { headers, cells }]) => {
    if (cells.length === 0) return [];
    const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((row) => (row[i] ?? '').length)));
    const line = (row: readonly string[]) =>
      row
        .map((value, i) => value.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
    return [title.toUpperCase(), ...[headers, ...cells].map((row) => `  ${line(row)}`), ''];
  });
}
