// Simplified Chinese messages of the "app" area (ICU MessageFormat): the evaluation's own
// messages and the sweep command. The same keys as en/app.ts.
export const app = {
  "app.policy-deleted":
    "此拉取请求删除了政策文件 {file}。删除后，本存储库将不再受治理，因此本拉取请求按现状无法获得多部门核准：请恢复该文件，或以一份有效的政策替换。",
  "app.sweep.usage":
    "用法：partnership-governance sweep [--repo OWNER/NAME]\n\n执行一轮调度：发布到期的透明度报告，并重新评估每个受治理存储库中所有未关闭的拉取请求。\n使用 APP_ID 和 PRIVATE_KEY 时：处理本应用的全部安装。使用 GITHUB_TOKEN 时：处理一个存储库（--repo，或 GITHUB_REPOSITORY）。",
  "app.sweep.need-repo":
    "使用 GITHUB_TOKEN 时，请指明要处理的存储库：--repo OWNER/NAME（或设置 GITHUB_REPOSITORY）。",
  "app.sweep.done":
    "本轮调度完成：{installations, plural, other {# 个安装}}，{repositories, plural, other {# 个存储库}}（其中 {governed} 个受治理），已评估 {pullRequests, plural, other {# 个未关闭的拉取请求}}，{failures, plural, =0 {没有评估失败} other {# 次评估失败}}，{errors, plural, =0 {没有其他错误} other {# 个其他错误}}。",
} satisfies Record<string, string>;
