import { promises as fs } from "fs";
import { parseArgs } from "util";
import { runCheck } from "./check";
import { EXIT_UNREADABLE, UsageError, type CliIo } from "./io";

export const HELP = `disclosure-report — 政府信息公开工作年度报告表格（表二、表三、表四）检查工具

用法：
  disclosure-report check 报表.json [--previous 上年报表.json] [--json]
  disclosure-report check 甲.json 乙.json …        多个文件：每个文件一行结论

命令：
  check      按国办公开办函〔2021〕30号（或〔2019〕60号试行格式）检查表格的勾稽关系、
             空白和非数字内容，逐条列出问题

选项：
  --previous FILE  上年的年报，用于检查“上年结转”与上年“结转下年度继续办理”是否衔接（Y1）
                   以及现行有效件数（Y2）
  --json           以 JSON 输出（格式见 report-json.md）
  -h, --help       显示本帮助

退出状态：0 没有错误（可以有警告）；1 至少一个错误；2 文件无法读取或命令有误。
`;

/** Runs the command line; returns the exit status. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        previous: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    const [command, ...files] = positionals;
    if (values.help || command === "help") {
      io.stdout(HELP);
      return 0;
    }
    if (command === undefined) throw new UsageError("缺少命令");
    if (command === "check") {
      return await runCheck({ files, previous: values.previous, json: values.json ?? false }, io);
    }
    throw new UsageError(`未知的命令“${command}”`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`${(error as Error).message}\n运行 disclosure-report --help 查看用法。\n`);
      return EXIT_UNREADABLE;
    }
    throw error;
  }
}

/** The process entry: real files, real streams. */
export async function main(argv: readonly string[]): Promise<number> {
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  return run(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => fs.readFile(path, "utf8"),
    color,
  });
}
