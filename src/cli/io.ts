/** What the command line touches of the outside world, so that tests can run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => Promise<string>;
  readonly readBytes: (path: string) => Promise<Uint8Array>;
  readonly writeBytes: (path: string, bytes: Uint8Array) => Promise<void>;
  readonly exists: (path: string) => Promise<boolean>;
  /** Colour only where a person reads a terminal. */
  readonly color: boolean;
}

export const EXIT_OK = 0;
/** At least one error among the findings. */
export const EXIT_FINDINGS = 1;
/** The input could not be read, or the command was wrong. */
export const EXIT_UNREADABLE = 2;

/** Raised for a wrong command: the message is shown with a hint to `--help`. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
