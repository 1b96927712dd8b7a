import { promises as fs } from "fs";
import { parseArgs } from "util";
import { runCheck } from "./check";
import { runConsolidate } from "./consolidate";
import { runExport } from "./export";
import { runTemplate } from "./template";
import { EXIT_UNREADABLE, UsageError, type CliIo } from "./io";

export const HELP = `disclosure-report — 政府信息公开工作年度报告表格（表二、表三、表四）检查工具

用法：
  disclosure-report check 报表.json|工作簿.xlsx [--previous 上年.json|上年.xlsx] [--json]
  disclosure-report check 甲.xlsx 乙.json …        多个文件：每个文件一行结论
  disclosure-report template --agency 机关名称 --year 2024 [--format 2021] --out 年报表格.xlsx
  disclosure-report export 报表.json|工作簿.xlsx --to html|docx|xlsx|json --out 文件 [--force]
  disclosure-report consolidate 部门甲.xlsx 部门乙.xlsx … --out 汇总.xlsx|汇总.json [--json]

命令：
  check      按国办公开办函〔2021〕30号（或〔2019〕60号试行格式）检查表格的勾稽关系、
             空白和非数字内容，逐条列出问题。.xlsx 工作簿中的表格按标签识别，位置不限，
             与格式不同之处（缺行、旧标签、繁体字等）一并列出
  template   写出与加载项相同的空白表格（含总计公式、勾稽检查），供手工填写
  export     先检查，再导出：html（门户网站）、docx（Word）、xlsx（提交用干净副本，含校验记录）、
             json（报表 JSON）。有错误时不导出，除非加 --force
  consolidate 先逐个检查各部门的表格，再把通过的（含只有警告的）相加为汇总；有错误的部门不计入，
             除非加 --include-errors；格式不同的部门不相加

选项：
  --previous FILE  上年的年报，用于检查“上年结转”与上年“结转下年度继续办理”是否衔接（Y1）
                   以及现行有效件数（Y2）
  --json           以 JSON 输出（格式见 report-json.md）
  --format         2021 或 2019（默认按年度：2021 年度起为 2021 年版格式）
  --force          template：覆盖已存在的文件；export：有错误仍然导出
  --overwrite      export：覆盖已存在的输出文件
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
        format: { type: "string" },
        agency: { type: "string" },
        year: { type: "string" },
        out: { type: "string" },
        force: { type: "boolean", default: false },
        to: { type: "string" },
        overwrite: { type: "boolean", default: false },
        "include-errors": { type: "boolean", default: false },
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
    if (command === "template") {
      if (files.length > 0) throw new UsageError(`template 不需要文件参数：${files.join(" ")}`);
      return await runTemplate({ ...values, force: values.force ?? false, exists: io.exists }, io);
    }
    if (command === "export") {
      if (files.length > 1) throw new UsageError("export 一次导出一个报表文件");
      return await runExport(
        { ...values, file: files[0], force: values.force ?? false, overwrite: values.overwrite ?? false },
        io,
      );
    }
    if (command === "consolidate") {
      return await runConsolidate(
        {
          files,
          out: values.out,
          format: values.format,
          agency: values.agency,
          year: values.year,
          includeErrors: values["include-errors"] ?? false,
          json: values.json ?? false,
          overwrite: values.overwrite ?? false,
          progress: io.color,
        },
        io,
      );
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

/** Real files and streams; colour only where a person reads a terminal. */
export function nodeIo(color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => fs.readFile(path, "utf8"),
    readBytes: (path) => fs.readFile(path),
    writeBytes: (path, bytes) => fs.writeFile(path, bytes),
    exists: (path) =>
      fs.access(path).then(
        () => true,
        () => false,
      ),
    color,
  };
}

/** The process entry. */
export async function main(argv: readonly string[]): Promise<number> {
  return run(argv, nodeIo());
}
