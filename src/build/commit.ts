import fs from 'node:fs';
import git from 'isomorphic-git';

/** The commit the content root is at, for `build-info.json`; undefined outside a repository or before the first commit. */
export async function currentCommit(dir: string): Promise<string | undefined> {
  try {
    const gitdir = await git.findRoot({ fs, filepath: dir });
    return await git.resolveRef({ fs, dir: gitdir, ref: 'HEAD' });
  } catch {
    return undefined;
  }
}
