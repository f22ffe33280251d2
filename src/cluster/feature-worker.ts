/**
 * Worker-thread entry of FeaturePool (./pool.ts): computes articleFeatures with the default entity
 * layer for each batch it is sent and posts the features back (Maps and Sets survive structured
 * clone). Features are pure, so a worker's answer equals the clusterer's own.
 */
import { parentPort } from 'node:worker_threads';
import { articleFeatures } from './features.ts';
import type { FeatureReply, FeatureRequest } from './pool.ts';

const port = parentPort;
if (!port) throw new Error('feature-worker.ts runs as a worker thread of FeaturePool');
port.on('message', (req: FeatureRequest) => {
  let reply: FeatureReply;
  try {
    reply = { seq: req.seq, features: req.units.map((u) => articleFeatures(u)) };
  } catch (e) {
    reply = { seq: req.seq, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
