/**
 * The reader on a distributor's dashboard the artist added (entrypoints/distributor.content/):
 * the shared dashboard reader (./site-reader.ts) with the background reading each response
 * (`cs:recognise`: a saved recipe, or candidates), and, while nothing reads the page, the
 * panel's question (components/overlay/TeachPanel.tsx). The artist's answer saves a recipe
 * (`cs:confirmCandidate`); what it reads is recorded like any reading, with the recipe as its
 * provenance, and the panel becomes the usual comparison with Spotify for Artists.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from './messages';
import { latestReadTrack, runSiteReader, type SiteReader } from './site-reader';
import { createPageCheckQueue } from './page-check-queue';
import { checkDistributorOutcome } from './distributor-page-check';
import { collectPageEvidence } from './page-evidence';
import type { PageResponse } from './page-channel';
import type { ReaderOutcome } from './reading-session';
import { t } from '../components/i18n';
import { h } from 'preact';
import { TeachPanel, type TeachOffer, type TeachPanelProps, type TeachStatus } from '../components/overlay/TeachPanel';
import { dataHostAllowed, TAUGHT_CHANNEL } from '../core/taught-sites';
import { comparePageEvidence } from '../core/taught-page-check';
import { addressMatches } from '../core/recipes/address';
import { dayFromMs } from '../core/model/day';
import type { CandidateOffer, TaughtPage, TaughtReading, TaughtResponse } from '../core/messaging/taught';
import type { Message } from '../core/i18n/message';
import { message } from '../core/i18n/typed';

/** Candidates the panel offers at most, across the page's responses. */
const MAX_OFFERS = 5;
const MAX_REFUSALS = 6;
/** The page renders after its data arrives: the candidates' check is done again after this. */
const RECHECK_AFTER_MS = 1500;
/** Page messages held while the background says which dashboard this is (the page fetches from its first moments). */
const MAX_EARLY_MESSAGES = 40;

const today = () => dayFromMs(Date.now());

function wire(response: PageResponse): TaughtResponse {
  return { url: response.url.href, method: response.method, status: response.status, body: response.body, text: response.text };
}

async function askRecipes(ctx: ContentScriptContext): Promise<TaughtPage | null> {
  const ask = () => send('cs:recipes', { pageUrl: location.href });
  try {
    return await ask();
  } catch {
    // The background may be starting; once more, then this page is not ours to read.
    await new Promise<void>((done) => ctx.setTimeout(() => done(), 500));
    return ask().catch(() => null);
  }
}

