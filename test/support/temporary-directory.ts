import { promises as fs } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/**
 * A directory for the files of one test file, made before its tests and removed after them.
 * Returns a function giving the path of a file in it.
 */
export function temporaryDirectory(prefix: string): (name: string) => string {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });
  return (name) => {
    if (!dir) throw new Error("the temporary directory is made before the tests run");
    return join(dir, name);
  };
}
