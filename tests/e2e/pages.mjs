// Page objects: how a user finds things on each page (by role, label or data-testid).

import { waitForApp } from './harness.mjs';

export class CataloguePage {
  constructor(page, app) {
    this.page = page;
    this.app = app;
  }

  async open(hash = '#/') {
    await this.app.goto(this.page, `/${hash}`);
    await waitForApp(this.page);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  cards() {
    return this.page.getByTestId('cert-card');
  }

  card(code) {
    return this.page.locator(`[data-testid="cert-card"][data-code="${code}"]`);
  }

  /** Types a query and waits until the URL and the results count reflect it. */
  async search(text) {
    const box = this.page.getByLabel(/Rechercher une certification|Search for a certification/);
    await box.fill(text);
    await this.page.waitForFunction(
      (t) => decodeURIComponent(location.hash.replace(/\+/g, ' ')).includes(t) || t === '',
      text,
    );
    // The search index is built when the box is first used (after the search file arrives).
    if (text.trim() !== '') await this.page.locator('form[role="search"][data-search="ready"]').waitFor();
  }

  async codes() {
    return this.cards().evaluateAll((els) => els.map((e) => e.dataset.code));
  }
}

/** A street mediator's own description of their job (not copied from any competency). */
export const STREET_MEDIATION =
  "Pendant deux ans j'ai été médiateur de rue dans un quartier prioritaire. J'allais à la rencontre " +
  "des habitants et des jeunes en bas des immeubles, j'apaisais les tensions et les conflits de " +
  "voisinage, je rappelais les règles de vie, j'orientais les familles vers la CAF, le CCAS et les " +
  "services sociaux, et je rédigeais un compte rendu de chaque intervention pour mon responsable. " +
  "Je travaillais en binôme et en lien avec le bailleur et la police municipale.";

export class AssessmentFlow {
  constructor(page, app) {
    this.page = page;
    this.app = app;
  }

  async start() {
    await this.app.goto(this.page, '/');
    await waitForApp(this.page);
    await this.page.getByTestId('cert-card').first().waitFor();
  }

  /** Adds a certification to the selection from its catalogue card. */
  async select(code) {
    if (!(await this.page.getByTestId('cert-card').count())) {
      await this.page.goto(this.app.url('/#/'));
    }
    const button = this.page.locator(`[data-testid="cert-card"][data-code="${code}"] [data-testid="select-toggle"]`);
    await button.click();
    await this.page.locator(`[data-testid="selection-bar"] .chip[data-code="${code}"]`).waitFor();
  }

  async selectionCodes() {
    return this.page.locator('[data-testid="selection-bar"] .chip').evaluateAll((els) => els.map((e) => e.dataset.code));
  }

  async openAssessment(code) {
    await this.page.goto(this.app.url(`/#/bilan/${code}`));
    await this.page.locator(`[data-testid="cert-assessment"][data-code="${code}"]`).waitFor();
  }

  assessBloc(code) {
    return this.page.locator(`[data-testid="assess-bloc"][data-code="${code}"]`);
  }

  async addExperience(title, description) {
    await this.page.goto(this.app.url('/#/experiences'));
    await this.page.getByRole('heading', { level: 1 }).waitFor();
    await this.page.getByLabel('Intitulé').fill(title);
    await this.page.getByLabel('Type d’expérience').selectOption('emploi');
    await this.page.getByLabel('Ce que vous avez fait').fill(description);
    await this.page.getByRole('button', { name: 'Ajouter une expérience' }).click();
    await this.page.getByTestId('experience').first().waitFor();
  }

  async openResults() {
    await this.page.goto(this.app.url('/#/resultats'));
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  async openData() {
    await this.page.goto(this.app.url('/#/donnees'));
    await this.page.getByRole('heading', { level: 1, name: 'Mes données' }).waitFor();
  }
}
