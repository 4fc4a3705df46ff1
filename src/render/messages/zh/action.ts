// Simplified Chinese messages of the "action" area (ICU MessageFormat): what the GitHub Action's
// entry (src/action.ts) prints in a workflow's log. The same keys as en/action.ts.
export const action = {
  "action.error.not-in-workflow":
    "Partnership Governance 作为 GitHub Actions 工作流中的一个步骤运行，但未设置 {variable}。如需在其他环境中运行本应用，请使用服务器（npm start）或命令行。",
  "action.error.no-token":
    "没有 GitHub 令牌：请为本 Action 提供 github-token 输入（默认为工作流自身的令牌），或设置 GITHUB_TOKEN。",
  "action.error.bad-app-id":
    "app-id 输入必须是正整数（GitHub Actions 的应用 ID，在 github.com 上为 15368）；当前值为 `{value}`。",
  "action.error.bad-repository":
    "GITHUB_REPOSITORY 必须以 OWNER/NAME 的形式指明存储库；当前值为 `{value}`。",
  "action.error.unreadable-event": "无法读取事件文件 {file}：{reason}",
  "action.error.pull-request-event":
    "本 Action 只在 pull_request_target 上运行，绝不在 pull_request 上运行：pull_request 工作流运行的是拉取请求自身所带的工作流文件副本，而拉取请求的作者可以修改该副本。请在工作流文件中将 pull_request 替换为 pull_request_target。",
  "action.error.failed": "Partnership Governance 处理 {event} 事件时失败：{message}",
  "action.fork-review":
    "这是对来自复刻（fork）的拉取请求的审查：GitHub 只给此工作流只读令牌，因此现在不会写入检查结果。下一次定时扫描会写入；如需立即写入，请在该拉取请求中评论 /governance check。",
  "action.done": "Partnership Governance 已处理 {event} 事件。",
} satisfies Record<string, string>;
