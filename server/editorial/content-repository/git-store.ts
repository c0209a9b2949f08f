import fs from 'node:fs';

/** What every isomorphic-git call needs: the fs, where the objects are, and a shared parse cache. */
export interface GitStore {
  fs: typeof fs;
  dir: string;
  gitdir: string;
  cache: object;
}

export function gitStore(dir: string): GitStore {
  return { fs, dir, gitdir: `${dir}/.git`, cache: {} };
}
