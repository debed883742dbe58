// The response objects entry points return besides cards, named by what the user sees.
type Card = GoogleAppsScript.Card_Service.Card;

/** Replaces the card the user is looking at (no new entry on the back stack). */
export function replaceCardResponse(card: Card): GoogleAppsScript.Card_Service.ActionResponse {
  return CardService.newActionResponseBuilder().setNavigation(CardService.newNavigation().updateCard(card)).build();
}

/** Opens Google's dialog asking for `drive.file` on the open document; the manifest must list that scope. */
export function requestFileScopeResponse(): GoogleAppsScript.Card_Service.EditorFileScopeActionResponse {
  return CardService.newEditorFileScopeActionResponseBuilder().requestFileScopeForActiveDocument().build();
}

export function showCardsResponse(cards: Card[]): GoogleAppsScript.Card_Service.UniversalActionResponse {
  return CardService.newUniversalActionResponseBuilder().displayAddOnCards(cards).build();
}