export async function runTaughtReader(ctx: ContentScriptContext): Promise<void> {
  const early: MessageEvent[] = [];
  const hold = (event: MessageEvent) => {
    if (early.length < MAX_EARLY_MESSAGES && (event.data as { channel?: unknown } | null)?.channel === TAUGHT_CHANNEL) early.push(event);
  };
  window.addEventListener('message', hold);
  const page = await askRecipes(ctx);
  window.removeEventListener('message', hold);
  if (!page || ctx.isInvalid) return;
  const { site } = page;
  const recipePages = page.recipes.map((recipe) => recipe.page);

  // This page visit: what was offered (with the response each came in), refused, or no longer matched.
  let offers: Array<{ offer: CandidateOffer; response: PageResponse }> = [];
  let refusals: Message[] = [];
  let noMatch: { name: string; words: Message } | null = null;
  let status: TeachStatus = { kind: 'asking' };
  let read = false;
  let rechecking = false;

  const onRecipePage = (url: string) => recipePages.some((pattern) => addressMatches(pattern, url));
  const asking = () => !read && (offers.length > 0 || noMatch !== null || (refusals.length > 0 && onRecipePage(location.href)));

  // eslint-disable-next-line prefer-const -- assigned once the reader exists; the callbacks below run later
  let reader: SiteReader;

  function confirm(candidateId: string, store: string | null): void {
    const chosen = offers.find((each) => each.offer.id === candidateId);
    if (!chosen) return;
    status = { kind: 'saving' };
    showQuestion();
    send('cs:confirmCandidate', { pageUrl: location.href, today: today(), response: wire(chosen.response), candidateId, store, name: t('teachRecipeName', { site: site.label }) })
      .then(({ recipe, reading }) => {
        recipePages.push(recipe.page);
        if (reading.kind === 'no-match') {
          noMatch = { name: recipe.name, words: reading.words };
          status = { kind: 'asking' };
          showQuestion();
          return;
        }
        read = true;
        offers = [];
        status = { kind: 'asking' };
        reader.overlay.setQuestion(null);
        reader.overlay.setNotice(t('teachSaved', { name: recipe.name }));
        const outcome: ReaderOutcome = { ...reading.outcome, recipe: { id: recipe.id, name: recipe.name }, response: { template: reading.template, status: chosen.response.status } };
        // The artist answered a page that has rendered: its check is the last one (`final`).
        void Promise.resolve(checkDistributorOutcome(outcome, true))
          // The background did not answer: recorded unchecked, as a page without a check is.
          .catch(() => ({ status: 'none' as const }))
          .then((step) => reader.record(step.status === 'checked' ? { ...step.outcome, check: step.check } : outcome));
      })
      .catch((error: unknown) => {
        status = { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
        showQuestion();
      });
  }

  function question(): TeachPanelProps {
    const evidence = collectPageEvidence();
    const shown: TeachOffer[] = offers.map(({ offer }) => ({ offer, check: comparePageEvidence(offer.points, evidence) }));
    return {
      offers: shown,
      refusals,
      noMatch,
      status,
      onConfirm: confirm,
      onDecline() {
        status = { kind: 'declined' };
        showQuestion();
      },
      onSaveSample: () => void reader.saveSample().catch(() => undefined),
    };
  }

  function showQuestion(): void {
    if (!asking()) return;
    reader.overlay.setQuestion(h(TeachPanel, question()));
    void reader.overlay.refresh();
    if (!rechecking && offers.length > 0) {
      rechecking = true;
      ctx.setTimeout(() => {
        rechecking = false;
        if (asking() && status.kind === 'asking') reader.overlay.setQuestion(h(TeachPanel, question()));
      }, RECHECK_AFTER_MS);
    }
  }

  /** Adds a response's candidates and refusals to the question, and asks. */
  function offer(reply: { candidates: readonly CandidateOffer[]; refusals: readonly Message[] }, response: PageResponse): void {
    for (const each of reply.candidates) if (offers.length < MAX_OFFERS && !offers.some((known) => known.offer.id === each.id)) offers.push({ offer: each, response });
    for (const words of reply.refusals) if (refusals.length < MAX_REFUSALS && !refusals.some((known) => known.key === words.key)) refusals.push(words);
    showQuestion();
  }

  function outcomeOf(reply: TaughtReading, response: PageResponse): ReaderOutcome {
    const empty = { tracks: [], observations: [] };
    switch (reply.kind) {
      case 'read':
        read = true;
        reader.overlay.setQuestion(null);
        reader.overlay.setNotice(t('overlayReadWithRecipe', { name: reply.recipe.name }));
        return { ...reply.outcome, recipe: reply.recipe };
      case 'no-match':
        noMatch = { name: reply.recipe.name, words: reply.words };
        offer(reply, response);
        return { kind: 'recipe-no-match', recognised: false, reason: message('readerRecipeNoLonger', { name: reply.recipe.name, reason: { text: reply.words } }), ...empty };
      case 'candidates':
        offer(reply, response);
        return { kind: 'candidates', recognised: false, reason: reply.candidates.length > 0 ? message('readerCandidatesWaiting', { count: reply.candidates.length }) : message('readerNoSeriesPerTrack'), ...empty };
      case 'nothing':
        return { kind: 'nothing', recognised: false, reason: reply.reason, ...empty };
    }
  }

  reader = runSiteReader(ctx, {
    site,
    dataHostAllowed: (host) => dataHostAllowed(site.host, host),
    async parse(response) {
      const reply = await send('cs:recognise', { pageUrl: location.href, today: today(), response: wire(response) });
      return { template: reply.template, outcome: outcomeOf(reply, response) };
    },
    // Checked against the page like every reading: a day it shows otherwise is not stored (core/page-check).
    pageCheck: (context, record) => createPageCheckQueue(context, checkDistributorOutcome, record),
    // The panel: on the pages a recipe reads, and wherever the page's data brought a question.
    domReadable: (url) => onRecipePage(url) || asking(),
    // An added dashboard is read from its data only: there is no page reader to fall back on.
    domFallbackOn: () => false,
    readDom: () => ({ kind: 'no-page-reader', recognised: false, reason: message('readerDataOnly'), tracks: [], observations: [] }),
    overlay: {
      anchor: () => null,
      trackRequest: latestReadTrack,
    },
  });

  // What came while the background answered, in the order it came (the reader listens from here on).
  for (const event of early.splice(0)) reader.receive(event);

  // A new page of the single-page app: its own question (the shared reader resets the panel).
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    offers = [];
    refusals = [];
    noMatch = null;
    status = { kind: 'asking' };
    read = false;
  });
}
