import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { Report } from "../report/types";
import { exportTables } from "./grid";

const FONT = { ascii: "SimSun", eastAsia: "宋体", hAnsi: "SimSun" };

function paragraph(text: string, bold = false, size = 21): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text, bold, size, font: FONT })],
  });
}

/**
 * The three tables as a Word document in the official layout (merged headers, 宋体 五号), ready to
 * paste into the report. The docx library is loaded only when this export is used.
 */
export async function reportToDocx(report: Report): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const table of exportTables(report)) {
    children.push(
      new Paragraph({
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: table.heading, bold: true, size: 24, font: FONT })],
      }),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: table.rows.map(
          (row) =>
            new TableRow({
              children: row.map(
                (cell) =>
                  new TableCell({
                    rowSpan: cell.rowSpan,
                    columnSpan: cell.colSpan,
                    verticalAlign: VerticalAlign.CENTER,
                    children: [paragraph(cell.text, cell.header && cell.rowSpan === 1 && cell.colSpan > 1)],
                  }),
              ),
            }),
        ),
      }),
    );
  }
  const document = new Document({
    creator: "disclosure-report-addin",
    title: `${report.agency ?? ""}${report.year ?? ""}年政府信息公开工作年度报告表格`,
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
