// The accessibility check itself: what expectAccessible runs must still find violations, on a
// real screen of the app (it runs axe in the page, without frames — fixtures.ts).
import { test, expect, expectAccessible } from './fixtures';

test('expectAccessible names a nameless button, low contrast and a missing label on an app screen', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Nämnder och sammanträden' })).toBeVisible();
  await expectAccessible(page, 'nämndlistan');
  await page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    const button = document.createElement('button');
    main.append(button);
    const faint = document.createElement('p');
    faint.textContent = 'Ljusgrå text på vitt';
    faint.style.color = '#eeeeee';
    faint.style.background = '#ffffff';
    main.append(faint);
    const input = document.createElement('input');
    input.type = 'text';
    main.append(input);
  });
  const failure = await expectAccessible(page, 'nämndlistan med fel').then(
    () => null,
    (e: unknown) => String(e),
  );
  expect(failure).toContain('button-name');
  expect(failure).toContain('color-contrast');
  expect(failure).toContain('label');
});
