import { ExcelEmulator as EmulatorWithEngine } from "./core";
import { hyperFormulaEngine } from "./hyperformula-engine";

export { EmulatorError, WorkbookState } from "./state";

/** The emulator of the tests: HyperFormula computes every formula the add-in writes. */
export class ExcelEmulator extends EmulatorWithEngine {
  constructor() {
    super(hyperFormulaEngine());
  }
}
