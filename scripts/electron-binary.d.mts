export function resolveElectronBinary(root: string, env?: NodeJS.ProcessEnv): { path: string } | { missing: string };
