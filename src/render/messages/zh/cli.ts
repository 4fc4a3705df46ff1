// Simplified Chinese messages of the "cli" area (ICU MessageFormat). The same keys as en/cli.ts.
export const cli = {
  "cli.usage.main":
    "用法：partnership-governance <command> [options]\n\n命令：\n  validate   检查磁盘上的政策和登记册\n  simulate   显示各项检查对某个文件所描述的拉取请求会给出的结果\n  report     生成并发布某一期间的透明度报告\n  verify     核验透明度日志的哈希链\n  sweep      对全部安装执行一轮调度\n\n运行 `partnership-governance <command> --help` 查看某个命令的选项。",
  "cli.usage.validate":
    "用法：partnership-governance validate [--config FILE] [--registry FILE] [--lang LANG]\n\n  --config FILE     政策文件（默认为 .github/governance.yml）\n  --registry FILE   登记册文件（默认为政策中的 `registry`，前提是它是本存储库中的路径）\n  --lang LANG       消息所用的语言：en、fr、es、ru、zh 或 ar（默认为 en）\n\n退出状态：0 表示有效（可以有警告），1 表示发现问题，2 表示用法错误或有文件无法读取。",
  "cli.error.unknown-command": "`{command}` 不是有效的命令。",
  "cli.error.unknown-option": "`{option}` 不是此命令的选项。",
  "cli.error.missing-value": "选项 `{option}` 需要一个值。",
  "cli.error.bad-language": "`{value}` 不是本应用支持的语言。请使用以下之一：{allowed}。",
  "cli.error.unreadable": "无法读取 `{file}`：{reason, select, missing {该文件不存在} directory {这是一个文件夹} denied {权限被拒绝} other {{reason}}}。",
  "cli.error.unexpected": "程序内部出错：{message}",
  "cli.validate.registry-needed":
    "政策的登记册是 `{ref}`，位于另一个存储库中。如需检查，请用 `--registry FILE` 提供其副本。",
  "cli.validate.registry-absent": "登记册文件 `{file}` 不存在：尚无人声明；在它存在之前，每位贡献者的声明检查都会失败，任何决定都无法获得签署。请创建它（第一个由管理员合并），或用 `--registry` 指定其路径。",
  "cli.validate.registry-skipped": "由于政策存在问题，未检查登记册。",
  "cli.validate.registry-no-base": "由于无法获取基础政策，未检查登记册。",
  "cli.validate.valid":
    "{files} {count, plural, other {有效}}{warnings, plural, =0 {。} other {，但有 # 个警告。}}",
  "cli.validate.invalid":
    "在 {files} 中发现 {errors, plural, other {# 个问题}}{warnings, plural, =0 {} other {和 # 个警告}}。",
  "cli.error.unreachable":
    "无法连接 {url} 上的 GitHub（{reason}）。请检查本机的网络连接；如使用 GitHub Enterprise，请检查 GITHUB_API_URL。",
  "cli.error.timeout":
    "{url} 上的 GitHub 在 {seconds} 秒内没有响应。请稍后再试，或用 GITHUB_REQUEST_TIMEOUT（秒）延长等待时间。",
} satisfies Record<string, string>;
