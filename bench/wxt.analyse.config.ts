/**
 * The extension's own build configuration, built into bench-output/ with a per-module size
 * report (rollup-plugin-visualizer's raw data): what weighs in each content script.
 * Used by bench/bundle.ts; never by the shipped build.
 */
import config from '../wxt.config';

export default {
  ...config,
  outDir: 'bench-output/wxt',
  analysis: { enabled: true, template: 'raw-data', outputFile: 'bench-output/wxt/stats.json', keepArtifacts: true },
};
