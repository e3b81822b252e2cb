import { basename, join } from 'node:path';
import { generateDemoCouncil } from '../demo/index.ts';
import type { Actor } from '../store/change-log.ts';
import type { SnapshotService, SnapshotSummary } from './service.ts';

/**
 * Generates the synthetic council as one xlsx workbook in `<dataDir>/demo/` (1% of rows with recorded faults)
 * and imports it. The same options give byte-identical files, so loading the same demo twice returns the
 * snapshot made the first time rather than a duplicate.
 */
export async function loadDemoCouncil(
  service: SnapshotService,
  options: { dataDir: string; children: number; asAt: string; seed: number; actor: Actor },
): Promise<SnapshotSummary> {
  const outDir = join(options.dataDir, 'demo');
  const demo = await generateDemoCouncil({
    outDir,
    children: options.children,
    asAt: options.asAt,
    seed: options.seed,
    format: 'xlsx',
    faults: 0.01,
  });
  const workbook = demo.files.find((f) => f.endsWith('.xlsx'));
  if (!workbook) throw new Error('The demo council generator wrote no workbook');
  const outcome = await service.importFiles([{ path: workbook, name: basename(workbook) }], {
    asAt: options.asAt,
    actor: options.actor,
  });
  if (outcome.snapshot) return outcome.snapshot;
  if (outcome.duplicateOf) {
    const existing = await service.get(outcome.duplicateOf);
    if (existing) return existing;
  }
  throw new Error(`The demo council could not be imported: ${outcome.fatal ?? 'nothing was stored'}`);
}
