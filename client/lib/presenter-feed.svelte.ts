/** The presenter's screen's feed (S33): filled in by the presenter work. */
export class PresenterFeed {
  constructor(readonly ceremonyId: string) {}
  open(): void {}
}
