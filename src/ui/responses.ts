// The response objects entry points return besides cards, named by what the user sees.
type Card = GoogleAppsScript.Card_Service.Card;
type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;

function navigate(navigation: GoogleAppsScript.Card_Service.Navigation, notification?: string): ActionResponse {
  const builder = CardService.newActionResponseBuilder().setNavigation(navigation);
  if (notification) builder.setNotification(CardService.newNotification().setText(notification));
  return builder.build();
}

/** Replaces the card the user is looking at (no new entry on the back stack), with an optional notification. */
export function replaceCardResponse(card: Card, notification?: string): ActionResponse {
  return navigate(CardService.newNavigation().updateCard(card), notification);
}

/** Back to the first card of the stack (the homepage), replaced by `card`: after a card pushed on top of it is done. */
export function rootCardResponse(card: Card, notification?: string): ActionResponse {
  return navigate(CardService.newNavigation().popToRoot().updateCard(card), notification);
}

/** Opens a card on top of the current one (the back arrow returns). */
export function pushCardResponse(card: Card, notification?: string): ActionResponse {
  return navigate(CardService.newNavigation().pushCard(card), notification);
}

export function notificationResponse(text: string): ActionResponse {
  return CardService.newActionResponseBuilder().setNotification(CardService.newNotification().setText(text)).build();
}

/** Opens Google's dialog asking for `drive.file` on the open document; the manifest must list that scope. */
export function requestFileScopeResponse(): GoogleAppsScript.Card_Service.EditorFileScopeActionResponse {
  return CardService.newEditorFileScopeActionResponseBuilder().requestFileScopeForActiveDocument().build();
}

export function showCardsResponse(cards: Card[]): GoogleAppsScript.Card_Service.UniversalActionResponse {
  return CardService.newUniversalActionResponseBuilder().displayAddOnCards(cards).build();
}
