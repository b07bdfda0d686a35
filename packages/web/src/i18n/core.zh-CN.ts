// The texts the first screen needs (简体中文): the shell, login, home (the main file with its cash and contracts
// parts, admin's home board, workspace's). Loaded before the first render; the areas' texts (resources.zh-CN.ts) after it.
import zhCN from './zh-CN';
import adminZh from './admin.zh-CN';
import workspace from './workspace.zh-CN';

export default { ...zhCN, ...adminZh, ...workspace };
