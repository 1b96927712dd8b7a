import { summarize, type Finding } from "../rules";

/** Export runs the check first: errors stop it unless staff say “仍然导出”; warnings never do. */
export interface GateVerdict {
  readonly blocked: boolean;
  readonly errors: readonly Finding[];
  readonly warnings: number;
}

export function exportGate(findings: readonly Finding[], force: boolean): GateVerdict {
  const errors = findings.filter((finding) => finding.severity === "error");
  return { blocked: errors.length > 0 && !force, errors, warnings: summarize(findings).warnings };
}
