// zh: messages of the "setup" area, translated from en/setup.ts (same keys, same params).
export const setup = {
  "setup.title":
    "在 GitHub 上注册 Partnership Governance",
  "setup.problems":
    "注册本应用之前，请设置：",
  "setup.problem.org":
    "GH_ORG：伙伴关系在 GitHub 上的组织登录名。本应用注册为该组织的私有应用，只有该组织可以安装。",
  "setup.problem.webhook":
    "WEBHOOK_URL：GitHub 访问本服务器的公网地址，例如 https://governance.example.org/api/github/webhooks（位于 TLS 代理之后）。如果只是试用且没有公网地址，可改设 WEBHOOK_PROXY_URL：在 https://smee.io/new 创建的通道，本服务器会从中读取。",
  "setup.problem.webhook-invalid":
    "WEBHOOK_URL 为 {value}：GitHub 无法访问。请提供公网主机上的 http 或 https 地址（不能是 localhost）。",
  "setup.problem.name":
    "APP_NAME 为 {value}：GitHub 最多允许 {max} 个字符。",
  "setup.restart":
    "请在环境变量或本文件夹的 .env 文件中设置，然后重启应用（npm start）并刷新本页。",
  "setup.explain.register":
    "下面的按钮会打开 GitHub 的页面，为组织 {org} 注册一个私有 GitHub App，建议名称为 {name}。GitHub App 的名称在整个 GitHub 上唯一：如果 GitHub 提示名称已被占用，请在该页面上修改。",
  "setup.explain.webhook":
    "GitHub 会把本应用的 webhook 发送到 {url}。",
  "setup.explain.proxy":
    "GitHub 会把本应用的 webhook 发送到代理通道 {url}，本服务器运行期间从中读取：该通道是公开的，仅供试用。",
  "setup.explain.after":
    "注册后，应用会把凭据写入本文件夹的 .env 文件，GitHub 会询问安装位置：请选择 {org}。然后重启应用（npm start），从此开始治理。",
} satisfies Record<string, string>;
