/**
 * `npm run eval`: every quality figure of the extract stage on the labelled data, in one run, beside
 * the Readability baseline measured on the same pages, checked against the pinned floors in
 * eval/floors.json. Exits 1 when a score falls under its floor. Writes eval/out/latest.json.
 *
 *   npm run eval                 # everything
 *   npm run eval -- --quick      # first 200 WCXB pages, no baseline (for iterating)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evalWcxbHtml } from './wcxb-html.ts';
import { evalReadability } from './readability.ts';
import { DUMP_STYLES, evalWcxbText, lynxAvailable } from './wcxb-text.ts';
import { evalWcxbTextMeta } from './wcxb-text-meta.ts';
import { evalSeeds, seedsAvailable } from './seeds.ts';
import { evalExamples } from './examples.ts';
import { dedupEvalAvailable, evalDedup } from './dedup.ts';
import { ecbAvailable, evalCluster } from './cluster.ts';
import { evalBrief, pooledBriefFigures } from './brief.ts';
import { checkFloors, type EvalFigures } from './floors.ts';
import { REPO_ROOT, loadWcxb, wcxbAvailable } from './lib.ts';

const quick = process.argv.includes('--quick');
const limit = quick ? 200 : Infinity;
const f = (x: number) => x.toFixed(3);
const figures: EvalFigures = {};

console.log('# Storyweave extract evaluation\n');

if (seedsAvailable()) {
  const seeds = evalSeeds();
  figures.seedsMinF1 = Math.min(...seeds.map((s) => s.f1));
  figures.seedsTitles = seeds.filter((s) => s.titleOk).length / seeds.length;
  console.log('## Seeds (../shared/seeds, our line labels in fixtures/seeds)');
  for (const s of seeds) console.log(`  ${s.seed}  F1 ${f(s.f1)}  P ${f(s.precision)}  R ${f(s.recall)}  title ${s.titleOk ? 'exact' : `WRONG: ${s.title}`}`);
  console.log();
} else {
  console.warn('SKIPPED seeds: ../shared/seeds not found');
}

const examples = await evalExamples();
figures.examplesMeanF1 = examples.meanF1;
figures.examplesMinF1 = examples.minF1;
console.log(`## Examples (examples/, golden fixtures in fixtures/examples): ${examples.pages} pages`);
console.log(`  mean F1 ${f(examples.meanF1)}  min F1 ${f(examples.minF1)}  metadata fields exact ${examples.metaExact}/${examples.metaChecked}`);
for (const m of examples.mismatches.slice(0, 15)) console.log(`  - ${m}`);
console.log();

if (wcxbAvailable()) {
  const pages = loadWcxb(limit);
  const ours = evalWcxbHtml(pages);
  figures.wcxbF1 = ours.f1;
  figures.wcxbTitleExact = ours.titleExact;
  figures.wcxbDateAccuracy = ours.dateAccuracy;
  figures.wcxbAuthorPrecision = ours.authorPrecision;
  console.log(`## WCXB dev articles, HTML (${ours.pages} pages)`);
  console.log(`  Storyweave   F1 ${f(ours.f1)}  P ${f(ours.precision)}  R ${f(ours.recall)}  ${ours.msPerPage.toFixed(1)} ms/page`);
  console.log(`               title exact ${f(ours.titleExact)}  date accuracy ${f(ours.dateAccuracy)} (${ours.dateFalsePositives} dates on undated gold)`);
  console.log(`               author precision ${f(ours.authorPrecision)}  coverage ${f(ours.authorCoverage)}  refused ${ours.failures}`);
  if (!quick) {
    const rd = evalReadability(pages);
    figures.readabilityF1 = rd.f1;
    console.log(`  Readability  F1 ${f(rd.f1)}  P ${f(rd.precision)}  R ${f(rd.recall)}  ${rd.msPerPage.toFixed(1)} ms/page  (0.6.0 + linkedom 0.18.14, same run)`);
  }
  const text = await evalWcxbText(limit);
  figures.wcxbTextF1 = text.f1;
  console.log(`## WCXB dev articles rendered to whole-page text dumps (html-to-text, innerText-like; ${text.pages} pages)`);
  console.log(`  Storyweave   F1 ${f(text.f1)}  P ${f(text.precision)}  R ${f(text.recall)}  title exact ${f(text.titleExact)}  ${text.msPerPage.toFixed(2)} ms/page`);
  // Other dump styles of the same pages (not tuned on): how the text extractor carries to other renderers.
  const otherFigures = { annotated: 'wcxbTextAnnotatedF1', markdown: 'wcxbTextMarkdownF1', lynx: 'wcxbTextLynxF1' } as const;
  for (const style of ['annotated', 'markdown', 'lynx'] as const) {
    if (style === 'lynx' && !lynxAvailable()) {
      console.warn('  SKIPPED lynx -dump style: lynx is not installed (Debian: apt-get install lynx)');
      continue;
    }
    const other = await evalWcxbText(limit, style);
    figures[otherFigures[style]] = other.f1;
    console.log(`  as ${DUMP_STYLES[style].label}: F1 ${f(other.f1)}  P ${f(other.precision)}  R ${f(other.recall)}  title exact ${f(other.titleExact)}`);
  }
  const tm = evalWcxbTextMeta(limit);
  figures.wcxbTextDateAccuracy = tm.dateAccuracy;
  figures.wcxbTextAuthorPrecision = tm.authorPrecision;
  console.log(`               date accuracy ${f(tm.dateAccuracy)} (${tm.dateMissing} of ${tm.datedPages} dated pages given none; ${tm.dateFalsePositives} dates on undated gold)`);
  console.log(`               author precision ${f(tm.authorPrecision)}  coverage ${f(tm.authorCoverage)}`);
  console.log();
} else {
  console.warn('SKIPPED WCXB: ../shared/data/wcxb-dev-articles not found');
}

if (dedupEvalAvailable()) {
  const d = evalDedup();
  console.log(`## Copies: generated benchmark from WCXB gold bodies (${d.texts} texts → ${d.articles} articles, seeded edits)`);
  for (const [kind, k] of Object.entries(d.perKind)) {
    console.log(`  ${kind.padEnd(16)} P ${f(k.precision)}  R ${f(k.recall)}  (${k.correct}/${k.gold} gold, ${k.predicted} predicted)`);
  }
  console.log(`  any copy         P ${f(d.copy.precision)}  R ${f(d.copy.recall)}   hard negatives called a copy: ${d.hardNegatives.calledCopy} of ${d.hardNegatives.pairs}   ${d.msPerArticle.toFixed(2)} ms/article`);
  console.log();
  for (const kind of ['exact', 'near', 'partial'] as const) {
    figures[`dedup_${kind}_precision`] = d.perKind[kind].precision;
    figures[`dedup_${kind}_recall`] = d.perKind[kind].recall;
  }
  figures.dedupHardNegativeCopies = d.hardNegatives.calledCopy;
} else {
  console.warn('SKIPPED copies benchmark: ../shared/data/wcxb-dev-articles not found');
}

if (ecbAvailable()) {
  const c = evalCluster();
  console.log('## Stories: ECB+ dev (B-cubed against subtopic; no dates; topics 1–20 tuned on, 21–35 held out)');
  for (const [name, part] of [['tuning', c.tune], ['held-out', c.heldOut]] as const) {
    const b = (x: { precision: number; recall: number; f1: number }) => `P ${f(x.precision)} R ${f(x.recall)} F1 ${f(x.f1)}`;
    console.log(`  ${name.padEnd(9)} ${part.docs} docs, ${part.subtopics} events → ${part.stories} stories: ${b(part.ours)}`);
    console.log(`            baselines: all singletons ${b(part.singletons)}; one story per topic ${b(part.perTopic)}`);
    console.log(`            order agreement over 5 shuffles: batch ${f(part.batchOrderAgreement)}, online ${f(part.onlineOrderAgreement)}`);
  }
  console.log();
  figures.clusterTuneF1 = c.tune.ours.f1;
  figures.clusterHeldOutF1 = c.heldOut.ours.f1;
  figures.clusterOrderAgreement = Math.min(c.tune.batchOrderAgreement, c.heldOut.batchOrderAgreement);
} else {
  console.warn('SKIPPED stories: ../shared/data/ecbplus-dev not found');
}

{
  const stories = await evalBrief();
  console.log(`## Brief components on labelled stories (${stories.map((s) => s.name).join(', ')}; gold in fixtures/brief)`);
  for (const s of stories) {
    const q = s.quotes;
    const c = s.claims;
    console.log(
      `  ${s.name.padEnd(6)} quotes: ${q ? `recall ${f(q.recall)} (${q.found}/${q.gold}), speaker accuracy ${f(q.speakerAccuracy)}` : '—'}` +
        `   claims: ${c ? `disagreements R ${f(c.disagreementRecall)} P ${f(c.disagreementPrecision)} (${c.goldDisagreements} gold, ${c.predictedDisagreements} predicted), labels ${f(c.labelAccuracy)}` : '—'}`,
    );
  }
  Object.assign(figures, pooledBriefFigures(stories));
  console.log(`  pooled: quote recall ${f(figures.quoteRecall ?? 0)}, speaker accuracy ${f(figures.quoteSpeakerAccuracy ?? 0)}, disagreement recall ${f(figures.disagreementRecall ?? 0)}, precision ${f(figures.disagreementPrecision ?? 0)}`);
  console.log();
}
Object.assign(figures, await (await import('./timeline.ts')).printTimelineEval());

await (await import('./summary.ts')).reportSummaries(figures);

const outDir = join(REPO_ROOT, 'eval', 'out');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'latest.json'), JSON.stringify({ quick, figures }, null, 2));

const failures = quick ? [] : checkFloors(figures);
console.log('## Floors (eval/floors.json)');
if (quick) console.log('  not checked in --quick mode');
else if (failures.length === 0) console.log('  all figures at or above their floors');
for (const fl of failures) console.log(`  BELOW FLOOR: ${fl}`);
process.exitCode = failures.length > 0 ? 1 : 0;
