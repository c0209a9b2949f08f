import { z } from 'zod';

/**
 * The request bodies decap-server accepts (packages/decap-server, joi
 * schemas), written as zod. Unknown keys pass, as there.
 */
const str = z.string().min(1);
const branch = z.object({ branch: str });
const asset = z.object({ path: str, content: z.string(), encoding: z.literal('base64') });
const dataFile = z.object({ slug: str, path: str, raw: z.string(), newPath: str.optional() });
const commitOptions = z.object({ commitMessage: str });
const entryRef = branch.extend({ collection: str, slug: str });

export const PAYLOADS = {
  info: z.unknown(),
  entriesByFolder: branch.extend({ folder: str, extension: str, depth: z.number() }),
  entriesByFiles: branch.extend({ files: z.array(z.object({ path: str, label: z.string().optional() })) }),
  getEntry: branch.extend({ path: str }),
  unpublishedEntries: branch,
  unpublishedEntry: branch.extend({
    id: str.optional(),
    collection: str.optional(),
    slug: str.optional(),
    cmsLabelPrefix: z.string().optional(),
  }),
  unpublishedEntryDataFile: entryRef.extend({ id: z.string(), path: str }),
  unpublishedEntryMediaFile: entryRef.extend({ id: z.string(), path: str }),
  deleteUnpublishedEntry: entryRef,
  persistEntry: branch
    .extend({
      cmsLabelPrefix: z.string().optional(),
      entry: dataFile.optional(),
      dataFiles: z.array(dataFile).optional(),
      assets: z.array(asset),
      options: z.object({
        collectionName: z.string().optional(),
        commitMessage: str,
        useWorkflow: z.boolean(),
        status: z.string().optional(),
      }),
    })
    .refine((p) => (p.entry === undefined) !== (p.dataFiles === undefined), 'exactly one of entry and dataFiles'),
  updateUnpublishedEntryStatus: entryRef.extend({ newStatus: str, cmsLabelPrefix: z.string().optional() }),
  publishUnpublishedEntry: entryRef,
  getMedia: branch.extend({ mediaFolder: str }),
  getMediaFile: branch.extend({ path: str }),
  persistMedia: branch.extend({ asset, options: commitOptions }),
  deleteFile: branch.extend({ path: str, options: commitOptions }),
  deleteFiles: branch.extend({ paths: z.array(str).min(1), options: commitOptions }),
  getDeployPreview: entryRef,
} as const;

export type ProxyAction = keyof typeof PAYLOADS;
export const PROXY_ACTIONS = Object.keys(PAYLOADS) as ProxyAction[];
export type Payload<A extends ProxyAction> = z.infer<(typeof PAYLOADS)[A]>;

/**
 * Actions the proxy backend of newer Decap versions sends that decap-server
 * does not know (notes, PR metadata): answered with "nothing" rather than an
 * error, so the editor keeps working.
 */
export const QUIET_ACTIONS: Record<string, unknown> = {
  getNotes: { notes: [] },
  getPRMetadata: { metadata: null },
};
