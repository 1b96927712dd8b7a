import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import type { CellAddress, ComputedValue, FormulaEngine, RawContent } from "./engine";

const computed = (value: unknown): ComputedValue =>
  value instanceof DetailedCellError ? { error: value.value } : (value as ComputedValue);

/** HyperFormula (GPL-3, tests only) as the emulator's engine. */
export function hyperFormulaEngine(): FormulaEngine {
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useArrayArithmetic: true });
  return {
    addSheet: (name) => void hf.addSheet(name),
    getSheetId: (name) => hf.getSheetId(name),
    renameSheet: (sheet, name) => hf.renameSheet(sheet, name),
    removeSheet: (sheet) => void hf.removeSheet(sheet),
    getCellValue: (address: CellAddress) => computed(hf.getCellValue(address)),
    doesCellHaveFormula: (address) => hf.doesCellHaveFormula(address),
    getCellFormula: (address) => hf.getCellFormula(address),
    getCellSerialized: (address) => hf.getCellSerialized(address) as RawContent,
    getSheetDimensions: (sheet) => hf.getSheetDimensions(sheet),
    setCellContents: (address, contents) => void hf.setCellContents(address, contents as RawCellContent[][]),
    getSheetSerialized: (sheet) => hf.getSheetSerialized(sheet) as RawContent[][],
    setSheetContent: (sheet, contents) => void hf.setSheetContent(sheet, contents as RawCellContent[][]),
    calculateFormula: (formula, sheet) => computed(hf.calculateFormula(formula, sheet)),
    addRows: (sheet, at) => void hf.addRows(sheet, at),
    addColumns: (sheet, at) => void hf.addColumns(sheet, at),
    removeRows: (sheet, at) => void hf.removeRows(sheet, at),
    removeColumns: (sheet, at) => void hf.removeColumns(sheet, at),
    moveCells: (source, destination) => void hf.moveCells({ start: source.start, end: source.end }, destination),
  };
}
