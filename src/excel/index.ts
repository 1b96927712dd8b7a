export { buildTables, BuildError, type BuildCapabilities, type BuildOptions, type BuildResult } from "./build";
export { probeCapabilities } from "./capabilities";
export { readTables, type ReadResult } from "./read";
export { highlightFindings, clearHighlights, marksFor } from "./highlight";
export { selectCell } from "./select";
export { officeRunner, type ExcelRunner } from "./runner";
