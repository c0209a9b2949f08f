import { runTool } from './run-tool.ts';

/**
 * The content repository in a backup (docs/adr/0100): one git bundle of
 * every ref — `main`, each draft's branch, the records of publications,
 * urgent publications and discarded drafts — so the editorial workflow
 * comes back as it was, history included. git's own format: any git can
 * read it, without congso.
 */

/** Writes the bundle; returns how many refs it holds. */
export async function bundleRepository(repoDir: string, file: string): Promise<number> {
  await runTool('git', ['bundle', 'create', '--quiet', file, '--all'], { cwd: repoDir });
  return (await listRefs(file, repoDir)).length;
}

/** The refs of a bundle, `HEAD` aside. */
export async function listRefs(file: string, cwd: string): Promise<Array<{ ref: string; oid: string }>> {
  const heads = await runTool('git', ['bundle', 'list-heads', file], { cwd });
  return heads
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([oid, ref]) => oid && ref && ref !== 'HEAD')
    .map(([oid, ref]) => ({ oid: oid!, ref: ref! }));
}

/** Makes `dir` (an empty folder) the repository of the bundle, every ref as it was, its working tree `main`. */
export async function unbundleRepository(file: string, dir: string): Promise<void> {
  await runTool('git', ['init', '--quiet', '--initial-branch=main', dir]);
  // HEAD names main before main exists: fetching into it must be allowed explicitly.
  await runTool('git', ['fetch', '--quiet', '--update-head-ok', file, 'refs/*:refs/*'], { cwd: dir });
  await runTool('git', ['checkout', '--quiet', '--force', 'main'], { cwd: dir });
}
