import { nodeIo, run } from "../../src/cli/main";

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process on real files, capturing what it prints. */
export async function cli(...argv: string[]): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    ...nodeIo(false),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}
