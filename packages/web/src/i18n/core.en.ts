// The texts the first screen needs (English): the shell, login, home (the main file with its cash and contracts
// parts, admin's home board, workspace's). Loaded before the first render; the areas' texts (resources.en.ts) after it.
import en from './en';
import adminEn from './admin.en';
import workspace from './workspace.en';

export default { ...en, ...adminEn, ...workspace };
