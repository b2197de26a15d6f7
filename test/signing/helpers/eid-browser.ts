// A scripted "browser" for the signing service's HTTP POST binding, for tests without Chromium:
// opens the loopback start page, posts its form to the service, presses a button on the test
// service's authentication page, and posts the auto-submitted response back to the loopback.
// (test/e2e/signservice.spec.ts does the same in a real browser.)

export interface Form {
  action: string;
  fields: URLSearchParams;
}

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function formOf(html: string, base: string): Form {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (action === undefined) throw new Error(`ingen form på sidan: ${html.slice(0, 300)}`);
  const fields = new URLSearchParams();
  for (const [, n, v] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields.set(n ?? '', unescape(v ?? ''));
  return { action: new URL(unescape(action), base).toString(), fields };
}

export interface BrowserVisit {
  /** The authentication page's text (the sign message is on it). */
  authenticationPage: string;
  /** What the loopback answered the returned response with. */
  returnStatus: number;
}

/**
 * Goes through the round trip up to the service's answer, pressing "sign" or "cancel": the form
 * the service's page would post to the loopback (action, Binding, RelayState, EidSignResponse).
 */
export async function serviceAnswer(startUrl: string, button: 'sign' | 'cancel' = 'sign'): Promise<Form & { authenticationPage: string }> {
  const startPage = await (await fetch(startUrl)).text();
  const start = formOf(startPage, startUrl);
  const auth = await fetch(start.action, { method: 'POST', body: start.fields });
  const authenticationPage = await auth.text();
  if (!auth.ok) throw new Error(`tjänsten avvisade begäran: ${authenticationPage}`);
  const a = formOf(authenticationPage, start.action);
  a.fields.set('action', button);
  return { ...formOf(await (await fetch(a.action, { method: 'POST', body: a.fields })).text(), a.action), authenticationPage };
}

/** Goes through the round trip, pressing "sign" or "cancel" at the service. */
export async function visitSignService(startUrl: string, button: 'sign' | 'cancel' = 'sign'): Promise<BrowserVisit> {
  const back = await serviceAnswer(startUrl, button);
  const returned = await fetch(back.action, { method: 'POST', body: back.fields });
  await returned.text();
  return { authenticationPage: back.authenticationPage, returnStatus: returned.status };
}
